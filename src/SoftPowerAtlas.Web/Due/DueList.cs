using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Web.Timeline;

namespace SoftPowerAtlas.Web.Due;

/// <summary>
/// The statuses a user picks on the Due page, the timeline and their exports (<c>overdue</c>, <c>due_soon</c>,
/// <c>open</c>, <c>done</c>, <c>dropped</c>), and the due list those pick out of <see cref="CommitmentTracker.Due"/>
/// (the query <c>atlas due</c> runs), most urgent first. No status given: overdue and due soon.
/// </summary>
public static class DueList
{
    /// <summary>Every status by its name in addresses and exports, in the order the page offers them.</summary>
    public static IReadOnlyList<(string Name, CommitmentState State)> Statuses { get; } =
    [
        ("overdue", CommitmentState.Overdue),
        ("due_soon", CommitmentState.DueSoon),
        ("open", CommitmentState.Open),
        ("reported_done", CommitmentState.ReportedDone),
        ("reported_delayed", CommitmentState.ReportedDelayed),
        ("reported_changed", CommitmentState.ReportedChanged),
        ("done", CommitmentState.Done),
        ("dropped", CommitmentState.Dropped),
    ];

    /// <summary>What the page lists when no status is asked for: what needs attention.</summary>
    public static IReadOnlySet<CommitmentState> Urgent { get; } = new HashSet<CommitmentState> { CommitmentState.Overdue, CommitmentState.DueSoon };

    public static string Name(CommitmentState state) => Statuses.First(s => s.State == state).Name;

    /// <summary>The label that opens a later report of a commitment: reported done, postponed or called off in.</summary>
    public static string OutcomeLabel(string status) => status switch
    {
        Storage.Tracking.OutcomeStatuses.Delayed => "due.reported-delayed-by",
        Storage.Tracking.OutcomeStatuses.Changed => "due.reported-changed-by",
        _ => "due.reported-by",
    };

    /// <summary>
    /// The states named by <paramref name="raw"/> (repeated or comma-separated; <c>due-soon</c> as well as <c>due_soon</c>);
    /// null states with an error naming the unknown value. None named: null states, no error.
    /// </summary>
    public static (IReadOnlySet<CommitmentState>? States, string? Error) Parse(string[]? raw)
    {
        var names = (raw ?? []).SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (names.Count == 0)
        {
            return (null, null);
        }

        var states = new HashSet<CommitmentState>();
        foreach (var name in names)
        {
            var key = name.ToLowerInvariant().Replace('-', '_');
            var match = Statuses.FirstOrDefault(s => s.Name == key);
            if (match.Name is null)
            {
                return (null, $"status: '{name}' is not one of {string.Join(", ", Statuses.Select(s => s.Name))}");
            }

            states.Add(match.State);
        }

        return (states, null);
    }

    /// <summary>Dated commitments of <paramref name="filter"/> in <paramref name="states"/> as of today in Bangkok, most urgent first (overdue longest first, then soonest due).</summary>
    public static DueReport Read(CommitmentTracker tracker, FactFilter filter, IReadOnlySet<CommitmentState> states)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(states);
        var all = !states.IsSubsetOf(Urgent);
        var report = tracker.Due(new DueQuery { WithinDays = TimelineService.DueSoonDays, IncludeAll = all, Filter = filter });
        return report with { Items = [.. report.Items.Where(i => states.Contains(i.State))] };
    }
}
