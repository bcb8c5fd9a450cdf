using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Storage.Tracking;

/// <summary>Where a commitment stands on a given day.</summary>
public enum CommitmentState
{
    /// <summary>Due later than the "due soon" window.</summary>
    Open,

    /// <summary>Due within the window (today included).</summary>
    DueSoon,

    /// <summary>Its due date has passed and nobody marked it done.</summary>
    Overdue,

    /// <summary>Marked done by a user.</summary>
    Done,

    /// <summary>Marked dropped by a user: it will not be kept, and is never overdue.</summary>
    Dropped,

    /// <summary>A later document reports it kept (<see cref="Outcome"/>): off the overdue list while it waits for a curator's "done".</summary>
    ReportedDone,

    /// <summary>A later document says the promised engagement was postponed: off the overdue list while a curator looks at it.</summary>
    ReportedDelayed,

    /// <summary>A later document says the promised engagement was called off: off the overdue list while a curator looks at it.</summary>
    ReportedChanged,
}

/// <summary>A user's mark on a commitment, kept by its stable key.</summary>
public sealed record CommitmentMark(string Key, string? Note, DateTimeOffset ChangedAt)
{
    /// <summary><c>done</c> or <c>dropped</c> (<see cref="CommitmentStatuses"/>).</summary>
    public string Status { get; init; } = CommitmentStatuses.Done;
}

/// <summary>A dated commitment as of a day: when it is due by, in how many days, and its state.</summary>
/// <remarks>DaysLeft: Days from the as-of day to the due day; negative when overdue.</remarks>
public sealed record DueItem(CommitmentFact Commitment, DateOnly DueBy, int DaysLeft, CommitmentState State, CommitmentMark? Mark)
{
    /// <summary>Later reports that it was kept (issue 25), first report first; empty when none is known.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>The commitment of another version of the same release (a translation, a copy) that this one states again (<see cref="Restatements"/>); null when it is its own.</summary>
    public CommitmentFact? Restates { get; init; }

    /// <summary>The same promise as the other versions of its release state it, first document first; empty when no other version does.</summary>
    public IReadOnlyList<CommitmentFact> AlsoStatedIn { get; init; } = [];
}

/// <summary>What to list: as of which day, how far ahead counts as "due soon", and which commitments.</summary>
public sealed record DueQuery
{
    /// <summary>The day to judge from; null: today in Bangkok by the tracker's clock.</summary>
    public DateOnly? AsOf { get; init; }

    public int WithinDays { get; init; } = 30;

    /// <summary>Also list commitments due later and those marked done.</summary>
    public bool IncludeAll { get; init; }

    public FactFilter Filter { get; init; } = FactFilter.All;
}

/// <summary>Due and overdue commitments, most urgent first.</summary>
/// <remarks>Undated: Commitments matching the filter that give no due date, or one without a year (not listed).</remarks>
public sealed record DueReport(DateOnly AsOf, int WithinDays, IReadOnlyList<DueItem> Items, int Undated);

/// <summary>The result of marking a commitment: the one marked, or why nothing was.</summary>
public sealed record MarkResult(string? Key, string? What, string? Error, bool Changed);

/// <summary>
/// Commitments as a to-do list: which are due soon or overdue as of a day (a fiscal year is due on
/// 30 September, a year on 31 December, a month on its last day, a range on its last day), and
/// marks of done or dropped kept by stable key as curation events (<see cref="Curator"/>), so they survive re-ingest.
/// </summary>
public sealed class CommitmentTracker(FactReader reader, TimeProvider clock)
{
    /// <summary>Thailand keeps UTC+7 all year; "today" is the Bangkok day.</summary>
    public static readonly TimeSpan BangkokOffset = TimeSpan.FromHours(7);

    private IAtlasStore Store => reader.Store;

    /// <summary>Today in Bangkok by the injected clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(BangkokOffset).DateTime);

