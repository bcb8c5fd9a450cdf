namespace SoftPowerAtlas.Storage.Reading;

/// <summary>
/// The dashboard counts, the partner network and the place pages. A place is an entity of kind
/// <c>country</c> or <c>province</c> keyed <c>country:FR</c> / <c>province:TH-10</c>, and the documents
/// naming it are those with a mention of it (every mention extraction finds is stored).
/// </summary>
public sealed partial class AtlasReader
{
    private const string ProvincePrefix = "province:";

    private const string MentionsOf = "FROM mentions m JOIN entities n ON n.id = m.entity_id";

    private static string PlaceKey(string kind, string code) => kind + ":" + code;

    /// <summary>
    /// The engagement a stored report (an <c>engagements</c> row, by its id column, qualified) is one of
    /// (issue 25): its cluster when other documents report it too, else itself. Counts count these, so
    /// five reports of one signing count once.
    /// </summary>
    private static string EngagementOf(string idColumn) =>
        $"coalesce((SELECT l.cluster_id FROM engagement_links l WHERE l.engagement_id = {idColumn}), {idColumn})";

    public AtlasOverview Overview() => Read(connection =>
    {
        var totals = Query(connection, $$"""
            SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT {{EngagementOf("e.id")}}) FROM engagements e),
                   (SELECT count(*) FROM commitments), (SELECT count(*) FROM entities)
            """, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3))).Single();
        return new AtlasOverview(
            totals.Item1,
            totals.Item2,
            totals.Item3,
            totals.Item4,
            Query(connection, $"SELECT x.country, count(DISTINCT {EngagementOf("x.engagement_id")}) FROM engagement_countries x GROUP BY 1 ORDER BY 2 DESC, 1", ReadCount),
            Query(connection, $"SELECT x.sector, count(DISTINCT {EngagementOf("x.engagement_id")}) FROM engagement_sectors x GROUP BY 1 ORDER BY 2 DESC, 1", ReadCount),
            Query(connection, $"SELECT e.type, count(DISTINCT {EngagementOf("e.id")}) FROM engagements e GROUP BY 1 ORDER BY 2 DESC, 1", ReadCount),
            Query(connection, $"SELECT substr(e.date, 1, 4), count(DISTINCT {EngagementOf("e.id")}) FROM engagements e WHERE {store.Dialect.StartsWithYear("e.date")} GROUP BY 1 ORDER BY 1", ReadCount),
            Query(connection, $"SELECT substr(n.key, {ProvincePrefix.Length + 1}), count(DISTINCT m.document_id) {MentionsOf} WHERE n.kind = 'province' GROUP BY n.id ORDER BY 2 DESC, 1", ReadCount));
    });

    /// <summary>
    /// A stamp that changes whenever documents or engagements are stored or removed, facts are curated,
    /// or entities are added or merged: caches of whole-store aggregates compare it. Each engine's
    /// dialect says how it is read (<see cref="StoreDialect.DataStampSql"/>).
    /// </summary>
    public string DataStamp() => Read(connection => Query(
        connection,
        store.Dialect.DataStampSql,
        r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.GetInt64(0)}/{r.GetInt64(1)}/{r.GetNullableInt64(2) ?? 0}/{r.GetNullableInt64(3) ?? 0}")).Single());

    /// <summary>
    /// Thai-side entities and partner countries linked by the engagements they share, within the
    /// filter's sector and years; at most <paramref name="maxEdges"/> heaviest links.
    /// </summary>
    public NetworkGraph Network(EngagementFilter filter, int maxEdges = 400)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = Where(filter, documentId: null);
        var rows = Read(connection => Query(
            connection,
            $"""
            SELECT en.id, en.name, c.country, count(DISTINCT {EngagementOf("e.id")}) FROM engagements e
            JOIN engagement_parties p ON p.engagement_id = e.id AND p.side = 'thai'
            JOIN entities en ON en.id = p.entity_id
            JOIN engagement_countries c ON c.engagement_id = e.id AND c.country <> 'TH'
            {where}
            GROUP BY en.id, c.country ORDER BY 4 DESC, 1, 3 LIMIT @max
            """,
            r => (EntityId: r.GetInt64(0), Name: r.GetString(1), Country: r.GetString(2), Count: r.GetInt64(3)),
            [.. parameters, ("@max", maxEdges)]));

        var nodes = new List<NetworkNode>();
        foreach (var agency in rows.GroupBy(r => r.EntityId))
        {
            nodes.Add(new NetworkNode($"e{agency.Key}", agency.First().Name, "agency", agency.Key, null, agency.Sum(r => r.Count)));
        }

        foreach (var country in rows.GroupBy(r => r.Country, StringComparer.Ordinal))
        {
            nodes.Add(new NetworkNode($"c{country.Key}", country.Key, "country", null, country.Key, country.Sum(r => r.Count)));
        }

        return new NetworkGraph(nodes, [.. rows.Select(r => new NetworkEdge($"e{r.EntityId}", $"c{r.Country}", r.Count))]);
    }

    /// <summary>How many engagements have a country as partner, and how many documents name a country or province.</summary>
    public PlaceSummary Place(string kind, string code)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(code);
        return Read(connection => new PlaceSummary(
            kind,
            code,
            kind == "country" ? Count(connection, $"SELECT count(DISTINCT {EngagementOf("x.engagement_id")}) FROM engagement_countries x WHERE x.country = @code", ("@code", code)) : 0,
            Count(connection, $"SELECT count(DISTINCT m.document_id) {MentionsOf} WHERE n.key = @key", ("@key", PlaceKey(kind, code)))));
    }

    /// <summary>Documents that name a country or a province, in ingest order.</summary>
    public Page<DocumentSummary> PlaceDocuments(string kind, string code, int offset, int limit)
    {
        CheckPage(offset, limit);
        (string, object?)[] parameters = [("@key", PlaceKey(kind, code))];
        return Read(connection => new Page<DocumentSummary>(
            Query(connection, $"SELECT {DocumentColumns} FROM documents d WHERE d.id IN (SELECT m.document_id {MentionsOf} WHERE n.key = @key) ORDER BY d.id LIMIT @limit OFFSET @offset",
                ReadDocument, [.. parameters, ("@limit", limit), ("@offset", offset)]),
            Count(connection, $"SELECT count(DISTINCT m.document_id) {MentionsOf} WHERE n.key = @key", parameters),
            offset,
            limit));
    }

    /// <summary>Thai-side entities engaging with a partner country, most engagements first.</summary>
    public IReadOnlyList<(EngagementParty Party, long Count)> CountryPartners(string country, int limit = 30) => Read(connection => Query(
        connection,
        $"""
        SELECT en.id, en.name, min(p.side), count(DISTINCT {EngagementOf("c.engagement_id")}) FROM engagement_countries c
        JOIN engagement_parties p ON p.engagement_id = c.engagement_id AND p.side IN ('thai', 'foreign')
        JOIN entities en ON en.id = p.entity_id
        WHERE c.country = @code GROUP BY en.id ORDER BY 4 DESC, en.name LIMIT @limit
        """,
        r => (new EngagementParty(r.GetInt64(0), r.GetString(1), r.GetString(2)), r.GetInt64(3)),
        ("@code", country),
        ("@limit", limit)));

    /// <summary>Sectors of the engagements with a partner country, most frequent first.</summary>
    public IReadOnlyList<CountRow> CountrySectors(string country) => Read(connection => Query(
        connection,
        $"SELECT s.sector, count(DISTINCT {EngagementOf("c.engagement_id")}) FROM engagement_countries c JOIN engagement_sectors s ON s.engagement_id = c.engagement_id WHERE c.country = @code GROUP BY 1 ORDER BY 2 DESC, 1",
        ReadCount,
        ("@code", country)));
}
