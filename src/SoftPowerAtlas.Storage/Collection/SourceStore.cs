using System.Data.Common;

namespace SoftPowerAtlas.Storage.Collection;

/// <summary>What a source is: a feed lists its articles; a listing page links to them.</summary>
public enum SourceKind
{
    Feed,
    Listing,
}

/// <summary>A followed web source and how its last check went.</summary>
public sealed record Source(
    long Id,
    Uri Url,
    SourceKind Kind,
    string? LinkPattern,
    string? Selector,
    DateTimeOffset AddedAt,
    FetchValidators Validators,
    DateTimeOffset? LastCheckedAt,
    string? LastStatus,
    string? LastReason);

/// <summary>Result of <see cref="SourceStore.Add"/>: the new source, or why it was not added.</summary>
public sealed record SourceAddResult(Source? Source, string? Error);

/// <summary>What the latest fetch of an article address did.</summary>
public enum ItemStatus
{
    /// <summary>First fetched and stored as a new document.</summary>
    New,

    /// <summary>Fetched again with different content, stored as a new document (a new version).</summary>
    Updated,

    /// <summary>304, the same bytes, or a text already stored from this address: nothing stored.</summary>
    Unchanged,

    /// <summary>Its text was already stored from another address; this address was recorded against it.</summary>
    Duplicate,

    /// <summary>Not fetched on purpose (robots.txt, over the size cap).</summary>
    Refused,

    /// <summary>Fetching, reading or storing failed; retried next run.</summary>
    Failed,
}

/// <summary>The latest fetch of one article address.</summary>
public sealed record FetchedItem
{
    public required long SourceId { get; init; }

    public required string Url { get; init; }

    public string? FinalUrl { get; init; }

