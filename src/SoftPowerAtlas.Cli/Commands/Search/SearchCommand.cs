using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Cli.Commands.Search;

/// <summary><c>atlas search QUERY</c> and <c>atlas entities TEXT</c>: full-text search with filters and facets, and entity lookup by alias.</summary>
internal static class SearchCommand
{
    private const int FacetValuesPrinted = 8;

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static Command Create(Option<string> db, CliConsole console)
    {
        var query = new Argument<string[]>("query") { Description = "What to look for; several words are joined with spaces. Quote the whole query in the shell when it holds \"phrases\".", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "Hits per page (1-200).", DefaultValueFactory = _ => 10 };
        var page = new Option<int>("--page") { Description = "Which page of hits, from 1.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the results (hits, snippets with highlight offsets, facets) as JSON." };
        var facets = new Option<bool>("--facets") { Description = "Also print how many matching documents carry each country, sector, agency, type and year." };
        var exact = new Option<bool>("--exact") { Description = "Search the words only as written: do not also match the other names of a country, sector or entity they name (France also finds ฝรั่งเศส)." };
        var command = new Command("search", """
            Search the stored documents, Thai and English, best first, with a snippet around the matches.
              words            every word must occur (Thai is split into words as ingest split it)
              "a phrase"       the words in this order          film OR music   either word
              -word            without this word                creat*          words starting with creat
              country:FR  country:ญี่ปุ่น  sector:film  type:mou  agency:อพท.  year:2024  from:2023-01 to:2023-12
            A word naming a country, sector or body also finds its other names (France: ฝรั่งเศส; DASTA: อพท.),
            listed as "also matched"; --exact turns that off. A query that finds little suggests a spelling.
            Examples: atlas search ภาพยนตร์เกาหลี
                      atlas search 'soft power country:JP -sector:music' --facets
                      atlas search -- '"Thai Food Festival" year:2024' --json
            Exit codes: 0 found, 1 nothing found or no database, 2 the query is malformed.
            """) { query, limit, page, json, facets, exact };
        command.SetAction(parse => Run(
            parse.GetValue(db)!, string.Join(' ', parse.GetValue(query)!), parse.GetValue(limit), parse.GetValue(page), parse.GetValue(json), parse.GetValue(facets), parse.GetValue(exact), console));
        return command;
    }

    private static int Run(string dbPath, string text, int limit, int page, bool json, bool facets, bool exact, CliConsole console)
    {
        if (limit is < 1 or > SearchPage.MaxLimit || page < 1)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"atlas: --limit must be 1 to {SearchPage.MaxLimit} and --page 1 or more (got --limit {limit} --page {page})"));
            return AtlasCommand.UsageError;
        }

        var parsed = SearchQuery.Parse(text);
        if (parsed.Query is not { } query)
        {
            PrintError(text, parsed.Error!, console);
            return AtlasCommand.UsageError;
        }

        using var store = CommandHelpers.OpenStore(dbPath, console);
        if (store is null)
        {
            return AtlasCommand.SomeInputsFailed;
        }

        SearchResults results;
        try
        {
            results = SearchIndexes.For(store).Search(query with { Exact = exact }, SearchPage.Number(page, limit, facets || json));
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }

        foreach (var note in results.Notes)
        {
            console.Error.WriteLine($"atlas: note: {note}");
        }

        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new { query = text, page, limit, exact, results.Total, results.Hits, results.Facets, results.Notes, results.Expansions, results.Suggestion }, Json));
        }
        else
        {
            PrintHits(text, results, (page - 1) * limit, console.Out);
            if (facets)
            {
                PrintFacets(results, console.Out);
            }
        }

        return results.Total == 0 ? AtlasCommand.SomeInputsFailed : AtlasCommand.Ok;
    }

    private static void PrintHits(string text, SearchResults results, int offset, TextWriter o)
    {
        foreach (var expansion in results.Expansions)
        {
            o.WriteLine($"{expansion.Written} also matched: {string.Join(", ", expansion.AlsoMatched)} ({expansion.Concept}; --exact to search only the words as written)");
        }

        if (results.Suggestion is { } suggestion)
        {
            o.WriteLine($"Did you mean: {suggestion}");
        }

        if (results.Total == 0)
        {
            o.WriteLine($"No documents match {text}");
            return;
        }

        var shown = results.Hits.Count == 0
            ? "none on this page"
            : string.Create(CultureInfo.InvariantCulture, $"showing {offset + 1}-{offset + results.Hits.Count}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{results.Total} document{(results.Total == 1 ? string.Empty : "s")} match {text} ({shown})"));
        var rank = offset;
        foreach (var hit in results.Hits)
        {
            o.WriteLine();
            var date = hit.Date is null ? "undated" : hit.DateFromEngagement ? hit.Date + " (event)" : hit.Date;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{++rank,3}. #{hit.DocumentId}  {hit.Title ?? "(no title)"}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"     {date}  score {hit.Score:0.00}  {hit.Source}{(hit.SourceUrl is { } url && url != hit.Source ? "  " + url : string.Empty)}"));
            if (hit.Snippet.Text.Length > 0)
            {
                var dots = hit.Snippet.Start > 0 ? "…" : string.Empty;
                o.WriteLine($"     {dots}{hit.Snippet.Marked("[", "]")}{(hit.Snippet.Truncated && hit.Snippet.End > hit.Snippet.Start ? "…" : string.Empty)}");
            }
        }
    }

    private static void PrintFacets(SearchResults results, TextWriter o)
    {
        if (results.Total == 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Facets over all {results.Total} matches:"));
        foreach (var (facet, counts) in results.Facets.All())
        {
            var values = counts.Take(FacetValuesPrinted).Select(c => string.Create(CultureInfo.InvariantCulture,
                $"{(c.Label == c.Value ? c.Value : $"{c.Label} ({c.Value})")} {c.Count}"));
            var more = counts.Count > FacetValuesPrinted ? string.Create(CultureInfo.InvariantCulture, $" · +{counts.Count - FacetValuesPrinted} more") : string.Empty;
            o.WriteLine($"  {facet,-8} {(counts.Count == 0 ? "-" : string.Join(" · ", values) + more)}");
        }
    }

    /// <summary>The message, then the query with a caret under the problem (columns counted without Thai combining marks).</summary>
    internal static void PrintError(string text, QueryError error, CliConsole console)
    {
        console.Error.WriteLine($"atlas: {error.Message}");
        if (text.Length == 0 || text.Length > 200 || text.Contains('\n', StringComparison.Ordinal))
        {
            return;
        }

        var column = text.Take(Math.Min(error.Position, text.Length)).Count(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) && !char.IsLowSurrogate(c));
        console.Error.WriteLine("  " + text);
        console.Error.WriteLine("  " + new string(' ', column) + "^");
    }
}
