using System.Data;
using System.Data.Common;
using Npgsql;
using SoftPowerAtlas.Analysis;

namespace SoftPowerAtlas.Storage.Postgres;

/// <summary>
/// The shared-server store: the same contract and schema concepts as the SQLite store, on a
/// PostgreSQL database. Ingest batches store a list in a few round trips and serialise only their
/// duplicate check on an advisory lock (<see cref="Ingest.PostgresIngestBatch"/>), so two workers
/// cannot both store one text; readers read a snapshot and never wait.
/// Thread-safe; connections come from one pooled <see cref="NpgsqlDataSource"/>.
/// </summary>
public sealed class PostgresAtlasStore : AtlasStore
{
    /// <summary>Key of the advisory lock an ingest batch holds until it commits or rolls back.</summary>
    internal const long IngestLock = 0x534F46_5441_494E; // "SOFTAIN"

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly PostgresDialect _dialect;

    private PostgresAtlasStore(NpgsqlDataSource dataSource, string location, TextServices text, TimeProvider clock)
        : base(text)
    {
        _dataSource = dataSource;
        Location = location;
        _clock = clock;
        _dialect = new PostgresDialect(location);
        JobQueue = new Jobs.IngestJobQueue(this);
    }

    /// <summary>The database as messages name it: <c>postgres://user@host:port/database</c>, without the password.</summary>
    public string Location { get; }

    /// <summary>
    /// Connects to the database <paramref name="address"/> names (a <c>postgres://</c> URL or an
    /// Npgsql connection string) and applies any pending migrations.
    /// </summary>
    /// <exception cref="StoreException">The address is malformed, the server cannot be reached or refuses, or the schema is newer or foreign.</exception>
    public static PostgresAtlasStore Open(string address, TextServices text, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentNullException.ThrowIfNull(text);
        var builder = PostgresAddress.Parse(address);
        var location = PostgresAddress.Describe(builder);
        var store = new PostgresAtlasStore(NpgsqlDataSource.Create(builder), location, text, clock ?? TimeProvider.System);
        try
        {
            using var connection = store._dataSource.OpenConnection();
            PostgresMigrator.Migrate(connection, location, store._clock);
            using (var transaction = connection.BeginTransaction())
            {
                Curation.FactKeys.Backfill(new Curation.CurationSql(transaction, store._dialect));
                transaction.Commit();
            }

            Search.Postgres.PostgresSearchTitles.Backfill(connection, store.SearchText);
            return store;
        }
        catch (DbException e)
        {
            store.Dispose();
            throw store._dialect.ToStoreException(e);
        }
        catch (StoreException)
        {
            store.Dispose();
            throw;
        }
    }

    public override IIngestBatch BeginBatch() => BeginIngestBatch();

    /// <summary>The queue <c>atlas queue</c> fills and <c>atlas worker</c>s drain, in this database.</summary>
    public override Jobs.IngestJobQueue JobQueue { get; }

    /// <summary>The pooled connections, for the ingest job queue beside the store.</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    internal TimeProvider Clock => _clock;

    internal override StoreDialect Dialect => _dialect;

    internal override Search.ISearchIndex OpenSearchIndex(bool longLived) => new Search.Postgres.PostgresSearchIndex(this);

    internal override bool IsServer => true;

    internal override DbConnection OpenDbConnection() => Run(() => _dataSource.OpenConnection());

    /// <summary>A snapshot (REPEATABLE READ, read only): every query of <paramref name="query"/> sees the same data.</summary>
    internal override T ReadSnapshot<T>(Func<DbConnection, DbTransaction, T> query) => Run(() =>
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        return query(connection, transaction);
    });

    internal override T WriteLocked<T>(Func<DbConnection, DbTransaction, T> write, Func<T, bool>? commit = null) => Run(() =>
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            // As SQLite's write lock: a write waits for a running ingest batch and the batch for it.
            command.Parameters.AddWithValue("key", IngestLock);
            command.ExecuteNonQuery();
        }

        var result = write(connection, transaction);
        if (commit?.Invoke(result) ?? true)
        {
            transaction.Commit();
        }

        return result;
    });

    /// <summary>A batch whose transaction other work (marking jobs done) can join; it takes its locks when it writes.</summary>
    internal Ingest.PostgresIngestBatch BeginIngestBatch() => Run(() =>
    {
        var connection = _dataSource.OpenConnection();
        try
        {
            return new Ingest.PostgresIngestBatch(connection, _dialect, SearchText, _clock);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    });

    /// <summary>Closes the pooled connections.</summary>
    public override void Dispose() => _dataSource.Dispose();

    private T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException e)
        {
            throw _dialect.ToStoreException(e);
        }
    }
}
