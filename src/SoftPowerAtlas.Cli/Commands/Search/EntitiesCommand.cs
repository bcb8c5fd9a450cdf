using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Cli.Commands.Search;

/// <summary><c>atlas entities TEXT</c>: agencies, bodies, organisations and people whose name or an alias contains the text.</summary>
internal static class EntitiesCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var text = new Argument<string[]>("text") { Description = "Part of a name or alias, Thai or English, any case (อพท, dasta, Creative Culture).", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "How many entities at most (1-200).", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the entities as JSON." };
        var command = new Command("entities", """
            Find an agency, foreign body, organisation or person by any of its names or aliases, Thai or English:
            exact names first, then names starting with the text, then names containing it; each with its
            kind, country, how many documents mention it, and its aliases. Use the key or an alias in agency:... searches.
            Examples: atlas entities อพท      atlas entities "creative economy"      atlas entities supaporn --json
            Exit codes: 0 found, 1 nothing found or no database, 2 usage error.
            """) { text, limit, json };
        command.SetAction(parse => Run(parse.GetValue(db)!, string.Join(' ', parse.GetValue(text)!), parse.GetValue(limit), parse.GetValue(json), console));
        return command;
    }

    private static int Run(string dbPath, string text, int limit, bool json, CliConsole console)
    {
        if (limit is < 1 or > SearchPage.MaxLimit || string.IsNullOrWhiteSpace(text))
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"atlas: give a name to look for and a --limit of 1 to {SearchPage.MaxLimit}"));
            return AtlasCommand.UsageError;
        }

        using var store = CommandHelpers.OpenStore(dbPath, console);
        if (store is null)
        {
            return AtlasCommand.SomeInputsFailed;
        }

        IReadOnlyList<EntityMatch> found;
        try
        {
            found = EntitySearch.Find(store, text, limit);
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }

        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(found, SearchCommand.Json));
        }
        else if (found.Count == 0)
        {
            console.Out.WriteLine($"No agency, organisation or person is known by a name containing '{text.Trim()}'");
        }
        else
        {
            foreach (var e in found)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Kind,-7} {e.Key}  {e.Name}{(e.Country is null ? string.Empty : "  [" + e.Country + "]")}  {e.Documents} document{(e.Documents == 1 ? string.Empty : "s")}"));
                if (e.Aliases.Count > 0)
                {
                    console.Out.WriteLine("        also: " + string.Join(" · ", e.Aliases.Take(6)) + (e.Aliases.Count > 6 ? " …" : string.Empty));
                }
            }
        }

        return found.Count == 0 ? AtlasCommand.SomeInputsFailed : AtlasCommand.Ok;
    }
}
