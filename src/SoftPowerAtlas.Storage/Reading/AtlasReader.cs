using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace SoftPowerAtlas.Storage.Reading;

/// <summary>
/// Read-only queries over the documents and fact tables for the web pages and the REST API: pages of
/// documents, engagements and commitments, entities with their partners and sectors, the dashboard
/// counts and the partner network. One SQL for SQLite and PostgreSQL (the store's dialect spells the
/// JSON aggregates and case-insensitive matches). Thread-safe; each call reads one snapshot.
/// </summary>
public sealed partial class AtlasReader(IAtlasStore store)
{
    private const string DocumentColumns = "d.id, d.title, d.published, d.language, d.source, d.source_url, d.near_duplicate_of";

    public Page<DocumentSummary> ListDocuments(int offset, int limit)
    {
        CheckPage(offset, limit);
        return Read(connection => new Page<DocumentSummary>(
            Query(connection, $"SELECT {DocumentColumns} FROM documents d ORDER BY d.id LIMIT @limit OFFSET @offset", ReadDocument, ("@limit", limit), ("@offset", offset)),
            Count(connection, "SELECT count(*) FROM documents"),
            offset,
            limit));
    }

    /// <summary>The document this one nearly duplicates and the documents that nearly duplicate it.</summary>
    public IReadOnlyList<DocumentSummary> NearDuplicates(long documentId) => Read(connection => Query(
        connection,
        $"""
        SELECT {DocumentColumns} FROM documents d
        WHERE d.near_duplicate_of = @id OR d.id = (SELECT near_duplicate_of FROM documents WHERE id = @id)
        ORDER BY d.id LIMIT 50
        """,
        ReadDocument,
        ("@id", documentId)));

    /// <summary>
    /// The other versions of this document's release (issue 25): the original it is a translation or copy of, and the
    /// documents that are translations or copies of it, each with its kind and whether it is the original.
    /// </summary>
    public IReadOnlyList<DocumentVersion> Versions(long documentId) => Read(connection => Query(
        connection,
        $"""
        SELECT {DocumentColumns}, v.kind, 1 FROM document_versions v JOIN documents d ON d.id = v.original_id WHERE v.document_id = @id
        UNION ALL SELECT {DocumentColumns}, v.kind, 0 FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.original_id = @id
        ORDER BY 1 LIMIT 50
        """,
        r => new DocumentVersion(ReadDocument(r), r.GetString(7), r.GetInt32(8) == 1),
        ("@id", documentId)));

