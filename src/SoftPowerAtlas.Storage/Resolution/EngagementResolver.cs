using System.Data.Common;
using System.Globalization;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>
/// Joins a document's engagements to the engagements other documents report (issue 25), inside the
/// transaction that wrote its facts: every ingest path and every rewrite of a document's facts calls
/// <see cref="Resolve"/> once they are final (curation applied). Candidates come from an index on
/// signs (a party, a country, a sector) and first days, never a scan of the store; <see cref="ReportMatch"/> decides. An engagement joins
/// every cluster it matches, which become one (the connected reports, whatever order they came in),
/// else starts its own.
/// </summary>
internal static class EngagementResolver
{
    // One query per engagement: the linked reports sharing one of its signs and starting within a day of
    // it (a seek on engagement_signs' primary key per sign, at most MaxPerSign rows each: one report of a
    // cluster is enough to join it, and a day with hundreds of reports of one sector must not cost hundreds
    // of reads), each with how many parties, countries and sectors it shares. {0}: one SignRows per sign.
    private const string Candidates = """
        WITH g AS ({0})
        SELECT l.engagement_id, e.document_id, l.cluster_id, e.type, l.day_from, l.exact,
            sum(CASE WHEN substr(g.sign, 1, 2) = 'p:' THEN 1 ELSE 0 END),
            sum(CASE WHEN substr(g.sign, 1, 2) = 'c:' THEN 1 ELSE 0 END),
            sum(CASE WHEN substr(g.sign, 1, 2) = 's:' THEN 1 ELSE 0 END),
            (SELECT count(*) FROM engagement_countries x WHERE x.engagement_id = l.engagement_id)
        FROM g JOIN engagement_links l ON l.engagement_id = g.engagement_id JOIN engagements e ON e.id = l.engagement_id
        WHERE e.document_id <> @doc
        GROUP BY l.engagement_id, e.document_id, l.cluster_id, e.type, l.day_from, l.exact
        """;

    private const string SignRows = "SELECT * FROM (SELECT engagement_id, sign FROM engagement_signs WHERE sign = {0} AND day BETWEEN @lo AND @hi LIMIT @max) s{1}";

    /// <summary>Candidate reports read per sign.</summary>
    private const int MaxPerSign = 25;

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
        var links = new List<(ReportSketch Own, long Cluster)>();
        foreach (var own in OwnSketches(sql, documentId))
        {
            // Every cluster it matches becomes one, under the oldest label: the result is the same in any order of ingest.
            var clusters = CandidatesOf(sql, documentId, own)
                .Where(c => ReportMatch.Matches(own, c))
                .GroupBy(c => c.Document)
                .Select(d => d.OrderByDescending(c => ReportMatch.Strength(own, c)).ThenBy(c => c.Id).First().Cluster)
                .Distinct()
                .Order()
                .ToList();
            var cluster = clusters.Count > 0 ? clusters[0] : own.Id;
            joined += clusters.Count > 0 ? 1 : 0;
            foreach (var other in clusters.Skip(1))
            {
                sql.Execute("UPDATE engagement_links SET cluster_id = @cluster WHERE cluster_id = @other", ("@cluster", cluster), ("@other", other));
                links = [.. links.Select(l => l.Cluster == other ? (l.Own, cluster) : l)]; // this document's, not written yet
            }

            links.Add((own, cluster));
        }

        Insert(sql, links);
        return joined;
    }

    /// <summary>The document's link rows and signs, a statement per 300 rows (a statement per row would double the writer's work).</summary>
    private static void Insert(CurationSql sql, List<(ReportSketch Own, long Cluster)> links)
    {
        InsertRows(sql, "engagement_links (engagement_id, cluster_id, day_from, day_to, exact)", links.Select(l => new object?[] { l.Own.Id, l.Cluster, l.Own.DayFrom, l.Own.DayTo, l.Own.Exact }));
        InsertRows(sql, "engagement_signs (sign, day, engagement_id)", links.SelectMany(l => l.Own.Signs().Select(sign => new object?[] { sign, l.Own.DayFrom, l.Own.Id })));
    }

    private static void InsertRows(CurationSql sql, string table, IEnumerable<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(300))
        {
            var values = new List<(string, object?)>();
            var tuples = new List<string>();
            for (var r = 0; r < chunk.Length; r++)
            {
                var names = new List<string>();
                for (var c = 0; c < chunk[r].Length; c++)
                {
                    names.Add(string.Create(CultureInfo.InvariantCulture, $"@v{r}_{c}"));
                    values.Add((names[^1], chunk[r][c]));
                }

                tuples.Add("(" + string.Join(", ", names) + ")");
            }

            sql.Execute("INSERT INTO " + table + " VALUES " + string.Join(", ", tuples), [.. values]);
        }
    }

    private static List<ReportSketch> OwnSketches(CurationSql sql, long documentId)
    {
        var sketches = new Dictionary<long, ReportSketch>();
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

    private static List<Candidate> CandidatesOf(CurationSql sql, long documentId, ReportSketch own)
    {
        var signs = own.Signs();
        if (signs.Count == 0)
        {
            return [];
        }

        var names = signs.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@s{i}")).ToList();
        var perSign = names.Select((n, i) => string.Format(CultureInfo.InvariantCulture, SignRows, n, i));
        return sql.Rows(
            string.Format(CultureInfo.InvariantCulture, Candidates, string.Join(" UNION ALL ", perSign)),
            r => new Candidate(
                r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetInt32(4), Convert.ToBoolean(r.GetValue(5), CultureInfo.InvariantCulture),
                Count(r, 6), Count(r, 7), Count(r, 8), Count(r, 9)),
            [.. names.Zip(signs, (n, v) => (n, (object?)v)),
                ("@lo", own.DayFrom - ReportMatch.SlackDays),
                ("@hi", own.DayFrom + ReportMatch.SlackDays),
                ("@doc", documentId),
                ("@max", MaxPerSign)]);
    }

    private static int Count(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

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
