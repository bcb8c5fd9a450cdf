using System.Data.Common;
using System.Globalization;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>
/// Joins a document's engagements to the engagements other documents report (issue 25), inside the
/// transaction that wrote its facts: every ingest path and every rewrite of a document's facts calls
/// <see cref="Resolve(long)"/> once they are final (curation applied). Candidates come from an index on
/// signs (a party, a country, a sector) and first days, never a scan of the store; <see cref="ReportMatch"/> decides. An engagement joins
/// every cluster it matches, which become one (the connected reports, whatever order they came in),
/// else starts its own. An instance keeps its statements prepared for the transaction it was made for:
/// a batch resolves thousands of documents with the same few statements.
/// </summary>
internal sealed partial class EngagementResolver(CurationSql sql) : IDisposable
{
    // One query per engagement: the linked reports sharing one of its signs and starting within a day of
    // it (a seek on engagement_signs' primary key per sign, at most MaxPerSign rows each: one report of a
    // cluster is enough to join it, and a day with hundreds of reports of one sector must not cost hundreds
    // of reads), each with how many parties, countries and sectors it shares. {0}: one SignRows per sign.
    private const string Candidates = """
        WITH g AS ({0})
        SELECT l.engagement_id, e.document_id, l.cluster_id, e.type, l.day_from, l.exact, e.fact_key,
            sum(CASE WHEN substr(g.sign, 1, 2) = 'p:' THEN 1 ELSE 0 END),
            sum(CASE WHEN substr(g.sign, 1, 2) = 'c:' THEN 1 ELSE 0 END),
            sum(CASE WHEN substr(g.sign, 1, 2) = 's:' THEN 1 ELSE 0 END),
            (SELECT count(*) FROM engagement_countries x WHERE x.engagement_id = l.engagement_id)
        FROM g JOIN engagement_links l ON l.engagement_id = g.engagement_id JOIN engagements e ON e.id = l.engagement_id
        WHERE e.document_id <> @doc
        GROUP BY l.engagement_id, e.document_id, l.cluster_id, e.type, l.day_from, l.exact, e.fact_key
        """;

    private const string SignRows = "SELECT * FROM (SELECT engagement_id, sign FROM engagement_signs WHERE sign = {0} AND day BETWEEN @lo AND @hi LIMIT @max) s{1}";

    /// <summary>Candidate reports read per sign.</summary>
    private const int MaxPerSign = 25;

    private const string Own = """
        SELECT e.id, 't', e.type, e.date, e.end_date, e.fact_key FROM engagements e WHERE e.document_id = @doc
        UNION ALL SELECT e.id, 'p', n.key, NULL, NULL, NULL FROM engagements e
            JOIN engagement_parties p ON p.engagement_id = e.id JOIN entities n ON n.id = p.entity_id WHERE e.document_id = @doc
        UNION ALL SELECT e.id, 'c', x.country, NULL, NULL, NULL FROM engagements e JOIN engagement_countries x ON x.engagement_id = e.id WHERE e.document_id = @doc
        UNION ALL SELECT e.id, 's', x.sector, NULL, NULL, NULL FROM engagements e JOIN engagement_sectors x ON x.engagement_id = e.id WHERE e.document_id = @doc
        """;

    private LinkCuration? _curation;

    /// <summary>The curators' separations and joins in force, read once per resolver (a batch holds the write lock: they cannot change under it).</summary>
    private LinkCuration Curation => _curation ??= LinkCuration.Read(sql);

    /// <summary>Prepared statements by their text: the candidate query has one text per number of signs.</summary>
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>The candidate query's text by number of signs.</summary>
    private readonly Dictionary<int, string> _candidateTexts = [];

    /// <summary>Links the document's engagements with a resolver made for this transaction and dropped after: for one document (a rewrite, an undo).</summary>
    public static int Resolve(CurationSql sql, long documentId)
    {
        ArgumentNullException.ThrowIfNull(sql);
        using var resolver = new EngagementResolver(sql);
        return resolver.Resolve(documentId);
    }

