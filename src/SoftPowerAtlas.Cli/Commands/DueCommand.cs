using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas due</c>: commitments as a to-do list (marking them is curation: <c>atlas done|drop|undone</c>).</summary>
internal static class DueCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var filter = TimelineCommand.FilterOptions.Create();
        var asOf = new Option<string?>("--as-of") { Description = "Judge as of this day: YYYY-MM-DD or 'today' (default: today in Bangkok)." };
        var within = new Option<string>("--within") { Description = "How far ahead counts as due soon: 30d, 12w or a number of days.", DefaultValueFactory = _ => "30d" };
        var all = new Option<bool>("--all") { Description = "Also list commitments due later and those marked done." };
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var command = new Command(
            "due",
            "Commitments overdue or due soon as of a day, most urgent first, each with who, what, the due date (as written and as resolved: a fiscal year ends 30 September, a year 31 December, a month on its last day), its sentence and source.");
        filter.AddTo(command, withType: false);
        command.Options.Add(asOf);
        command.Options.Add(within);
        command.Options.Add(all);
        command.Options.Add(json);
        command.SetAction(parse => Run(parse.GetValue(db)!, filter.Read(parse), parse.GetValue(asOf), parse.GetValue(within)!, parse.GetValue(all), parse.GetValue(json), console));
        return command;
    }

    /// <summary>Days in "30d", "12w" or "45"; null when it is none of them.</summary>
    public static int? ParseWithin(string text)
    {
        var s = text.Trim().ToLowerInvariant();
        var factor = s.EndsWith('w') ? 7 : 1;
        s = s.TrimEnd('d', 'w');
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 36_500 ? n * factor : null;
    }

    private static int Run(string dbPath, FilterRequest request, string? asOfText, string withinText, bool all, bool json, CliConsole console)
    {
        DateOnly? asOf = null;
        if (asOfText is not null && !asOfText.Equals("today", StringComparison.OrdinalIgnoreCase))
        {
            var parsed = FactDate.Parse(asOfText);
            if (parsed.Error is not null || parsed.Value.Precision != DatePrecision.Day)
            {
                console.Error.WriteLine($"atlas: --as-of: '{asOfText}' is not a day (write YYYY-MM-DD, e.g. 2024-11-15, or 'today'){(parsed.Error is { } why && why.Contains("days", StringComparison.Ordinal) ? ": " + why : string.Empty)}");
                return AtlasCommand.UsageError;
            }

            asOf = parsed.Value.Start;
        }

        if (ParseWithin(withinText) is not { } within)
        {
            console.Error.WriteLine($"atlas: --within: '{withinText}' is not a span of days (write 30d, 12w or 45)");
            return AtlasCommand.UsageError;
        }

        return FactCommands.WithFilter(dbPath, console, request, (store, filter) =>
        {
            var tracker = new CommitmentTracker(new FactReader(store), console.Clock);
            var report = tracker.Due(new DueQuery { AsOf = asOf, WithinDays = within, IncludeAll = all, Filter = filter });
            if (json)
            {
                console.Out.WriteLine(StoredFactJson.ToString(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("as_of", report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteNumber("within_days", report.WithinDays);
                    w.WriteNumber("undated", report.Undated);
                    w.WriteStartArray("commitments");
                    foreach (var item in report.Items)
                    {
                        StoredFactJson.WriteCommitment(w, item.Commitment, item);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
            }
            else
            {
                WriteText(console.Out, report);
            }

            return AtlasCommand.Ok;
        }, console.Clock);
    }

    private static void WriteText(TextWriter o, DueReport report)
    {
        var asOf = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"As of {asOf}, due soon = within {report.WithinDays} days."));
        foreach (var item in report.Items)
        {
            var c = item.Commitment;
            var state = item.State switch
            {
                CommitmentState.Overdue => string.Create(CultureInfo.InvariantCulture, $"OVERDUE by {-item.DaysLeft} d"),
                CommitmentState.DueSoon => string.Create(CultureInfo.InvariantCulture, $"due in {item.DaysLeft} d"),
                CommitmentState.Done => "done",
                CommitmentState.Dropped => "dropped",
                CommitmentState.ReportedDone => "reported done",
                CommitmentState.ReportedDelayed => "reported delayed",
                CommitmentState.ReportedChanged => "reported called off",
                _ => string.Create(CultureInfo.InvariantCulture, $"open, {item.DaysLeft} d left"),
            };
            o.WriteLine($"{c.Key}  {state,-18} due {item.DueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (written {c.DueWritten})");
            o.WriteLine($"    who: {c.Who ?? "(not named)"}");
            o.WriteLine($"    what: {FactCommands.OneLine(c.What, 200)}");
            if (item.Mark is { } mark)
            {
                o.WriteLine($"    {mark.Status} {mark.ChangedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(mark.Note is null ? string.Empty : ": " + mark.Note)}");
            }

            o.WriteLine($"    \"{FactCommands.OneLine(c.Sentence)}\"");
            o.WriteLine($"    {FactCommands.Describe(c.Source)}");
            foreach (var other in item.AlsoStatedIn)
            {
                o.WriteLine($"    also stated in: {FactCommands.Describe(other.Source)} (another version of this release; {other.Key})");
            }

            foreach (var outcome in item.Outcomes)
            {
                var said = outcome.Status switch { OutcomeStatuses.Delayed => "reported postponed in", OutcomeStatuses.Changed => "reported called off in", _ => "reported done in" };
                o.WriteLine($"    {said}: {FactCommands.Describe(outcome.Report.Source)} — \"{FactCommands.OneLine(outcome.Report.Evidence, 200)}\" (report {outcome.Report.Key}: confirm with 'atlas done {c.Key}', or 'atlas fact reject-outcome {c.Key} {outcome.Report.Key}')");
            }
        }

        var overdue = report.Items.Count(i => i.State == CommitmentState.Overdue);
        var soon = report.Items.Count(i => i.State == CommitmentState.DueSoon);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{overdue} overdue, {soon} due soon; {report.Undated} commitments give no due date. Mark one done with 'atlas done ID'."));
    }
}
