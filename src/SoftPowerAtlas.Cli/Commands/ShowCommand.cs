using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas show DOC</c>: a stored document's metadata and cleaned text.</summary>
internal static class ShowCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var doc = new Argument<string>("doc") { Description = "The document id ingest printed (e.g. 12 or #12), or the path it was ingested from." };
        var words = new Option<bool>("--words") { Description = "Show the text with | between the words, as segmentation found them." };
        var command = new Command("show", "Print a stored document: metadata, then its cleaned text.") { doc, words };
        command.SetAction(parse => Run(parse.GetValue(db)!, parse.GetValue(doc)!, parse.GetValue(words), console));
        return command;
    }

    private static int Run(string dbPath, string doc, bool words, CliConsole console)
    {
        using var store = CommandHelpers.OpenStore(dbPath, console);
        if (store is null)
        {
            return AtlasCommand.SomeInputsFailed;
        }

        try
        {
            var found = long.TryParse(doc.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? store.GetDocument(id)
                : store.FindBySource(doc) ?? store.FindBySource(Path.GetFullPath(doc));
            if (found is null)
            {
                console.Error.WriteLine($"atlas: no document '{doc}' in {AtlasStores.Describe(dbPath)}");
                return AtlasCommand.SomeInputsFailed;
            }

            var o = console.Out;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{found.Id}  {found.Title ?? "(no title)"}"));
            o.WriteLine($"source:     {found.Source}");
            o.WriteLine($"source url: {found.SourceUrl ?? "-"}");
            o.WriteLine($"published:  {found.Published ?? "-"}  (as written: {found.PublishedAsWritten ?? "-"})");
            o.WriteLine($"language:   {found.Language}    encoding: {found.Encoding}    format: {found.Format}");
            if (found.NearDuplicateOf is { } original)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"near duplicate of #{original}"));
            }

            foreach (var version in new AtlasReader(store).Versions(found.Id))
            {
                var d = version.Document;
                o.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(version.IsOriginal ? $"{version.Kind} of" : $"has a {version.Kind}:")} #{d.Id} ({d.Language}) {d.Title ?? d.Source}"));
            }

            o.WriteLine();
            o.WriteLine(words ? WithBars(found, console) : found.CleanText);
            return AtlasCommand.Ok;
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }

    private static string WithBars(StoredDocument doc, CliConsole console)
    {
        var tokens = console.Text.Words.Segment(doc.CleanText);
        return Analysis.Segmentation.SegmentedText.Join(doc.CleanText, tokens, "|");
    }
}
