using System.CommandLine;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reports;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas report country NAME</c> / <c>atlas report agency NAME</c>: a dossier as Markdown or HTML.</summary>
internal static class ReportCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var command = new Command("report", "A dossier on a country or an agency: engagements over time, partners, countries, sectors, people, open commitments and documents, each linked to its source.");
        command.Subcommands.Add(Subject(db, console, "country", "A partner country: ISO code (FR), English or Thai name (France, ฝรั่งเศส)."));
        command.Subcommands.Add(Subject(db, console, "agency", "An agency or organisation by any name or abbreviation, Thai or English (อพท., DASTA, TCEB)."));
        return command;
    }

    private static Command Subject(Option<string> db, CliConsole console, string kind, string description)
    {
        var name = new Argument<string>("name") { Description = description };
        var format = new Option<string>("--format") { Description = "md (Markdown, default) or html (one self-contained page).", DefaultValueFactory = _ => "md" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command(kind, $"The dossier of one {kind}.") { name, format, output };
        command.SetAction(parse => Run(parse.GetValue(db)!, kind, parse.GetValue(name)!, parse.GetValue(format)!, parse.GetValue(output), console));
        return command;
    }

    private static int Run(string dbPath, string kind, string name, string format, string? outPath, CliConsole console)
    {
        format = format.Trim().ToLowerInvariant();
        if (format is not ("md" or "markdown" or "html"))
        {
            console.Error.WriteLine($"atlas: unknown report format '{format}'; use --format md or --format html");
            return AtlasCommand.UsageError;
        }

        using var store = CommandHelpers.OpenStore(dbPath, console, console.Clock);
        if (store is null)
        {
            return AtlasCommand.SomeInputsFailed;
        }

        try
        {
            var builder = new DossierBuilder(new FactReader(store), console.Clock);
            var result = kind == "country" ? builder.Country(name) : builder.Agency(name);
            if (result.Dossier is null)
            {
                return FactCommands.Fail(console, result.Error!, notFound: true, result.Suggestions);
            }

            var text = format == "html" ? HtmlDossierWriter.Write(result.Dossier) : MarkdownDossierWriter.Write(result.Dossier);
            return FactCommands.WriteOut(console, outPath, text);
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }
}
