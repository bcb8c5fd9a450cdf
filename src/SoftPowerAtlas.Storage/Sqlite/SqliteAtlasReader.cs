using System.Text.Json;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Storage.Sqlite;

/// <summary>
/// Read-only queries over the documents and fact tables for the web pages and the REST API: pages of
/// documents, engagements and commitments, entities with their partners and sectors, the dashboard
/// counts and the partner network. Thread-safe; each call takes a pooled connection.
/// </summary>
public sealed partial class SqliteAtlasReader(SqliteAtlasStore store)
{
    private const string DocumentColumns = "d.id, d.title, d.published, d.language, d.source, d.source_url, d.near_duplicate_of";

    public Page<DocumentSummary> ListDocuments(int offset, int limit)
    {
        CheckPage(offset, limit);
        return Read(connection => new Page<DocumentSummary>(
            Query(connection, $"SELECT {DocumentColumns} FROM documents d ORDER BY d.id LIMIT $limit OFFSET $offset", ReadDocument, ("$limit", limit), ("$offset", offset)),
            Count(connection, "SELECT count(*) FROM documents"),
            offset,
            limit));
    }

    /// <summary>The document this one nearly duplicates and the documents that nearly duplicate it.</summary>
    public IReadOnlyList<DocumentSummary> NearDuplicates(long documentId) => Read(connection => Query(
        connection,
        $"""
        SELECT {DocumentColumns} FROM documents d
        WHERE d.near_duplicate_of = $id OR d.id = (SELECT near_duplicate_of FROM documents WHERE id = $id)
        ORDER BY d.id LIMIT 50
        """,
        ReadDocument,
        ("$id", documentId)));