    /// <summary>Links the document's engagements (their rows already written, none linked yet); returns how many joined another document's engagement.</summary>
    public int Resolve(long documentId)
    {
        var joined = 0;
        var links = new List<(ReportSketch Own, long Cluster)>();
        foreach (var own in OwnSketches(documentId))
        {
            // Every cluster it matches becomes one, under the oldest label: the result is the same in any order of ingest.
            // A report a curator set apart joins by the rule nothing and nobody; reports a curator joined are one whatever the rule says.
            var apart = Curation.IsApart(own.Key);
            var clusters = (apart ? [] : CandidatesOf(documentId, own))
                .Where(c => !Curation.IsApart(c.Key) && ReportMatch.Matches(own, c))
                .GroupBy(c => c.Document)
                .Select(d => d.OrderByDescending(c => ReportMatch.Strength(own, c)).ThenBy(c => c.Id).First().Cluster)
                .Concat(Curation.JoinedWith(own.Key).Select(key => ClusterOf(key, documentId)).OfType<long>())
                .Distinct()
                .Order()
                .ToList();
            var cluster = clusters.Count > 0 ? clusters[0] : own.Id;
            joined += clusters.Count > 0 ? 1 : 0;
            foreach (var other in clusters.Skip(1))
            {
                Execute("UPDATE engagement_links SET cluster_id = @cluster WHERE cluster_id = @other", ("@cluster", cluster), ("@other", other));
                links = [.. links.Select(l => l.Cluster == other ? (l.Own, cluster) : l)]; // this document's, not written yet
            }

            links.Add((own, cluster));
        }

        Insert(links);
        LinkVersions(documentId, [.. links.Where(l => l.Cluster != l.Own.Id).Select(l => l.Cluster).Distinct()]);
        return joined;
    }

    /// <summary>
    /// Resolves again every report of the clusters the engagements <paramref name="engagementIds"/> are in (after a
    /// curator set one apart, joined two, or undid either): their documents' links are dropped and made again, in
    /// document order, under the curation now in force.
    /// </summary>
    public static void Recluster(CurationSql sql, IEnumerable<long> engagementIds)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var documents = new SortedSet<long>();
        foreach (var id in engagementIds.Distinct())
        {
            documents.UnionWith(sql.Rows(
                """
                SELECT e.document_id FROM engagement_links l JOIN engagements e ON e.id = l.engagement_id
                WHERE l.cluster_id = (SELECT cluster_id FROM engagement_links WHERE engagement_id = @id)
                UNION SELECT document_id FROM engagements WHERE id = @id
                """,
                r => r.GetInt64(0), ("@id", id)));
        }

        foreach (var document in documents)
        {
            foreach (var table in new[] { "engagement_signs", "engagement_links" })
            {
                sql.Execute($"DELETE FROM {table} WHERE engagement_id IN (SELECT id FROM engagements WHERE document_id = @doc)", ("@doc", document));
            }

            sql.Execute("DELETE FROM document_versions WHERE document_id = @doc", ("@doc", document));
        }

