using System.Data.Common;
using System.Globalization;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Tracking;
using static SoftPowerAtlas.Storage.DbParameters;

namespace SoftPowerAtlas.Storage.Watches;

/// <summary>A document a watch matches, as a watchlist or feed shows it: <see cref="Summary"/> is the start of its clean text.</summary>
public sealed record WatchDocument(long Id, string? Title, string Source, string? SourceUrl, DateTimeOffset IngestedAt, string Summary);

/// <summary>
/// What is new for a watch since <see cref="Since"/>: the matching documents ingested after it (newest
/// first, at most the limit asked; <see cref="DocumentCount"/> counts them all), and the commitments in
/// what it covers that became overdue since (due on or after that day, now past and not marked).
/// <see cref="Complete"/> is false when a saved search matches more documents than
/// <see cref="WatchReader.MaxScanned"/>: then only its best-ranked ones were looked at.
/// </summary>
public sealed record WatchNews(Watch Watch, DateTimeOffset Since, IReadOnlyList<WatchDocument> Documents, int DocumentCount, IReadOnlyList<DueItem> Overdue, bool Complete)
{
    /// <summary>New documents and newly overdue commitments together: the number a watchlist shows.</summary>
    public int Count => DocumentCount + Overdue.Count;
}

/// <summary>
/// Reads what a watch matches. A followed entity matches the documents that mention it, a country or
/// sector the documents with an engagement with it or in it (by SQL, exactly); a saved search the
/// documents its query finds through <see cref="ISearchIndex"/> (the same answer as the search page),
/// read page by page up to <see cref="MaxScanned"/> hits. "New" is by ingest time, not publication date.
/// </summary>
public sealed class WatchReader(IAtlasStore store, ISearchIndex index, CommitmentTracker tracker)
{
    /// <summary>Most hits of a saved search read to tell which documents it matches.</summary>
    public const int MaxScanned = 5000;

    /// <summary>Characters of clean text a summary keeps at most.</summary>
    public const int SummaryLength = 300;

    private const int PageSize = SearchPage.MaxLimit;

    private readonly AtlasStore _store = store as AtlasStore ?? throw new ArgumentException($"no documents table for a {store?.GetType().Name}", nameof(store));

    /// <summary>What is new for the watch since its owner last looked (<see cref="Watch.SeenAt"/>); at most <paramref name="limit"/> documents listed.</summary>
    public WatchNews New(Watch watch, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var matches = new Lazy<Matches>(() => Match(watch));
        var since = watch.SeenAt;
        var (documents, count) = Documents(watch, matches, since, limit);
        // Overdue since the last look: due on or after the day of that look, and before today. Seen
        // today, nothing can have fallen due since; else the period narrows what is read.
        var seenDay = DateOnly.FromDateTime(since.ToOffset(CommitmentTracker.BangkokOffset).DateTime);
        var today = tracker.Today;
        var overdue = seenDay >= today ? []
            : tracker.Due(new DueQuery { AsOf = today, Filter = Filter(watch) with { From = seenDay, To = today.AddDays(-1) } }).Items
                .Where(i => i.State == CommitmentState.Overdue && i.DueBy >= seenDay)
                .ToList();
        if (watch.Kind == WatchKind.Search && overdue.Count > 0)
        {
            overdue = [.. overdue.Where(i => matches.Value.Ids!.Contains(i.Commitment.Source.DocumentId))];
        }

        return new WatchNews(watch, since, documents, count, overdue, !matches.IsValueCreated || matches.Value.Complete);
    }

