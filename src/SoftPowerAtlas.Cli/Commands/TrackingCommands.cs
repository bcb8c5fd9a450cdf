using System.CommandLine;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary>The verbs over stored facts: timeline, due, report, export.</summary>
internal static class TrackingCommands
{
    public static void AddTo(RootCommand root, Option<string> db, CliConsole console)
    {
        root.Subcommands.Add(TimelineCommand.Create(db, console));
        root.Subcommands.Add(DueCommand.Create(db, console));
        root.Subcommands.Add(ReportCommand.Create(db, console));
        root.Subcommands.Add(ExportCommand.Create(db, console));
    }
}