        using var resolver = new EngagementResolver(sql);
        foreach (var document in documents)
        {
            resolver.Resolve(document);
        }
    }

    /// <summary>The keys of the other reports in the engagement <paramref name="engagementId"/> is one report of (none when it stands alone or has no link).</summary>
    public static List<string> OthersOf(CurationSql sql, long engagementId) =>
        sql.Rows(
            """
            SELECT e.fact_key FROM engagement_links l JOIN engagements e ON e.id = l.engagement_id
            WHERE l.cluster_id = (SELECT cluster_id FROM engagement_links WHERE engagement_id = @id) AND l.engagement_id <> @id AND e.fact_key IS NOT NULL
            ORDER BY e.id
            """,
            r => r.GetString(0), ("@id", engagementId));

    /// <summary>The cluster of the engagement <paramref name="engagementId"/>, null when resolution could not use its date.</summary>
    public static long? ClusterOf(CurationSql sql, long engagementId) =>
        sql.Long("SELECT cluster_id FROM engagement_links WHERE engagement_id = @id", ("@id", engagementId));

    /// <summary>The cluster of the linked report with stable key <paramref name="key"/> in another document than <paramref name="documentId"/>.</summary>
    private long? ClusterOf(string key, long documentId) =>
        Rows(
            "SELECT l.cluster_id FROM engagements e JOIN engagement_links l ON l.engagement_id = e.id WHERE e.fact_key = @key AND e.document_id <> @doc",
            r => r.GetInt64(0), ("@key", key), ("@doc", documentId)).Cast<long?>().FirstOrDefault();

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _prepared.Clear();
    }

    /// <summary>Rows written per statement: a document's signs go in a few round trips (a server is a network hop away), each statement prepared once per row count.</summary>
    private const int RowsPerInsert = 16;

    /// <summary>The document's link rows and signs, <see cref="RowsPerInsert"/> rows per execution.</summary>
    private void Insert(List<(ReportSketch Own, long Cluster)> links)
    {
        InsertRows(
            "INSERT INTO engagement_links (engagement_id, cluster_id, day_from, day_to, exact) VALUES {0}",
            ["id", "cluster", "from", "to", "exact"],
            [.. links.Select(l => new object?[] { l.Own.Id, l.Cluster, l.Own.DayFrom, l.Own.DayTo, l.Own.Exact })]);
        InsertRows(
            "INSERT INTO engagement_signs (sign, day, engagement_id) VALUES {0}",
            ["sign", "day", "id"],
            [.. links.SelectMany(l => l.Own.Signs().Select(sign => new object?[] { sign, l.Own.DayFrom, l.Own.Id }))]);
    }

    private void InsertRows(string text, string[] columns, List<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(RowsPerInsert))
        {
            var values = string.Join(", ", chunk.Select((_, i) => "(" + string.Join(", ", columns.Select(c => string.Create(CultureInfo.InvariantCulture, $"@{c}{i}"))) + ")"));
            Execute(
                string.Format(CultureInfo.InvariantCulture, text, values),
                [.. chunk.SelectMany((row, i) => columns.Select((c, j) => (string.Create(CultureInfo.InvariantCulture, $"@{c}{i}"), row[j])))]);
        }
    }

    /// <summary>The statement for <paramref name="text"/>, prepared on first use and kept, with <paramref name="values"/> bound.</summary>
    private DbCommand Prepared(string text, params (string Name, object? Value)[] values)
    {
        if (!_prepared.TryGetValue(text, out var command))
        {
            // Prepared on the server too: PostgreSQL would otherwise parse and plan the candidate query for every engagement.
            command = sql.Command(text, values);
            command.Prepare();
            _prepared[text] = command;
            return command;
        }

        // New values into the same parameters: a statement prepared on the server keeps the parameters it was prepared with.
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        return command;
    }

    private void Execute(string text, params (string Name, object? Value)[] values) => Prepared(text, values).ExecuteNonQuery();

    private List<T> Rows<T>(string text, Func<DbDataReader, T> map, params (string Name, object? Value)[] values)
    {
        using var reader = Prepared(text, values).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private List<ReportSketch> OwnSketches(long documentId)
    {
        var sketches = new Dictionary<long, ReportSketch>();
        var rows = Rows(Own, r => (Id: r.GetInt64(0), Kind: r.GetString(1), Value: r.GetString(2), Date: r.GetNullableString(3), End: r.GetNullableString(4), Key: r.GetNullableString(5)), ("@doc", documentId));
        foreach (var row in rows.Where(r => r.Kind == "t"))
        {
            if (ReportSketch.DaysOf(FactDate.FromColumns(row.Date, row.End)) is { } days)
            {
                sketches[row.Id] = new ReportSketch(row.Id, row.Id, row.Value, days.From, days.To, days.Exact) { Key = row.Key };
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

    private List<Candidate> CandidatesOf(long documentId, ReportSketch own)
    {
        var signs = own.Signs();
        if (signs.Count == 0)
        {
            return [];
        }

        var names = signs.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@s{i}")).ToList();
        if (!_candidateTexts.TryGetValue(signs.Count, out var text))
        {
            var perSign = names.Select((n, i) => string.Format(CultureInfo.InvariantCulture, SignRows, n, i));
            text = string.Format(CultureInfo.InvariantCulture, Candidates, string.Join(" UNION ALL ", perSign));
            _candidateTexts[signs.Count] = text;
        }

        return Rows(
            text,
            r => new Candidate(
                r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetInt32(4), Convert.ToBoolean(r.GetValue(5), CultureInfo.InvariantCulture),
                Count(r, 7), Count(r, 8), Count(r, 9), Count(r, 10)) { Key = r.GetNullableString(6) },
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
