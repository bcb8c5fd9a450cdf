using System.CommandLine;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas export KIND</c>: documents, entities, engagements, commitments as JSON or CSV; a calendar; the partner network.</summary>
internal static class ExportCommand
{
    private static readonly Dictionary<string, ExportKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["documents"] = ExportKind.Documents,
        ["entities"] = ExportKind.Entities,
        ["engagements"] = ExportKind.Engagements,
        ["commitments"] = ExportKind.Commitments,
        ["calendar"] = ExportKind.Calendar,
        ["network"] = ExportKind.Network,
    };

    private static readonly Dictionary<string, ExportFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ExportFormat.Json,
        ["csv"] = ExportFormat.Csv,
        ["ics"] = ExportFormat.ICalendar,
        ["ical"] = ExportFormat.ICalendar,
        ["graphml"] = ExportFormat.GraphML,
    };

    public static Command Create(Option<string> db, CliConsole console)
    {
        var kind = new Argument<string>("what") { Description = "documents, entities, engagements, commitments, calendar (iCalendar .ics) or network (GraphML)." };
        var format = new Option<string?>("--format") { Description = "json or csv for the tables (default json); calendar is ics, network is graphml." };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output). CSV files start with a UTF-8 byte order mark so Excel reads Thai." };
        var filter = TimelineCommand.FilterOptions.Create();
        var command = new Command("export", "Write the store's documents, entities, engagements or commitments as JSON or CSV, engagements and deadlines as an iCalendar file, or the partner network as GraphML. Filters apply to engagements, commitments, calendar and network.")
        {
            kind,
            format,
            output,
        };
        filter.AddTo(command);
        command.SetAction(parse => Run(parse.GetValue(db)!, parse.GetValue(kind)!, parse.GetValue(format), parse.GetValue(output), filter.Read(parse), console));
        return command;
    }

    private static int Run(string dbPath, string kindText, string? formatText, string? outPath, FilterRequest request, CliConsole console)
    {
        if (!Kinds.TryGetValue(kindText, out var kind))
        {
            console.Error.WriteLine($"atlas: cannot export '{kindText}'; one of {string.Join(", ", Kinds.Keys)}");
            return AtlasCommand.UsageError;
        }

        var allowed = AtlasExporter.FormatsOf(kind);
        var format = allowed[0];
        if (formatText is not null && (!Formats.TryGetValue(formatText, out format) || !allowed.Contains(format)))
        {
            var names = Formats.Where(f => allowed.Contains(f.Value)).Select(f => f.Key);
            console.Error.WriteLine($"atlas: {kindText} cannot be written as '{formatText}'; use --format {string.Join(" or ", names)}");
            return AtlasCommand.UsageError;
        }

        return FactCommands.WithFilter(dbPath, console, request, (store, filter) =>
        {
            var text = new AtlasExporter(new FactReader(store), console.Clock).Export(kind, format, filter);

            // Excel opens a CSV without a byte order mark in the system's ANSI code page, which turns
            // Thai into mojibake; with the BOM it reads UTF-8. Other formats declare UTF-8 themselves.
            return FactCommands.WriteOut(console, outPath, text, bom: format == ExportFormat.Csv && outPath is not null and not "-");
        }, console.Clock);
    }
}