    public string? Title { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Lower-case hex SHA-256 of the body as received (decompressed).</summary>
    public string? ContentHash { get; init; }

    public DateTimeOffset FirstSeenAt { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public required ItemStatus Status { get; init; }

    public string? Reason { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>The stored document holding this address's current text.</summary>
    public long? DocumentId { get; init; }

    public FetchValidators Validators => new(ETag, LastModified);
}

/// <summary>
/// Sources and fetch state in the atlas database (tables of migration 0007_sources on SQLite,
/// 0006_sources on PostgreSQL), beside the documents they produce; the same SQL on either store.
/// Every call is its own short transaction; thread-safe.
/// </summary>
public sealed class SourceStore(IAtlasStore store, TimeProvider clock)
{
    private const string SourceColumns = "id, url, kind, link_pattern, selector, added_at, etag, last_modified, last_checked_at, last_status, last_reason";

    private const string ItemColumns = "source_id, url, final_url, title, etag, last_modified, content_hash, first_seen_at, fetched_at, status, reason, http_status, document_id";

    public SourceAddResult Add(Uri url, SourceKind kind, string? linkPattern, string? selector)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (kind == SourceKind.Listing && string.IsNullOrWhiteSpace(linkPattern))
        {
            return new SourceAddResult(null, $"{url}: a listing page needs --link-pattern, a regular expression its article links match");
        }

        return store.Write((_, transaction) =>
        {
            if (Find(transaction, "url = @value", url.AbsoluteUri) is { } existing)
            {
                return new SourceAddResult(null, $"{url} is already followed as source #{existing.Id}");
            }

            using var command = transaction.Command(
                $"""
                INSERT INTO sources (url, kind, link_pattern, selector, added_at) VALUES (@url, @kind, @pattern, @selector, @now)
                RETURNING {SourceColumns}
                """,
                ("@url", url.AbsoluteUri),
                ("@kind", kind == SourceKind.Feed ? "feed" : "listing"),
                ("@pattern", string.IsNullOrWhiteSpace(linkPattern) ? null : linkPattern),
                ("@selector", string.IsNullOrWhiteSpace(selector) ? null : selector),
                ("@now", store.Dialect.Timestamp(clock.GetUtcNow())));
            using var reader = command.ExecuteReader();
            reader.Read();
            return new SourceAddResult(ReadSource(reader), null);
        });
    }

    public IReadOnlyList<Source> List() => store.Read((_, transaction) =>
    {
        using var command = transaction.Command($"SELECT {SourceColumns} FROM sources ORDER BY id");
        using var reader = command.ExecuteReader();
        var sources = new List<Source>();
        while (reader.Read())
        {
            sources.Add(ReadSource(reader));
        }

        return sources;
    });

    public Source? Get(long id) => store.Read((_, transaction) => Find(transaction, "id = @value", id));

    /// <summary>Stops following a source and forgets its fetch state; documents already stored stay.</summary>
    public bool Remove(long id) => Execute("DELETE FROM sources WHERE id = @id", ("@id", id)) == 1;

    /// <summary>Records how checking a source went; its validators only when the check succeeded.</summary>
    public void RecordCheck(long id, string status, string? reason, FetchValidators? validators)
    {
        var now = store.Dialect.Timestamp(clock.GetUtcNow());
        if (validators is null)
        {
            Execute(
                "UPDATE sources SET last_checked_at = @now, last_status = @status, last_reason = @reason WHERE id = @id",
                ("@id", id), ("@now", now), ("@status", status), ("@reason", reason));
            return;
        }

        Execute(
            "UPDATE sources SET last_checked_at = @now, last_status = @status, last_reason = @reason, etag = @etag, last_modified = @lastModified WHERE id = @id",
            ("@id", id), ("@now", now), ("@status", status), ("@reason", reason), ("@etag", validators.ETag), ("@lastModified", validators.LastModified));
    }

    public FetchedItem? GetItem(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Items("WHERE url = @value", ("@value", url)).FirstOrDefault();
    }

    /// <summary>A source's items whose latest fetch ended with <paramref name="status"/>, oldest fetch first.</summary>
    public IReadOnlyList<FetchedItem> ItemsOf(long sourceId, ItemStatus status) =>
        Items("WHERE source_id = @value AND status = @status ORDER BY fetched_at", ("@value", sourceId), ("@status", StatusName(status)));

    /// <summary>Every item of a source, or of all sources when null, in address order.</summary>
    public IReadOnlyList<FetchedItem> AllItems(long? sourceId = null) =>
        sourceId is { } id ? Items("WHERE source_id = @value ORDER BY url", ("@value", id)) : Items("ORDER BY url");

    /// <summary>Stores the latest fetch of an address, keeping when it was first seen.</summary>
    public void Record(FetchedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Execute(
            $"""
            INSERT INTO fetched_items ({ItemColumns})
            VALUES (@source, @url, @final, @title, @etag, @lastModified, @hash, @fetchedAt, @fetchedAt, @status, @reason, @http, @document)
            ON CONFLICT (url) DO UPDATE SET
                source_id = excluded.source_id, final_url = excluded.final_url, title = coalesce(excluded.title, fetched_items.title),
                etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash,
                fetched_at = excluded.fetched_at, status = excluded.status, reason = excluded.reason,
                http_status = excluded.http_status, document_id = excluded.document_id
            """,
            ("@source", item.SourceId),
            ("@url", item.Url),
            ("@final", item.FinalUrl),
            ("@title", item.Title),
            ("@etag", item.ETag),
            ("@lastModified", item.LastModified),
            ("@hash", item.ContentHash),
            ("@fetchedAt", store.Dialect.Timestamp(item.FetchedAt)),
            ("@status", StatusName(item.Status)),
            ("@reason", item.Reason),
            ("@http", item.HttpStatus),
            ("@document", item.DocumentId));
    }

    internal static string StatusName(ItemStatus status) => status.ToString().ToLowerInvariant();

    private List<FetchedItem> Items(string whereAndOrder, params (string Name, object? Value)[] parameters) => store.Read((_, transaction) =>
    {
        using var command = transaction.Command($"SELECT {ItemColumns} FROM fetched_items {whereAndOrder}", parameters);
        using var reader = command.ExecuteReader();
        var items = new List<FetchedItem>();
        while (reader.Read())
        {
            items.Add(new FetchedItem
            {
                SourceId = reader.GetInt64(0),
                Url = reader.GetString(1),
                FinalUrl = reader.GetNullableString(2),
                Title = reader.GetNullableString(3),
                ETag = reader.GetNullableString(4),
                LastModified = reader.GetNullableString(5),
                ContentHash = reader.GetNullableString(6),
                FirstSeenAt = StoreDialect.ReadTimestamp(reader, 7),
                FetchedAt = StoreDialect.ReadTimestamp(reader, 8),
                Status = Enum.Parse<ItemStatus>(reader.GetString(9), ignoreCase: true),
                Reason = reader.GetNullableString(10),
                HttpStatus = reader.IsDBNull(11) ? null : reader.GetInt32(11),
                DocumentId = reader.GetNullableInt64(12),
            });
        }

        return items;
    });

    private static Source? Find(DbTransaction transaction, string where, object value)
    {
        using var command = transaction.Command($"SELECT {SourceColumns} FROM sources WHERE {where}", ("@value", value));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadSource(reader) : null;
    }

    private static Source ReadSource(DbDataReader reader) => new(
        reader.GetInt64(0),
        new Uri(reader.GetString(1)),
        reader.GetString(2) == "feed" ? SourceKind.Feed : SourceKind.Listing,
        reader.GetNullableString(3),
        reader.GetNullableString(4),
        StoreDialect.ReadTimestamp(reader, 5),
        new FetchValidators(reader.GetNullableString(6), reader.GetNullableString(7)),
        reader.IsDBNull(8) ? null : StoreDialect.ReadTimestamp(reader, 8),
        reader.GetNullableString(9),
        reader.GetNullableString(10));

    private int Execute(string sql, params (string Name, object? Value)[] parameters) => store.Write((_, transaction) =>
    {
        using var command = transaction.Command(sql, parameters);
        return command.ExecuteNonQuery();
    });
}
