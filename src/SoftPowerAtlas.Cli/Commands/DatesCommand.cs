using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas dates FILE</c>: every date in a document as a table, with offsets into the file.</summary>
internal static class DatesCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A document (.txt, .md, .html, .docx, .pdf, or a scan: .png, .jpg, .tif) or - for standard input." };
        var command = new Command("dates", "List the dates a document contains: as written, where (character offsets into the file), normalised value and role.")
        {
            file,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, console));
        return command;
    }

    private static int Run(string file, CliConsole console)
    {
        var doc = CommandHelpers.AnalyseOne(file, console);
        if (doc is null)
        {
            return AtlasCommand.SomeInputsFailed;
        }

        var dates = doc.Get<DocumentDates>();
        var o = console.Out;
        o.WriteLine($"published: {(dates?.Published is { } p ? p.Value.WithoutTime().ToString() : "unknown")}");
        o.WriteLine($"{"start",6} {"end",6}  {"value",-24} {"role",-12} as written");
        foreach (var d in dates?.Mentions ?? [])
        {
            var value = d.Error is not null ? $"INVALID: {d.Error}" : d.Normalized;
            var note = d.IsRelative ? $"  (relative to {d.ResolvedAgainst?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"})" : string.Empty;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Span.Start,6} {d.Span.End,6}  {value,-24} {d.Role.ToString().ToLowerInvariant(),-12} {d.Text}{note}"));
        }

        return AtlasCommand.Ok;
    }
}
