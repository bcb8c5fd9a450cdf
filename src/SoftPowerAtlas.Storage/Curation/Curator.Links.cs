using System.Text.Json.Nodes;
using SoftPowerAtlas.Storage.Resolution;

namespace SoftPowerAtlas.Storage.Curation;

public sealed partial class Curator
{
    /// <summary>
    /// Sets a report apart from the engagement resolution joined it to (a wrong merge): it becomes an
    /// engagement of its own, and resolution's rule never joins it again, on this store or after a
    /// re-ingest (the event names it by its stable key). The other reports stay one engagement. Refused
    /// while a curator's join of it is in force (undo that instead: the latest word must not be hidden).
    /// </summary>
    public CurationResult Separate(string id, string actor) => Edit(actor, (sql, _) =>
    {
        var (row, error, failure) = LocateEngagement(sql, id);
        if (row is null)
        {
            return CurationResult.Fail(failure, error!);
        }

        if (LinkCuration.Read(sql).Joins(row.Key) is [var (joinedTo, byEvent), ..])
        {
            return CurationResult.Fail(CurationFailure.Conflict,
                $"{row.Key} was joined to {joinedTo} by a curator (event {byEvent}); undo that event ('atlas undo {byEvent}') instead of setting it apart");
        }

        var others = EngagementResolver.OthersOf(sql, row.Id);
        if (others.Count == 0)
        {
            return Unchanged($"{row.Key} is not joined to another report; nothing changed");
        }

        var e = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.EngagementSeparate, CurationTargets.Fact(row.Key), row.ContentHash,
            new JsonObject { ["with"] = Array(others) }, new JsonObject { ["apart"] = true });
        EngagementResolver.Recluster(sql, [row.Id]);
        return CurationResult.Made(e, $"{row.Key} is an engagement of its own now; {others.Count} other report(s) no longer include it");
    });

    /// <summary>
    /// Makes two reports in different documents one engagement (resolution missed them: a date a day
    /// further apart, names it does not know are one body), with every report already joined to either.
    /// Kept by stable keys, so it holds after a re-ingest of either document.
    /// </summary>
    public CurationResult Join(string id, string otherId, string actor) => Edit(actor, (sql, _) =>
    {
        var (row, error, failure) = LocateEngagement(sql, id);
        var (other, otherError, otherFailure) = LocateEngagement(sql, otherId);
        if (row is null || other is null)
        {
            return row is null ? CurationResult.Fail(failure, error!) : CurationResult.Fail(otherFailure, otherError!);
        }

        if (row.DocumentId == other.DocumentId)
        {
            return CurationResult.Fail(CurationFailure.Invalid,
                $"{row.Key} and {other.Key} are both in document #{row.DocumentId}: two engagements of one document are two engagements (correct one with 'atlas fact set' instead)");
        }

        var (cluster, otherCluster) = (EngagementResolver.ClusterOf(sql, row.Id), EngagementResolver.ClusterOf(sql, other.Id));
        if (cluster is null || otherCluster is null)
        {
            var undated = cluster is null ? row.Key : other.Key;
            return CurationResult.Fail(CurationFailure.Invalid,
                $"{undated} has no date resolution can use (a day, a month, or a span of at most {ReportSketch.MaxSpanDays} days); give it one with 'atlas fact set {undated} --date ...' first");
        }

        if (cluster == otherCluster)
        {
            return Unchanged($"{row.Key} and {other.Key} are already one engagement; nothing changed");
        }

        var e = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.EngagementJoin, CurationTargets.Fact(row.Key), row.ContentHash,
            new JsonObject { ["with"] = Array(EngagementResolver.OthersOf(sql, row.Id)) }, new JsonObject { ["with"] = other.Key });
        EngagementResolver.Recluster(sql, [row.Id, other.Id]);
        return CurationResult.Made(e, $"{row.Key} and {other.Key} are one engagement now");
    });

    /// <summary>
    /// Rejects a later report as the outcome of a commitment (issue 25): the commitment is no longer "reported
    /// done" by it (and is overdue again when nothing else reports it kept). Kept by both stable keys; undone
    /// with <see cref="Undo"/>. A curator who agrees marks the commitment done instead.
    /// </summary>
    public CurationResult RejectOutcome(string commitmentId, string reportId, string actor) => Edit(actor, (sql, _) =>
    {
        var (commitment, error, failure) = Locate(sql, commitmentId);
        if (commitment is null)
        {
            return CurationResult.Fail(failure, error!);
        }

        if (commitment.Kind != FactRow.Commitment)
        {
            return CurationResult.Fail(CurationFailure.Invalid, $"{commitment.Key} is an engagement; name the commitment first, then the report");
        }

        var (report, reportError, reportFailure) = LocateEngagement(sql, reportId);
        if (report is null)
        {
            return CurationResult.Fail(reportFailure, reportError!);
        }

        if (report.DocumentId == commitment.DocumentId)
        {
            return CurationResult.Fail(CurationFailure.Invalid, $"{report.Key} is in the commitment's own document #{commitment.DocumentId}: only another document's report is taken as its outcome");
        }

        if (RejectedOutcomes(sql).Contains((commitment.Key, report.Key)))
        {
            return Unchanged($"{report.Key} is already rejected as an outcome of {commitment.Key}; nothing changed");
        }

        var e = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.OutcomeReject, CurationTargets.Fact(commitment.Key), commitment.ContentHash,
            new JsonObject { ["report"] = null }, new JsonObject { ["report"] = report.Key });
        return CurationResult.Made(e, $"{report.Key} is no longer taken as the outcome of {commitment.Key}");
    });

    /// <summary>(commitment key, report key) pairs a curator rejected as outcomes, while the rejection is in force.</summary>
    public IReadOnlySet<(string Commitment, string Report)> RejectedOutcomes() => Read(RejectedOutcomes);

    private static HashSet<(string Commitment, string Report)> RejectedOutcomes(CurationSql sql) =>
        [.. sql.Rows(
            "SELECT target, after_json FROM curation_events WHERE kind = @kind AND undone_by IS NULL",
            r => (CurationTargets.KeyOf(r.GetString(0)), CurationLog.Json(r.GetNullableString(1))?["report"]?.GetValue<string>() ?? string.Empty),
            ("@kind", CurationKinds.OutcomeReject))];

    private static (FactRow? Row, string? Error, CurationFailure Failure) LocateEngagement(CurationSql sql, string id)
    {
        var (row, error, failure) = Locate(sql, id);
        return row switch
        {
            null => (null, error, failure),
            { Kind: FactRow.Commitment } => (null, $"{row.Key} is a commitment; only engagements are reports of an engagement", CurationFailure.Invalid),
            _ => (row, null, CurationFailure.None),
        };
    }
}
