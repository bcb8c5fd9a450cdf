using System.Data.Common;

namespace SoftPowerAtlas.Storage;

/// <summary>
/// The record of ingested documents. A SQLite file (<c>Sqlite/</c>) is the embedded default; a
/// PostgreSQL store for shared servers (<c>Postgres/</c>) implements the same contract and passes the
/// same test suite; <see cref="AtlasStores.Open"/> picks one. Implementations are safe to use from several threads: each call and each batch takes
/// its own connection.
/// </summary>
public interface IAtlasStore : IDisposable
{
    /// <summary>
    /// Starts a unit of work holding one write transaction: duplicate lookups inside it see the
    /// documents added earlier in the same batch. Nothing is visible to others until
    /// <see cref="IIngestBatch.Commit"/>; disposing an uncommitted batch rolls it back.
    /// </summary>
    IIngestBatch BeginBatch();

    /// <summary>Whether this process may only read the store (a read-only SQLite file): readers work, writes are refused.</summary>
    bool IsReadOnly => false;

    /// <summary>
    /// The ingest job queue this store keeps for <c>atlas worker</c>s on several machines, or null where its
    /// engine keeps none (a SQLite file: <c>atlas ingest</c> is its one writer).
    /// </summary>
    Postgres.Jobs.IngestJobQueue? JobQueue => null;

    StoredDocument? GetDocument(long id);

    /// <summary>The document most recently ingested from <paramref name="source"/> (a path or URL), if any.</summary>
    StoredDocument? FindBySource(string source);

    /// <summary>Documents in ingest order (by id).</summary>
    IReadOnlyList<StoredDocument> ListDocuments(int limit, int offset);

    StoreStats GetStats();

    /// <summary>How this engine's SQL differs from the SQL both engines share.</summary>
    internal StoreDialect Dialect { get; }

    /// <summary>
    /// A new search index over this store in the engine's own kind (FTS5, <c>tsvector</c>);
    /// <paramref name="longLived"/> for a process that keeps searching, which may hold more in memory.
    /// </summary>
    internal Search.ISearchIndex OpenSearchIndex(bool longLived);

    /// <summary>
    /// Runs <paramref name="query"/> on a connection of its own inside one read transaction (one
    /// snapshot); engine failures become <see cref="StoreException"/>. The readers of facts, timelines,
    /// reports, exports and web pages share this entry, so they run on either engine.
    /// </summary>
    internal T Read<T>(Func<DbConnection, DbTransaction, T> query);

    /// <summary>
    /// Runs <paramref name="write"/> in one write transaction, holding the lock ingest holds (so writes and
    /// ingest batches never interleave), and commits it unless <paramref name="commit"/> says no for its
    /// result; rolls it back on failure.
    /// </summary>
    internal T Write<T>(Func<DbConnection, DbTransaction, T> write, Func<T, bool>? commit = null);
}

/// <summary>
/// One write transaction of ingest. Not thread-safe: one batch belongs to one worker.
/// </summary>
public interface IIngestBatch : IDisposable
{
    /// <summary>The document whose text has exactly this content hash, if stored.</summary>
    DocumentMatch? FindExact(string contentHash);

    /// <summary>
    /// The stored document whose SimHash is nearest to <paramref name="simHash"/>, if it is within
    /// <see cref="Analysis.Duplicates.Fingerprint.NearDuplicateMaxDistance"/> bits (lowest id on a tie).
    /// </summary>
    DocumentMatch? FindNear(ulong simHash);

    /// <summary>Stores a new document and its source; returns its id.</summary>
    /// <exception cref="StoreException">A document with the same content hash is already stored.</exception>
    long Add(NewDocument document);

    /// <summary>
    /// Records that the text of document <paramref name="documentId"/> was also met at
    /// <paramref name="source"/>; false when that source was already recorded for it.
    /// </summary>
    bool AddSource(long documentId, string source);

    /// <summary>Makes the batch's changes durable and visible. The batch cannot be used afterwards.</summary>
    void Commit();
}