    /// <summary>Entity ids of the given keys (entities found in documents but not in any engagement are not stored).</summary>
    public IReadOnlyDictionary<string, long> EntityIds(IEnumerable<string> keys)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }

        // In slices, well under either engine's limit on bound parameters.
        return Read(connection => distinct.Chunk(500).SelectMany(slice =>
            {
                var names = slice.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@k{i}")).ToList();
                return Query(connection, $"SELECT key, id FROM entities WHERE key IN ({string.Join(", ", names)})", r => (Key: r.GetString(0), Id: r.GetInt64(1)),
                    [.. names.Zip(slice, (name, key) => (name, (object?)key))]);
            })
            .ToDictionary(r => r.Key, r => r.Id, StringComparer.Ordinal));
    }

    public Page<EntitySummary> ListEntities(int offset, int limit, string? kind = null, string? nameContains = null)
    {
        CheckPage(offset, limit);
        var like = store.Dialect.LikeIgnoringCase;
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        if (kind is not null)
        {
            clauses.Add($"en.key {like} @prefix ESCAPE '\\'");
            parameters.Add(("@prefix", KindPrefix(kind) + "%"));
        }

        if (!string.IsNullOrWhiteSpace(nameContains))
        {
            clauses.Add($"(en.name {like} @pattern ESCAPE '\\' OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = en.id AND a.alias {like} @pattern ESCAPE '\\'))");
            parameters.Add(("@pattern", "%" + EscapeLike(nameContains.Trim()) + "%"));
        }

        var where = clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses);
        return Read(connection => new Page<EntitySummary>(
            Query(connection, $"SELECT {EntityColumns} FROM entities en {where} ORDER BY 5 DESC, en.name LIMIT @limit OFFSET @offset", ReadEntity,
                [.. parameters, ("@limit", limit), ("@offset", offset)]),
            Count(connection, $"SELECT count(*) FROM entities en {where}", [.. parameters]),
            offset,
            limit));
    }

    public EntityDetail? GetEntity(long id) => Read(connection =>
    {
        var entity = Query(connection, $"SELECT {EntityColumns} FROM entities en WHERE en.id = @id", ReadEntity, ("@id", id)).SingleOrDefault();
        if (entity is null)
        {
            return null;
        }

        var aliases = Query(connection, "SELECT alias FROM entity_aliases WHERE entity_id = @id", r => r.GetString(0), ("@id", id));
        return new EntityDetail(entity, [.. aliases.Order(StringComparer.Ordinal)]);
    });

    /// <summary>Entities that share engagements with <paramref name="entityId"/>, most shared first.</summary>
    public IReadOnlyList<(EngagementParty Party, long Count)> Partners(long entityId, int limit = 30) => Read(connection => Query(
        connection,
        $"""
        SELECT en.id, en.name, min(p2.side), count(DISTINCT {EngagementOf("p1.engagement_id")}) FROM engagement_parties p1
        JOIN engagement_parties p2 ON p2.engagement_id = p1.engagement_id AND p2.entity_id <> p1.entity_id
        JOIN entities en ON en.id = p2.entity_id
        WHERE p1.entity_id = @id GROUP BY en.id ORDER BY 4 DESC, en.name LIMIT @limit
        """,
        r => (new EngagementParty(r.GetInt64(0), r.GetString(1), r.GetString(2)), r.GetInt64(3)),
        ("@id", entityId),
        ("@limit", limit)));

    /// <summary>Partner countries or sectors of an entity's engagements, most frequent first.</summary>
    public IReadOnlyList<CountRow> EntityCounts(long entityId, bool sectors) => Read(connection => Query(
        connection,
        sectors
            ? $"SELECT s.sector, count(DISTINCT {EngagementOf("p.engagement_id")}) FROM engagement_parties p JOIN engagement_sectors s ON s.engagement_id = p.engagement_id WHERE p.entity_id = @id GROUP BY 1 ORDER BY 2 DESC, 1"
            : $"SELECT c.country, count(DISTINCT {EngagementOf("p.engagement_id")}) FROM engagement_parties p JOIN engagement_countries c ON c.engagement_id = p.engagement_id WHERE p.entity_id = @id GROUP BY 1 ORDER BY 2 DESC, 1",
        ReadCount,
        ("@id", entityId)));

    /// <summary>An entity's dated engagements per year, oldest first (through the party index: no table scan).</summary>
    public IReadOnlyList<CountRow> EntityYears(long entityId) => Read(connection => Query(
        connection,
        $"""
        SELECT substr(e.date, 1, 4), count(DISTINCT {EngagementOf("e.id")}) FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id
        WHERE p.entity_id = @id AND {store.Dialect.StartsWithYear("e.date")} GROUP BY 1 ORDER BY 1
        """,
        ReadCount,
        ("@id", entityId)));

    /// <summary>Documents that mention an entity, newest ingest last.</summary>
    public Page<DocumentSummary> EntityDocuments(long entityId, int offset, int limit)
    {
        CheckPage(offset, limit);
        return Read(connection => new Page<DocumentSummary>(
            Query(connection, $"SELECT {DocumentColumns} FROM documents d WHERE d.id IN (SELECT document_id FROM mentions WHERE entity_id = @id) ORDER BY d.id LIMIT @limit OFFSET @offset",
                ReadDocument, ("@id", entityId), ("@limit", limit), ("@offset", offset)),
            Count(connection, "SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = @id", ("@id", entityId)),
            offset,
            limit));
    }

    public Page<EngagementRow> ListEngagements(EngagementFilter filter, int offset, int limit, long? documentId = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        CheckPage(offset, limit);
        var (where, parameters) = Where(filter, documentId);
        var all = parameters.Append(("@limit", (object?)limit)).Append(("@offset", offset)).ToArray();
        var sql = store.Dialect;
        return Read(connection => new Page<EngagementRow>(
            WithReports(connection, Query(connection, $"""
                SELECT e.id, e.document_id, d.title, e.type, e.date, e.end_date, e.place, e.evidence_start, e.evidence_end,
                  (SELECT {sql.JsonArrayAgg(sql.JsonArray("p.entity_id", "en.name", "p.side"), "p.entity_id")} FROM engagement_parties p JOIN entities en ON en.id = p.entity_id WHERE p.engagement_id = e.id),
                  (SELECT {sql.JsonArrayAgg("country", "country")} FROM engagement_countries WHERE engagement_id = e.id),
                  (SELECT {sql.JsonArrayAgg("sector", "sector")} FROM engagement_sectors WHERE engagement_id = e.id)
                FROM engagements e JOIN documents d ON d.id = e.document_id
                {where}
                ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT @limit OFFSET @offset
                """, ReadEngagement, all)),
            Count(connection, $"SELECT count(*) FROM engagements e {where}", parameters),
            offset,
            limit));
    }

    /// <summary>Other reports of one engagement listed per row, at most (a cluster of thousands is named by its first few).</summary>
    private const int ReportsPerRow = 20;

    /// <summary>The rows with the other documents' reports of the same engagement (issue 25), first stored first.</summary>
    private static List<EngagementRow> WithReports(DbTransaction connection, List<EngagementRow> rows)
    {
        if (rows.Count == 0)
        {
            return rows;
        }

        var names = rows.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@e{i}")).ToList();
        var reports = Query(
            connection,
            $"""
            SELECT own, id, document_id, title, type, date, end_date, evidence_start, evidence_end FROM (
                SELECT l.engagement_id AS own, o.id, o.document_id, d.title, o.type, o.date, o.end_date, o.evidence_start, o.evidence_end,
                    row_number() OVER (PARTITION BY l.engagement_id ORDER BY o.id) AS n
                FROM engagement_links l
                JOIN engagement_links k ON k.cluster_id = l.cluster_id AND k.engagement_id <> l.engagement_id
                JOIN engagements o ON o.id = k.engagement_id JOIN documents d ON d.id = o.document_id
                WHERE l.engagement_id IN ({string.Join(", ", names)})) x
            WHERE n <= {ReportsPerRow.ToString(CultureInfo.InvariantCulture)}
            ORDER BY own, id
            """,
            r => (Own: r.GetInt64(0), Report: new EngagementReportRow(r.GetInt64(1), r.GetInt64(2), r.GetNullableString(3), r.GetString(4), r.GetNullableString(5), r.GetNullableString(6), r.GetInt32(7), r.GetInt32(8))),
            [.. names.Zip(rows, (n, row) => (n, (object?)row.Id))]).ToLookup(x => x.Own, x => x.Report);
        return [.. rows.Select(r => reports[r.Id].Any() ? r with { AlsoReportedIn = [.. reports[r.Id]] } : r)];
    }

    /// <summary>
    /// Commitments, soonest due first (undated last): of one document, or of the documents where an
    /// entity takes part in an engagement.
    /// </summary>
    public Page<CommitmentRow> ListCommitments(int offset, int limit, long? documentId = null, long? entityId = null)
    {
        CheckPage(offset, limit);
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        if (documentId is not null)
        {
            clauses.Add("c.document_id = @doc");
            parameters.Add(("@doc", documentId));
        }

        if (entityId is not null)
        {
            clauses.Add("c.document_id IN (SELECT e.document_id FROM engagements e JOIN engagement_parties p ON p.engagement_id = e.id WHERE p.entity_id = @entity)");
            parameters.Add(("@entity", entityId));
        }

        var where = clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses);
        return Read(connection => new Page<CommitmentRow>(
            Query(connection, $"""
                SELECT c.id, c.document_id, d.title, c.what, c.who, c.due, c.start, c."end"
                FROM commitments c JOIN documents d ON d.id = c.document_id {where}
                ORDER BY c.due IS NULL, c.due, c.id LIMIT @limit OFFSET @offset
                """, ReadCommitment, [.. parameters, ("@limit", limit), ("@offset", offset)]),
            Count(connection, $"SELECT count(*) FROM commitments c {where}", [.. parameters]),
            offset,
            limit));
    }

    /// <summary>The entity kind a key prefix stands for: agency, organization, body, person, or the prefix itself.</summary>
    public static string KindOfKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? key : key[..colon];
        return prefix switch
        {
            "org" => "organization",
            _ => prefix,
        };
    }

    private static string KindPrefix(string kind) => (kind == "organization" ? "org" : EscapeLike(kind)) + ":";

    private static readonly string EntityColumns = $"""
        en.id, en.key, en.name, en.country,
        (SELECT count(DISTINCT {EngagementOf("p.engagement_id")}) FROM engagement_parties p WHERE p.entity_id = en.id),
        (SELECT count(DISTINCT document_id) FROM mentions m WHERE m.entity_id = en.id)
        """;

    private static EntitySummary ReadEntity(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetNullableString(3), KindOfKey(r.GetString(1)), r.GetInt64(4), r.GetInt64(5));

    private static DocumentSummary ReadDocument(DbDataReader r) =>
        new(r.GetInt64(0), r.GetNullableString(1), r.GetNullableString(2), r.GetString(3), r.GetString(4), r.GetNullableString(5), r.GetNullableInt64(6));

    private static CommitmentRow ReadCommitment(DbDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetNullableString(2), r.GetString(3), r.GetNullableString(4), r.GetNullableString(5), r.GetInt32(6), r.GetInt32(7));

    private static CountRow ReadCount(DbDataReader r) => new(r.GetString(0), r.GetInt64(1));

    private static EngagementRow ReadEngagement(DbDataReader r)
    {
        using var parties = JsonDocument.Parse(r.GetString(9));
        return new EngagementRow(
            r.GetInt64(0), r.GetInt64(1), r.GetNullableString(2), r.GetString(3), r.GetNullableString(4), r.GetNullableString(5),
            r.GetNullableString(6), r.GetInt32(7), r.GetInt32(8),
            [.. parties.RootElement.EnumerateArray().Select(p => new EngagementParty(p[0].GetInt64(), p[1].GetString() ?? string.Empty, p[2].GetString() ?? string.Empty))],
            JsonSerializer.Deserialize<string[]>(r.GetString(10)) ?? [],
            JsonSerializer.Deserialize<string[]>(r.GetString(11)) ?? []);
    }

    private static (string Where, (string, object?)[] Parameters) Where(EngagementFilter filter, long? documentId)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string clause, string name, object? value)
        {
            clauses.Add(clause);
            parameters.Add((name, value));
        }

        // IN (…) lets SQLite start from the value's index (engagement_countries_country…); a correlated
        // EXISTS made it scan every engagement, and count all of them, for each page.
        if (documentId is not null)
        {
            Add("e.document_id = @doc", "@doc", documentId);
        }

        if (filter.Country is not null)
        {
            Add("e.id IN (SELECT engagement_id FROM engagement_countries WHERE country = @country)", "@country", filter.Country);
        }

        if (filter.Sector is not null)
        {
            Add("e.id IN (SELECT engagement_id FROM engagement_sectors WHERE sector = @sector)", "@sector", filter.Sector);
        }

        if (filter.Type is not null)
        {
            Add("e.type = @type", "@type", filter.Type);
        }

        if (filter.EntityId is not null)
        {
            Add("e.id IN (SELECT engagement_id FROM engagement_parties WHERE entity_id = @entity)", "@entity", filter.EntityId);
        }

        if (filter.YearFrom is not null)
        {
            Add("substr(e.date, 1, 4) >= @from", "@from", filter.YearFrom.Value.ToString("D4", CultureInfo.InvariantCulture));
        }

        if (filter.YearTo is not null)
        {
            Add("substr(e.date, 1, 4) <= @to", "@to", filter.YearTo.Value.ToString("D4", CultureInfo.InvariantCulture));
        }

        return (clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses), [.. parameters]);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static void CheckPage(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
    }

    private T Read<T>(Func<DbTransaction, T> action) => store.Read((_, transaction) => action(transaction));

    private static List<T> Query<T>(DbTransaction transaction, string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static long Count(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture); // count(*) always yields a row.
    }
}
