using System.Data.Common;
using SoftPowerAtlas.Analysis;

namespace SoftPowerAtlas.Storage;

/// <summary>
/// What both engines' stores do the same way, written once: reading documents and counts through
/// <see cref="IAtlasStore.Read{T}"/> with the SQL of <see cref="DocumentReader"/>. An engine supplies
/// its transactions (<see cref="ReadSnapshot{T}"/>, <see cref="IAtlasStore.Write{T}"/>), its batches
/// and its <see cref="StoreDialect"/>.
/// </summary>
public abstract class AtlasStore : IAtlasStore
{
    private protected AtlasStore(TextServices text) => SearchText = new Search.SearchText(text);

    public abstract IIngestBatch BeginBatch();

    /// <summary>Whether this process may only read the store (a read-only SQLite file): readers work, writes are refused.</summary>
    public bool IsReadOnly { get; private protected init; }

    /// <summary>The ingest job queue this store keeps for workers, or null where its engine keeps none.</summary>
    public virtual Postgres.Jobs.IngestJobQueue? JobQueue => null;

    public StoredDocument? GetDocument(long id) => ReadDocuments(DocumentReader.SelectById, ("@id", id)).FirstOrDefault();

    /// <summary>The document most recently ingested from <paramref name="source"/> (a path or URL), if any.</summary>
    public StoredDocument? FindBySource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReadDocuments(DocumentReader.SelectBySource, ("@source", source)).FirstOrDefault();
    }

    /// <summary>Documents in ingest order (by id).</summary>
    public IReadOnlyList<StoredDocument> ListDocuments(int limit, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return ReadDocuments(DocumentReader.SelectPage, ("@limit", limit), ("@offset", offset));
    }

    public StoreStats GetStats() => ReadSnapshot((connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = DocumentReader.SelectStats;
        long documents, near, extra;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            (documents, near, extra) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        return new StoreStats(documents, near, extra, Dialect.SchemaVersion(connection, transaction));
    });

    public abstract void Dispose();

    internal abstract StoreDialect Dialect { get; }

    /// <summary>How this store segments titles and query terms: with the words of the text services it was opened with.</summary>
    internal Search.SearchText SearchText { get; }

    StoreDialect IAtlasStore.Dialect => Dialect;

    /// <summary>This engine's search index (<see cref="IAtlasStore.OpenSearchIndex"/>).</summary>
    internal abstract Search.ISearchIndex OpenSearchIndex(bool longLived);

    Search.ISearchIndex IAtlasStore.OpenSearchIndex(bool longLived) => OpenSearchIndex(longLived);

    /// <summary>The server engine, where sign-in is always required (a SQLite file may be a laptop's single user).</summary>
    internal virtual bool IsServer => false;

    /// <summary>A new open connection of this store's own, for the stores that manage their transactions (users, sessions).</summary>
    internal abstract DbConnection OpenDbConnection();

    /// <summary>Runs <paramref name="query"/> inside one read transaction (one snapshot); engine failures become <see cref="StoreException"/>.</summary>
    internal abstract T ReadSnapshot<T>(Func<DbConnection, DbTransaction, T> query);

    /// <summary>Runs <paramref name="write"/> in one write transaction holding the ingest lock; commits unless <paramref name="commit"/> says no.</summary>
    internal abstract T WriteLocked<T>(Func<DbConnection, DbTransaction, T> write, Func<T, bool>? commit = null);

    T IAtlasStore.Read<T>(Func<DbConnection, DbTransaction, T> query) => ReadSnapshot(query);

    T IAtlasStore.Write<T>(Func<DbConnection, DbTransaction, T> write, Func<T, bool>? commit) => WriteLocked(write, commit);

    private IReadOnlyList<StoredDocument> ReadDocuments(string sql, params (string Name, object Value)[] parameters) =>
        ReadSnapshot((_, transaction) => DocumentReader.ReadMany(transaction, sql, parameters));
}
