using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Tracking;

/// <summary>
/// A later report of what became of a commitment (issue 25): another document's report of the engagement the
/// commitment promised, with its passage and source. <see cref="Status"/> is what the report says
/// (<see cref="OutcomeStatuses.ReportedDone"/>, <see cref="OutcomeStatuses.Delayed"/>, <see cref="OutcomeStatuses.Changed"/>),
/// not a curator's word.
/// </summary>
public sealed record Outcome(EngagementFact Report, string Status);

/// <summary>What a later report says became of a commitment.</summary>
public static class OutcomeStatuses
{
    /// <summary>A later document reports the promised engagement as held: the commitment waits for a curator's confirmation.</summary>
    public const string ReportedDone = "reported_done";

    /// <summary>A later document says the promised engagement was postponed (เลื่อน…, postponed, rescheduled).</summary>
    public const string Delayed = "delayed";

    /// <summary>A later document says the promised engagement was called off (ยกเลิกการจัด…, cancelled, called off).</summary>
    public const string Changed = "changed";

    /// <summary>
    /// What a report's passage says became of the engagement it reports: <see cref="Changed"/>, <see cref="Delayed"/>, or
    /// null when it says neither (it was held). Words, not a model: the passage is the one the report was read from.
    /// </summary>
    public static string? ChangeIn(string passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return CancelWords.Any(w => passage.Contains(w, StringComparison.OrdinalIgnoreCase)) ? Changed
            : PostponeWords.Any(w => passage.Contains(w, StringComparison.OrdinalIgnoreCase)) ? Delayed
            : null;
    }

    // เลื่อน alone is also a promotion (เลื่อนตำแหน่ง) and ยกเลิก a visa rule (ยกเลิกการตรวจลงตรา): only their forms about holding something.
    private static readonly string[] PostponeWords =
        ["เลื่อนการจัด", "เลื่อนการประชุม", "เลื่อนการเดินทาง", "เลื่อนการลงนาม", "เลื่อนออกไป", "เลื่อนไปเป็น", "เลื่อนเป็น", "เลื่อนจัด", "ขอเลื่อน", "ถูกเลื่อน",
         "postponed", "postpone", "rescheduled", "deferred", "pushed back", "has been delayed", "was delayed", "were delayed"];

    private static readonly string[] CancelWords =
        ["ยกเลิกการจัด", "ยกเลิกงาน", "ยกเลิกกิจกรรม", "ยกเลิกการประชุม", "ยกเลิกการเดินทาง", "ยกเลิกการลงนาม", "งดจัด", "งดการจัด",
         "cancelled", "canceled", "called off", "scrapped"];
}

/// <summary>
/// Follows commitments to their outcomes through engagement resolution (issue 25). A commitment due on the
/// days of an engagement its own document announces (the signing "will take place on 26 June", the festival
/// "will open on 11 April") promised that engagement; the other documents' reports of the same engagement
/// (<see cref="EngagementFact.Cluster"/>) tell that it happened, unless they only announce it too (a commitment
/// of their own due on it, or published before it began). A later report of the same engagement whose passage says
/// it was postponed or called off (<see cref="OutcomeStatuses.ChangeIn"/>) is an outcome too, whenever it was published
/// after the promise: "delayed" or "changed". Rules, not a model: eleven development groups are
/// too few to learn from, and a commitment wrongly shown kept costs more than one left open. A report a curator
/// rejected as the outcome (<see cref="Curation.Curator.RejectOutcome"/>) is not one.
/// </summary>
public sealed class OutcomeFinder(FactReader reader)
{
    /// <summary>The outcomes of each commitment that has one, by commitment id, each document once, in report order.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<Outcome>> Find(IReadOnlyCollection<CommitmentFact> commitments)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var dated = commitments.Where(c => DueOf(c) is not null).ToList();
        if (dated.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<Outcome>>();
        }

        var own = Chunked(dated.Select(c => c.Source.DocumentId), ids => reader.Engagements(FactFilter.All with { Documents = ids }))
            .ToLookup(e => e.Source.DocumentId);
        var promised = dated
            .Select(c => (Commitment: c, Engagements: own[c.Source.DocumentId].Where(e => Holds(e, DueOf(c)!.Value)).ToList()))
            .Where(p => p.Engagements.Count > 0)
            .ToList();
        if (promised.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<Outcome>>();
        }

