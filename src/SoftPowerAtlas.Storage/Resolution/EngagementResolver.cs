using System.Globalization;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>
/// Joins a document's engagements to the engagements other documents report (issue 25), inside the
/// transaction that wrote its facts: every ingest path and every rewrite of a document's facts calls
/// <see cref="Resolve"/> once they are final (curation applied). Candidates come from an index on the
/// days they cover, never a scan of the store; <see cref="ReportMatch"/> decides; an engagement joins
/// the best candidate's cluster, else starts its own. Clusters are not merged with each other: one
/// wrong match must not chain two engagements into one.
/// </summary>
internal static class EngagementResolver
{
    // One query per engagement: the candidates overlapping its days (with their type, parties,
    // countries and sectors as rows). Spans are at most MaxSpanDays long, so day_from is bounded both ways.
    private const string Candidates = """
        WITH c AS (
            SELECT l.engagement_id AS id, l.cluster_id AS cluster, l.day_from, l.day_to, l.exact FROM engagement_links l
            JOIN engagements e ON e.id = l.engagement_id
            WHERE l.day_from BETWEEN @lo AND @hi AND l.day_to >= @from AND e.document_id <> @doc)
        SELECT c.id, c.cluster, c.day_from, c.day_to, c.exact, 't', e.type FROM c JOIN engagements e ON e.id = c.id
        UNION ALL SELECT c.id, c.cluster, c.day_from, c.day_to, c.exact, 'p', n.key FROM c
            JOIN engagement_parties p ON p.engagement_id = c.id JOIN entities n ON n.id = p.entity_id
        UNION ALL SELECT c.id, c.cluster, c.day_from, c.day_to, c.exact, 'c', x.country FROM c JOIN engagement_countries x ON x.engagement_id = c.id
        UNION ALL SELECT c.id, c.cluster, c.day_from, c.day_to, c.exact, 's', x.sector FROM c JOIN engagement_sectors x ON x.engagement_id = c.id
        """;

    private const string Own = """
        SELECT e.id, 't', e.type, e.date, e.end_date FROM engagements e WHERE e.document_id = @doc
        UNION ALL SELECT e.id, 'p', n.key, NULL, NULL FROM engagements e
            JOIN engagement_parties p ON p.engagement_id = e.id JOIN entities n ON n.id = p.entity_id WHERE e.document_id = @doc
        UNION ALL SELECT e.id, 'c', x.country, NULL, NULL FROM engagements e JOIN engagement_countries x ON x.engagement_id = e.id WHERE e.document_id = @doc
        UNION ALL SELECT e.id, 's', x.sector, NULL, NULL FROM engagements e JOIN engagement_sectors x ON x.engagement_id = e.id WHERE e.document_id = @doc
        """;

    /// <summary>Links the document's engagements (their rows already written, none linked yet); returns how many joined another document's engagement.</summary>
    public static int Resolve(CurationSql sql, long documentId)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var joined = 0;
        foreach (var own in OwnSketches(sql, documentId))
        {
            var best = CandidatesOf(sql, documentId, own)
                .Select(c => (Candidate: c, Score: ReportMatch.Score(own, c)))
                .Where(x => x.Score is not null)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Candidate.Cluster)
                .Select(x => x.Candidate)
                .FirstOrDefault();
            joined += best is null ? 0 : 1;
            sql.Execute(
                "INSERT INTO engagement_links (engagement_id, cluster_id, day_from, day_to, exact) VALUES (@id, @cluster, @from, @to, @exact)",
                ("@id", own.Id), ("@cluster", best?.Cluster ?? own.Id), ("@from", own.DayFrom), ("@to", own.DayTo), ("@exact", own.Exact));
        }

        return joined;
    }

    private static List<ReportSketch> OwnSketches(CurationSql sql, long documentId)
    {
        var sketches = new Dictionary<long, ReportSketch>();
        var skipped = new HashSet<long>();
        var rows = sql.Rows(Own, r => (Id: r.GetInt64(0), Kind: r.GetString(1), Value: r.GetString(2), Date: r.GetNullableString(3), End: r.GetNullableString(4)), ("@doc", documentId));
        foreach (var row in rows.Where(r => r.Kind == "t"))
        {
            if (ReportSketch.DaysOf(FactDate.FromColumns(row.Date, row.End)) is { } days)
            {
                sketches[row.Id] = new ReportSketch(row.Id, row.Id, row.Value, days.From, days.To, days.Exact);
            }
        }

        foreach (var row in rows.Where(r => r.Kind != "t"))
        {
            if (sketches.TryGetValue(row.Id, out var sketch))
            {
                Add(sketch, row.Kind, row.Value);
            }
        }

        return [.. sketches.Values.OrderBy(s => s.Id)];
    }

    private static List<ReportSketch> CandidatesOf(CurationSql sql, long documentId, ReportSketch own)
    {
        var rows = sql.Rows(
            Candidates,
            r => (Id: r.GetInt64(0), Cluster: r.GetInt64(1), From: r.GetInt32(2), To: r.GetInt32(3),
                Exact: Convert.ToBoolean(r.GetValue(4), CultureInfo.InvariantCulture), Kind: r.GetString(5), Value: r.GetString(6)),
            ("@lo", own.DayFrom - ReportMatch.SlackDays - ReportSketch.MaxSpanDays),
            ("@hi", own.DayTo + ReportMatch.SlackDays),
            ("@from", own.DayFrom - ReportMatch.SlackDays),
            ("@doc", documentId));
        var sketches = rows.Where(r => r.Kind == "t").ToDictionary(r => r.Id, r => new ReportSketch(r.Id, r.Cluster, r.Value, r.From, r.To, r.Exact));
        foreach (var row in rows.Where(r => r.Kind != "t"))
        {
            Add(sketches[row.Id], row.Kind, row.Value);
        }

        return [.. sketches.Values];
    }

    private static void Add(ReportSketch sketch, string kind, string value)
    {
        var set = kind switch
        {
            "p" => sketch.Parties,
            "c" => sketch.Countries,
            _ => sketch.Sectors,
        };
        set.Add(value);
    }
}