    /// <summary>Entity ids of the given keys (entities found in documents but not in any engagement are not stored).</summary>
    public IReadOnlyDictionary<string, long> EntityIds(IEnumerable<string> keys)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }

        return Read(connection =>
        {
            var json = JsonSerializer.Serialize(distinct);
            var rows = Query(connection, "SELECT key, id FROM entities WHERE key IN (SELECT value FROM json_each($keys))", r => (r.GetString(0), r.GetInt64(1)), ("$keys", json));
            return rows.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        });
    }

    public Page<EntitySummary> ListEntities(int offset, int limit, string? kind = null, string? nameContains = null)
    {
        CheckPage(offset, limit);
        var prefix = kind is null ? null : KindPrefix(kind);
        var pattern = string.IsNullOrWhiteSpace(nameContains) ? null : "%" + EscapeLike(nameContains.Trim()) + "%";
        const string where = """
            WHERE ($prefix IS NULL OR en.key LIKE $prefix || '%' ESCAPE '\')
              AND ($pattern IS NULL OR en.name LIKE $pattern ESCAPE '\'
                   OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = en.id AND a.alias LIKE $pattern ESCAPE '\'))
            """;
        return Read(connection => new Page<EntitySummary>(
            Query(connection, $"SELECT {EntityColumns} FROM entities en {where} ORDER BY 5 DESC, en.name LIMIT $limit OFFSET $offset", ReadEntity,
                ("$prefix", prefix), ("$pattern", pattern), ("$limit", limit), ("$offset", offset)),
            Count(connection, $"SELECT count(*) FROM entities en {where}", ("$prefix", prefix), ("$pattern", pattern)),
            offset,
            limit));
    }

    public EntityDetail? GetEntity(long id) => Read(connection =>
    {
        var entity = Query(connection, $"SELECT {EntityColumns} FROM entities en WHERE en.id = $id", ReadEntity, ("$id", id)).SingleOrDefault();
        if (entity is null)
        {
            return null;
        }

        var aliases = Query(connection, "SELECT alias FROM entity_aliases WHERE entity_id = $id ORDER BY alias", r => r.GetString(0), ("$id", id));
        return new EntityDetail(entity, aliases);
    });

    /// <summary>Entities that share engagements with <paramref name="entityId"/>, most shared first.</summary>
    public IReadOnlyList<(EngagementParty Party, long Count)> Partners(long entityId, int limit = 30) => Read(connection => Query(
        connection,
        """
        SELECT en.id, en.name, min(p2.side), count(DISTINCT p1.engagement_id) FROM engagement_parties p1
        JOIN engagement_parties p2 ON p2.engagement_id = p1.engagement_id AND p2.entity_id <> p1.entity_id
        JOIN entities en ON en.id = p2.entity_id
        WHERE p1.entity_id = $id GROUP BY en.id ORDER BY 4 DESC, en.name LIMIT $limit
        """,
        r => (new EngagementParty(r.GetInt64(0), r.GetString(1), r.GetString(2)), r.GetInt64(3)),
        ("$id", entityId),
        ("$limit", limit)));

    /// <summary>Partner countries or sectors of an entity's engagements, most frequent first.</summary>
    public IReadOnlyList<CountRow> EntityCounts(long entityId, bool sectors) => Read(connection => Query(
        connection,
        sectors
            ? "SELECT s.sector, count(*) FROM engagement_parties p JOIN engagement_sectors s ON s.engagement_id = p.engagement_id WHERE p.entity_id = $id GROUP BY 1 ORDER BY 2 DESC, 1"
            : "SELECT c.country, count(*) FROM engagement_parties p JOIN engagement_countries c ON c.engagement_id = p.engagement_id WHERE p.entity_id = $id GROUP BY 1 ORDER BY 2 DESC, 1",
        ReadCount,
        ("$id", entityId)));

    /// <summary>An entity's dated engagements per year, oldest first (through the party index: no table scan).</summary>
    public IReadOnlyList<CountRow> EntityYears(long entityId) => Read(connection => Query(
        connection,
        """
        SELECT substr(e.date, 1, 4), count(*) FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id
        WHERE p.entity_id = $id AND e.date GLOB '[0-9][0-9][0-9][0-9]*' GROUP BY 1 ORDER BY 1
        """,
        ReadCount,
        ("$id", entityId)));

    /// <summary>Documents that mention an entity, newest ingest last.</summary>
    public Page<DocumentSummary> EntityDocuments(long entityId, int offset, int limit)
    {
        CheckPage(offset, limit);
        return Read(connection => new Page<DocumentSummary>(
            Query(connection, $"SELECT {DocumentColumns} FROM documents d WHERE d.id IN (SELECT document_id FROM mentions WHERE entity_id = $id) ORDER BY d.id LIMIT $limit OFFSET $offset",
                ReadDocument, ("$id", entityId), ("$limit", limit), ("$offset", offset)),
            Count(connection, "SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = $id", ("$id", entityId)),
            offset,
            limit));
    }

    public Page<EngagementRow> ListEngagements(EngagementFilter filter, int offset, int limit, long? documentId = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        CheckPage(offset, limit);
        var (where, parameters) = Where(filter, documentId);
        var all = parameters.Append(("$limit", (object?)limit)).Append(("$offset", offset)).ToArray();
        return Read(connection => new Page<EngagementRow>(
            Query(connection, $"""
                SELECT e.id, e.document_id, d.title, e.type, e.date, e.end_date, e.place, e.evidence_start, e.evidence_end,
                  (SELECT json_group_array(json_array(p.entity_id, en.name, p.side)) FROM engagement_parties p JOIN entities en ON en.id = p.entity_id WHERE p.engagement_id = e.id),
                  (SELECT json_group_array(country) FROM engagement_countries WHERE engagement_id = e.id),
                  (SELECT json_group_array(sector) FROM engagement_sectors WHERE engagement_id = e.id)
                FROM engagements e JOIN documents d ON d.id = e.document_id
                {where}
                ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT $limit OFFSET $offset
                """, ReadEngagement, all),
            Count(connection, $"SELECT count(*) FROM engagements e {where}", parameters),
            offset,
            limit));
    }

    /// <summary>
    /// Commitments, soonest due first (undated last): of one document, or of the documents where an
    /// entity takes part in an engagement.
    /// </summary>
    public Page<CommitmentRow> ListCommitments(int offset, int limit, long? documentId = null, long? entityId = null)
    {
        CheckPage(offset, limit);
        // Only the conditions given: "$doc IS NULL OR …" kept SQLite from the document index and scanned every commitment.
        var conditions = new List<string>();
        if (documentId is not null)
        {
            conditions.Add("c.document_id = $doc");
        }

        if (entityId is not null)
        {
            conditions.Add("c.document_id IN (SELECT e.document_id FROM engagements e JOIN engagement_parties p ON p.engagement_id = e.id WHERE p.entity_id = $entity)");
        }

        var where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
        (string, object?)[] parameters = [("$doc", documentId), ("$entity", entityId)];
        return Read(connection => new Page<CommitmentRow>(
            Query(connection, $"""
                SELECT c.id, c.document_id, d.title, c.what, c.who, c.due, c.start, c.end
                FROM commitments c JOIN documents d ON d.id = c.document_id {where}
                ORDER BY c.due IS NULL, c.due, c.id LIMIT $limit OFFSET $offset
                """, ReadCommitment, [.. parameters, ("$limit", limit), ("$offset", offset)]),
            Count(connection, $"SELECT count(*) FROM commitments c {where}", parameters),
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

    private const string EntityColumns = """
        en.id, en.key, en.name, en.country,
        (SELECT count(*) FROM engagement_parties p WHERE p.entity_id = en.id),
        (SELECT count(DISTINCT document_id) FROM mentions m WHERE m.entity_id = en.id)
        """;

    private static EntitySummary ReadEntity(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetNullableString(3), KindOfKey(r.GetString(1)), r.GetInt64(4), r.GetInt64(5));

    private static DocumentSummary ReadDocument(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetNullableString(1), r.GetNullableString(2), r.GetString(3), r.GetString(4), r.GetNullableString(5), r.GetNullableInt64(6));

    private static CommitmentRow ReadCommitment(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetNullableString(2), r.GetString(3), r.GetNullableString(4), r.GetNullableString(5), r.GetInt32(6), r.GetInt32(7));

    private static CountRow ReadCount(SqliteDataReader r) => new(r.GetString(0), r.GetInt64(1));

    private static EngagementRow ReadEngagement(SqliteDataReader r)
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
            Add("e.document_id = $doc", "$doc", documentId);
        }

        if (filter.Country is not null)
        {
            Add("e.id IN (SELECT engagement_id FROM engagement_countries WHERE country = $country)", "$country", filter.Country);
        }

        if (filter.Sector is not null)
        {
            Add("e.id IN (SELECT engagement_id FROM engagement_sectors WHERE sector = $sector)", "$sector", filter.Sector);
        }

        if (filter.Type is not null)
        {
            Add("e.type = $type", "$type", filter.Type);
        }

        if (filter.EntityId is not null)
        {
            Add("e.id IN (SELECT engagement_id FROM engagement_parties WHERE entity_id = $entity)", "$entity", filter.EntityId);
        }

        if (filter.YearFrom is not null)
        {
            Add("substr(e.date, 1, 4) >= $from", "$from", filter.YearFrom.Value.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (filter.YearTo is not null)
        {
            Add("substr(e.date, 1, 4) <= $to", "$to", filter.YearTo.Value.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
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

    private T Read<T>(Func<SqliteConnection, T> action)
    {
        try
        {
            using var connection = store.OpenConnection();
            return action(connection);
        }
        catch (SqliteException e)
        {
            throw e.ToStoreException(store.Path);
        }
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Prepare(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static long Count(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Prepare(connection, sql, parameters);
        return (long)command.ExecuteScalar()!; // count(*) always yields a row.
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