        var reports = reader.Reports(promised.SelectMany(p => p.Engagements));
        var reporting = reports.Values.SelectMany(r => r).Select(r => r.Source.DocumentId).Distinct().ToList();
        var announcing = Announcing(Chunked(reporting, ids => reader.Commitments(FactFilter.All with { Documents = ids })), reports.Values.SelectMany(r => r));
        var published = reader.Published(reporting.Concat(promised.Select(p => p.Commitment.Source.DocumentId)));
        var rejected = new Curation.Curator(reader.Store, TimeProvider.System).RejectedOutcomes();
        var outcomes = new Dictionary<long, IReadOnlyList<Outcome>>();
        foreach (var (commitment, engagements) in promised)
        {
            var candidates = engagements
                .SelectMany(e => reports.GetValueOrDefault(e.Cluster, []).Select(r => (Promised: e, Report: r)))
                .ToList();

            // A rejected report rules out its document: its other report of the same engagement (a dateline, say) is no outcome either.
            var refused = candidates.Where(x => rejected.Contains((commitment.Key, x.Report.Key))).Select(x => x.Report.Source.DocumentId).ToHashSet();
            var others = candidates
                .Where(x => x.Report.Source.DocumentId != commitment.Source.DocumentId && !refused.Contains(x.Report.Source.DocumentId))
                .Select(x => (x.Promised, x.Report, Change: OutcomeStatuses.ChangeIn(x.Report.Evidence)))
                .ToList();
            var found = others
                .Where(x => x.Change is null
                    && !announcing.Contains((x.Report.Source.DocumentId, x.Report.Cluster))
                    && !(published.TryGetValue(x.Report.Source.DocumentId, out var p) && p.End < x.Promised.Date!.Value.Start))
                .Select(x => x.Report)
                .DistinctBy(r => r.Source.DocumentId)
                .Select(r => new Outcome(r, OutcomeStatuses.ReportedDone))
                .ToList();

            // A later report of the same engagement that says it was postponed or called off, before its day or after.
            found.AddRange(others
                .Where(x => x.Change is not null && Later(published, x.Report, commitment))
                .DistinctBy(x => x.Report.Source.DocumentId)
                .Select(x => new Outcome(x.Report, x.Change!)));
            if (found.Count > 0)
            {
                outcomes[commitment.Id] = found;
            }
        }

        return outcomes;
    }

    /// <summary>The report's document was published after the commitment's, or either date is unknown.</summary>
    private static bool Later(IReadOnlyDictionary<long, FactDate> published, EngagementFact report, CommitmentFact commitment) =>
        !(published.TryGetValue(report.Source.DocumentId, out var r) && published.TryGetValue(commitment.Source.DocumentId, out var c) && r.Start < c.Start);

    /// <summary>The days of <paramref name="engagement"/> hold <paramref name="due"/>, a day either side (a deadline the day before or after); never for an engagement longer than resolution resolves.</summary>
    private static bool Holds(EngagementFact engagement, DateOnly due) =>
        engagement.Date is { HasYear: true } d
        && d.End.DayNumber - d.Start.DayNumber <= Resolution.ReportSketch.MaxSpanDays
        && d.Start.AddDays(-1) <= due && due <= d.End.AddDays(1);

    /// <summary>(document, engagement) pairs where the document has a commitment due on its own report of that engagement: an announcement, not an outcome.</summary>
    private static HashSet<(long Document, long Cluster)> Announcing(IEnumerable<CommitmentFact> commitments, IEnumerable<EngagementFact> reports)
    {
        var byDocument = reports.ToLookup(r => r.Source.DocumentId);
        return [.. commitments
            .Where(c => DueOf(c) is not null)
            .SelectMany(c => byDocument[c.Source.DocumentId].Where(r => Holds(r, DueOf(c)!.Value)).Select(r => (c.Source.DocumentId, r.Cluster)))];
    }

    /// <summary>Documents read by one query: a due list over a large store names thousands, past what one statement may bind.</summary>
    private const int DocumentsPerQuery = 1000;

    private static List<T> Chunked<T>(IEnumerable<long> documents, Func<IReadOnlyList<long>, IReadOnlyList<T>> read) =>
        [.. documents.Distinct().Chunk(DocumentsPerQuery).SelectMany(chunk => read(chunk))];

    private static DateOnly? DueOf(CommitmentFact c) => c.Due is { } due ? due.DueBy : null;
}