    /// <summary>The id of the entity a followed key names now (for a link to its page); null when no entity has the key.</summary>
    public long? EntityId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return DbParameters.Run(_store.OpenDbConnection, _store.Dialect, connection =>
        {
            using var command = Command(connection, null, "SELECT id FROM entities WHERE key = @key", ("@key", key));
            return command.ExecuteScalar() is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : (long?)null;
        });
    }

    /// <summary>The newest matching documents by ingest time, for the watch's feed.</summary>
    public IReadOnlyList<WatchDocument> Latest(Watch watch, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return Documents(watch, new Lazy<Matches>(() => Match(watch)), DateTimeOffset.MinValue, limit).Documents;
    }

    private (IReadOnlyList<WatchDocument> Documents, int Count) Documents(Watch watch, Lazy<Matches> matches, DateTimeOffset since, int limit)
    {
        var after = _store.Dialect.Timestamp(since == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : since);
        return DbParameters.Run(_store.OpenDbConnection, _store.Dialect, connection =>
        {
            if (since != DateTimeOffset.MinValue && Count(connection, "SELECT count(*) FROM documents WHERE ingested_at > @after", ("@after", after)) == 0)
            {
                return ((IReadOnlyList<WatchDocument>)[], 0); // nothing ingested since: no search needed
            }

            if (watch.Kind != WatchKind.Search)
            {
                var condition = Condition(watch.Kind);
                var total = (int)Count(connection, $"SELECT count(*) FROM documents d WHERE d.ingested_at > @after AND {condition}", ("@after", after), ("@target", watch.Target));
                var listed = Read(connection, $"d.ingested_at > @after AND {condition}", limit, ("@after", after), ("@target", watch.Target));
                return (listed, total);
            }

            // A saved search: the ingest times of its matches, a chunk of ids at a time.
            var times = new List<(long Id, DateTimeOffset At)>();
            foreach (var chunk in matches.Value.Ids!.Chunk(500))
            {
                var names = chunk.Select((_, i) => "@i" + i.ToString(CultureInfo.InvariantCulture)).ToList();
                var parameters = chunk.Select((id, i) => (names[i], (object?)id)).Append(("@after", after)).ToArray();
                using var command = Command(connection, null, $"SELECT id, ingested_at FROM documents WHERE ingested_at > @after AND id IN ({string.Join(", ", names)})", parameters);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    times.Add((reader.GetInt64(0), StoreDialect.ReadTimestamp(reader, 1)));
                }
            }

            var newest = times.OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(limit).ToList();
            var documents = new List<WatchDocument>(newest.Count);
            foreach (var (id, _) in newest)
            {
                documents.AddRange(Read(connection, "d.id = @id", 1, ("@id", id)));
            }

            return (documents, times.Count);
        });
    }

    /// <summary>The SQL condition on <c>d.id</c> of a follow, its target bound as <c>@target</c>.</summary>
    private static string Condition(WatchKind kind) => kind switch
    {
        WatchKind.Entity => "d.id IN (SELECT m.document_id FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.key = @target)",
        WatchKind.Country => "d.id IN (SELECT f.document_id FROM document_facets f WHERE f.facet = 'country' AND f.value = @target)",
        WatchKind.Sector => "d.id IN (SELECT f.document_id FROM document_facets f WHERE f.facet = 'sector' AND f.value = @target)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a saved search has no SQL condition"),
    };

    /// <summary>The commitments a watch covers: those of a followed entity, country or sector; every one for a search (kept by document after).</summary>
    private static FactFilter Filter(Watch watch) => watch.Kind switch
    {
        WatchKind.Entity => FactFilter.All with { Entities = [watch.Target] },
        WatchKind.Country => FactFilter.All with { Countries = [watch.Target] },
        WatchKind.Sector => FactFilter.All with { Sectors = [watch.Target] },
        _ => FactFilter.All,
    };

    /// <summary>The documents a saved search matches, its best <see cref="MaxScanned"/> at most.</summary>
    private Matches Match(Watch watch)
    {
        if (watch.Kind != WatchKind.Search)
        {
            return new Matches(null, true);
        }

        if (SearchQuery.Parse(watch.Target).Query is not { } query)
        {
            return new Matches([], true); // stored targets parse (WatchRules); a parser grown stricter since finds nothing
        }

        query = query with { Exact = watch.Exact };
        var ids = new HashSet<long>();
        long total = 0;
        for (var offset = 0; offset < MaxScanned; offset += PageSize)
        {
            var results = index.Search(query, new SearchPage(PageSize, offset, facets: false));
            total = results.Total;
            ids.UnionWith(results.Hits.Select(h => h.DocumentId));
            if (results.Hits.Count < PageSize)
            {
                break;
            }
        }

        return new Matches(ids, total <= MaxScanned);
    }

    private static List<WatchDocument> Read(DbConnection connection, string where, int limit, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(
            connection,
            null,
            $"SELECT d.id, d.title, d.source, d.source_url, d.ingested_at, substr(d.clean_text, 1, {SummaryLength + 1}), d.clean_packed FROM documents d WHERE {where} ORDER BY d.ingested_at DESC, d.id DESC LIMIT {limit.ToString(CultureInfo.InvariantCulture)}",
            parameters);
        using var reader = command.ExecuteReader();
        var documents = new List<WatchDocument>();
        while (reader.Read())
        {
            documents.Add(new WatchDocument(reader.GetInt64(0), reader.GetNullableString(1), reader.GetString(2), reader.GetNullableString(3), StoreDialect.ReadTimestamp(reader, 4), Summary(PackedText.Read(reader, 6, 5) ?? string.Empty)));
        }

        return documents;
    }

    /// <summary>The start of a text on one line, cut at a space near the limit when there is one, marked with an ellipsis when cut.</summary>
    internal static string Summary(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (line.Length <= SummaryLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', SummaryLength);
        var end = cut >= SummaryLength - 60 ? cut : SummaryLength;
        if (char.IsHighSurrogate(line[end - 1]))
        {
            end--;
        }

        return line[..end].TrimEnd() + "…";
    }

    private static long Count(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, null, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A saved search's matching documents (null for a follow, matched in SQL), and whether they are all of them.</summary>
    private sealed record Matches(HashSet<long>? Ids, bool Complete);
}