    public DueReport Due(DueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.WithinDays);
        var asOf = query.AsOf ?? Today;
        var commitments = reader.Commitments(query.Filter with { Types = [FactTypes.Commitment] });
        var items = States(commitments, asOf, query.WithinDays)
            .Where(i => i.Restates is null)
            .Where(i => query.IncludeAll || i.State is CommitmentState.Overdue or CommitmentState.DueSoon)
            .ToList();
        return new DueReport(asOf, query.WithinDays, items, commitments.Count(c => c.Due is not { HasYear: true }));
    }

    /// <summary>
    /// The rows (a page of <see cref="AtlasReader.ListCommitments"/>) with where each dated one stands today: state, outcomes
    /// and restatements, judged among the commitments of their documents and of those documents' other versions.
    /// </summary>
    public IReadOnlyList<CommitmentRow> Track(IReadOnlyList<CommitmentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return rows;
        }

        var documents = reader.Related(rows.Select(r => r.DocumentId));
        var commitments = documents.Chunk(1000)
            .SelectMany(chunk => reader.Commitments(FactFilter.All with { Types = [FactTypes.Commitment], Documents = chunk }))
            .ToList();
        var items = States(commitments, Today, 30).ToDictionary(i => i.Commitment.Id);
        return [.. rows.Select(r => items.TryGetValue(r.Id, out var item) ? r with { Tracking = TrackingOf(item) } : r)];
    }

    private static CommitmentTracking TrackingOf(DueItem item) => new(
        item.Commitment.Key,
        Exports.StoredFactJson.Snake(item.State.ToString()),
        item.DueBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [.. item.Outcomes.Select(o => new OutcomeRow(o.Status, o.Report.Key, o.Report.Type, o.Report.Date?.Written, o.Report.Evidence, o.Report.Source))],
        item.Restates?.Key,
        [.. item.AlsoStatedIn.Select(c => c.Source)]);

    /// <summary>
    /// Where each dated commitment stands as of <paramref name="asOf"/>, read from the store: the curators' marks, the later
    /// reports that it was kept (<see cref="OutcomeFinder"/>) and which restate another version's (<see cref="Restatements"/>).
    /// The one place the due list, the API, exports and dossiers judge commitments.
    /// </summary>
    public IReadOnlyList<DueItem> States(IReadOnlyCollection<CommitmentFact> commitments, DateOnly asOf, int withinDays)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var classified = Classify(commitments, asOf, withinDays, Marks(), new OutcomeFinder(reader).Find(commitments));
        return Restatements.Apply(classified, Restatements.Find(commitments, reader.Originals(commitments.Select(c => c.Source.DocumentId))));
    }

    /// <summary>
    /// States of dated commitments as of <paramref name="asOf"/>: overdue first, then by due day. A due without a
    /// year (--10-14) cannot be due or overdue: it is counted with the undated ones. A commitment a later report
    /// says was kept (<paramref name="outcomes"/>, by commitment id) is <see cref="CommitmentState.ReportedDone"/>, one it says was
    /// postponed or called off <see cref="CommitmentState.ReportedDelayed"/> or <see cref="CommitmentState.ReportedChanged"/>, unless a curator marked it.
    /// </summary>
    public static IReadOnlyList<DueItem> Classify(
        IEnumerable<CommitmentFact> commitments, DateOnly asOf, int withinDays, IReadOnlyDictionary<string, CommitmentMark> marks, IReadOnlyDictionary<long, IReadOnlyList<Outcome>>? outcomes = null)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(marks);
        var items = new List<DueItem>();
        foreach (var c in commitments)
        {
            if (c.Due?.DueBy is not { } dueBy)
            {
                continue;
            }

            var days = dueBy.DayNumber - asOf.DayNumber;
            var mark = marks.GetValueOrDefault(c.Key);
            // A report of a day still to come tells nothing happened yet; that it was postponed or called off is known at once.
            var reported = (outcomes?.GetValueOrDefault(c.Id) ?? [])
                .Where(o => o.Status != OutcomeStatuses.ReportedDone || o.Report.Date is not { } held || held.Start <= asOf).ToList();
            var state = mark is not null ? (mark.Status == CommitmentStatuses.Dropped ? CommitmentState.Dropped : CommitmentState.Done)
                : reported.Any(o => o.Status == OutcomeStatuses.ReportedDone) ? CommitmentState.ReportedDone
                : reported.Any(o => o.Status == OutcomeStatuses.Changed) ? CommitmentState.ReportedChanged
                : reported.Count > 0 ? CommitmentState.ReportedDelayed
                : days < 0 ? CommitmentState.Overdue
                : days <= withinDays ? CommitmentState.DueSoon
                : CommitmentState.Open;
            items.Add(new DueItem(c, dueBy, days, state, mark) { Outcomes = reported });
        }

        return [.. items.OrderBy(i => i.State switch { CommitmentState.Overdue => 0, CommitmentState.DueSoon => 1, CommitmentState.Open => 2, CommitmentState.ReportedDelayed or CommitmentState.ReportedChanged => 3, CommitmentState.ReportedDone => 4, CommitmentState.Done => 5, _ => 6 })
            .ThenBy(i => i.DueBy)
            .ThenBy(i => i.Commitment.Source.DocumentId)
            .ThenBy(i => i.Commitment.Source.Start)];
    }

    /// <summary>Every mark kept (done or dropped), by commitment key: the curation log's latest status of each.</summary>
    public IReadOnlyDictionary<string, CommitmentMark> Marks() =>
        new Curator(Store, clock).Marks().ToDictionary(m => m.Key, m => new CommitmentMark(m.Key, m.Value.Note, m.Value.ChangedAt) { Status = m.Value.Status }, StringComparer.Ordinal);

    /// <summary>Marks the commitment whose key starts with <paramref name="id"/> as done (again: updates the note); a curation event.</summary>
    public MarkResult MarkDone(string id, string? note, string? actor = null) => Mark(id, CommitmentStatuses.Done, note, actor);

    /// <summary>Marks the commitment whose key starts with <paramref name="id"/> as dropped: it will not be kept, so it is never overdue.</summary>
    public MarkResult MarkDropped(string id, string? note, string? actor = null) => Mark(id, CommitmentStatuses.Dropped, note, actor);

    /// <summary>Takes the done mark off; works on a kept mark even when its document is no longer stored.</summary>
    public MarkResult Reopen(string id, string? actor = null) => Mark(id, CommitmentStatuses.Open, null, actor);

    private MarkResult Mark(string id, string status, string? note, string? actor)
    {
        ArgumentNullException.ThrowIfNull(id);
        var result = new Curator(Store, clock).SetStatus(id, status, note, actor ?? Environment.UserName);
        if (result.Error is not null)
        {
            return new MarkResult(null, null, result.Error, false);
        }

        var key = result.Event is { } e ? CurationTargets.KeyOf(e.Target) : CommitmentKeyOf(result.Detail);
        return new MarkResult(key, key is null ? null : Find(key).Commitment?.What, null, result.Event is not null);
    }

    /// <summary>The key a "nothing changed" message starts with.</summary>
    private static string? CommitmentKeyOf(string? detail) => detail?.Split(' ', 2)[0];

    /// <summary>The stored commitment whose key starts with <paramref name="id"/>.</summary>
    public (CommitmentFact? Commitment, string? Error) Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        id = id.Trim().ToLowerInvariant();
        if (!CommitmentKey.IsPrefix(id))
        {
            return (null, BadId(id));
        }

        var matches = reader.Commitments(FactFilter.All with { Types = [FactTypes.Commitment] })
            .Where(c => c.Key.StartsWith(id, StringComparison.Ordinal))
            .DistinctBy(c => c.Key)
            .ToList();
        return matches.Count switch
        {
            0 => (null, $"no commitment '{id}' (the ids are the keys 'atlas due --all' prints)"),
            1 => (matches[0], null),
            _ => (null, $"'{id}' starts {matches.Count} commitments ({string.Join(", ", matches.Select(m => m.Key))}); give more digits"),
        };
    }

    private static string BadId(string id) =>
        $"'{id}' is not a commitment id: give the key 'atlas due' prints ({CommitmentKey.MinimumPrefix} to {CommitmentKey.Length} hex digits)";
}
