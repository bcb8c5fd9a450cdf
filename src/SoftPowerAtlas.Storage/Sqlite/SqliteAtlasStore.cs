using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;

namespace SoftPowerAtlas.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the ingest writer), with
/// the schema migrated on <see cref="Open(string, TextServices, TimeProvider?)"/>. Thread-safe; every call and batch takes a pooled
/// connection of its own.
/// </summary>
public sealed class SqliteAtlasStore : AtlasStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly SqliteDialect _dialect;

    private SqliteAtlasStore(string path, string connectionString, TextServices text, TimeProvider clock)
        : base(text)
    {
        Path = path;
        _connectionString = connectionString;
        _clock = clock;
        _dialect = new SqliteDialect(path);
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the database at <paramref name="path"/>, creating the file and its folder when missing
    /// and applying any pending migrations.
    /// </summary>
    /// <exception cref="StoreException">
    /// The file is not a SQLite database, cannot be written, is damaged, or has a newer schema.
    /// </exception>
    public static SqliteAtlasStore Open(string path, TextServices text, TimeProvider? clock = null) => Open(path, text, clock, targetVersion: null);

    /// <summary>Opens with the schema migrated only up to <paramref name="targetVersion"/> (upgrade tests).</summary>
    internal static SqliteAtlasStore Open(string path, TextServices text, TimeProvider? clock, int? targetVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(text);
        clock ??= TimeProvider.System;
        var fullPath = System.IO.Path.GetFullPath(path);
        if (targetVersion is null && File.Exists(fullPath) && !Writable(fullPath))
        {
            return OpenReadOnly(fullPath, text, clock);
        }

        try
        {
            var folder = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(fullPath, $"cannot create the database folder ({e.Message})", e);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        var store = new SqliteAtlasStore(fullPath, connectionString, text, clock);
        return Opened(store, fullPath, connection => store.Initialize(connection, targetVersion));
    }

    /// <summary>
    /// Opens a database this process may not write (a read-only file or folder, a copy on a CD) for
    /// reading: every reader works, every write fails with "the database cannot be written". It must
    /// already have the latest schema, as nothing can be migrated; SQLite treats it as immutable, so
    /// it must not be written by anyone else meanwhile.
    /// </summary>
    internal static SqliteAtlasStore OpenReadOnly(string fullPath, TextServices text, TimeProvider clock)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = new Uri(fullPath).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
        }.ToString();
        var store = new SqliteAtlasStore(fullPath, connectionString, text, clock) { IsReadOnly = true };
        return Opened(store, fullPath, connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version";
            var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (version != SqliteMigrator.LatestVersion)
            {
                throw new StoreException(fullPath, string.Create(CultureInfo.InvariantCulture,
                    $"the database is read-only and has schema version {version}, not {SqliteMigrator.LatestVersion}: make it writable once so it can be migrated"), null);
            }
        });
    }

    /// <summary>The store once <paramref name="check"/> has run on its first connection; disposed, and the error named with the path, when it fails.</summary>
    private static SqliteAtlasStore Opened(SqliteAtlasStore store, string fullPath, Action<SqliteConnection> check)
    {
        try
        {
            using var connection = store.Connect();
            check(connection);
            return store;
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw e.ToStoreException(fullPath);
        }
        catch (StoreException)
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Whether this process may write the file and create the write-ahead log beside it.</summary>
    private static bool Writable(string fullPath)
    {
        try
        {
            using (new FileStream(fullPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
            }

            var probe = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(fullPath)!, $".atlas-write-probe-{Guid.NewGuid():N}"); // a full path always has a folder
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException e) when (e.HResult == 30 || e.Message.Contains("Read-only file system", StringComparison.Ordinal))
        {
            return false;
        }
        catch (IOException)
        {
            // Locked or otherwise busy: let the normal open report what is wrong.
            return true;
        }
    }

    public override IIngestBatch BeginBatch()
    {
        if (IsReadOnly)
        {
            throw new StoreException(Path, "the database cannot be written: the file or its folder is read-only (it is open for reading only)", null);
        }

        var connection = Run(Connect);
        try
        {
            // IMMEDIATE takes the file's write lock now, before the batch's first duplicate lookup.
            return new IngestBatch(connection.BeginTransaction(deferred: false), _dialect, SearchText, _clock);
        }
        catch (SqliteException e)
        {
            // Typically another process held the write lock longer than the busy timeout.
            connection.Dispose();
            throw e.ToStoreException(Path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal override StoreDialect Dialect => _dialect;

    internal override ISearchIndex OpenSearchIndex(bool longLived) => new SqliteSearchIndex(this, holdTerms: longLived);

    /// <summary>
    /// Runs <paramref name="query"/> on a connection of its own inside one read transaction, so
    /// everything it reads comes from one snapshot; SQLite failures become <see cref="StoreException"/>.
    /// </summary>
    internal override T ReadSnapshot<T>(Func<DbConnection, DbTransaction, T> query) => Run(() =>
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: true);
        return query(connection, transaction);
    });

    /// <summary>Runs <paramref name="write"/> in one write transaction and commits it, or rolls it back on failure.</summary>
    internal override T WriteLocked<T>(Func<DbConnection, DbTransaction, T> write, Func<T, bool>? commit = null) => Run(() =>
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = write(connection, transaction);
        if (commit?.Invoke(result) ?? true)
        {
            transaction.Commit();
        }

        return result;
    });

    /// <summary>Closes the pooled connections so the file can be moved or deleted.</summary>
    public override void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private void Initialize(SqliteConnection connection, int? targetVersion)
    {
        using (var command = connection.CreateCommand())
        {
            // Persistent in the file: readers keep reading while ingest writes.
            command.CommandText = "PRAGMA journal_mode = WAL";
            var mode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StoreException(Path, $"the database cannot use write-ahead logging (journal mode stays '{mode}'); is the folder read-only or on a network share?", null);
            }
        }

        SqliteMigrator.Migrate(connection, Path, _clock, targetVersion);
        SqliteSearchTitles.Backfill(connection, SearchText);
        if (targetVersion is null)
        {
            // Deferred: a store with every fact named (the usual case) only reads here, so opening
            // never waits for an ingest holding the write lock.
            using var transaction = connection.BeginTransaction(deferred: true);
            Curation.FactKeys.Backfill(new Curation.CurationSql(transaction, new SqliteDialect(Path)));
            transaction.Commit();
        }

        // Fail now, with the path, rather than at the first ingest: SQLite quietly opens a file it may
        // not write read-only, and an up-to-date schema needs no write to migrate.
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            throw new StoreException(Path, "the database cannot be written: the file or its folder is read-only", null);
        }
    }

    /// <summary>A pooled connection with the store's pragmas, for features sharing the file (search, collection state).</summary>
    internal SqliteConnection OpenConnection() => Run(Connect);

    internal override DbConnection OpenDbConnection() => OpenConnection();

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();

            // Per connection. NORMAL in WAL mode stays consistent after a crash and loses at most the
            // last commits on power loss; FULL would fsync every commit of a long ingest. A writer waits
            // up to 10 s for another process's write lock before failing.
            command.CommandText = """
                PRAGMA foreign_keys = ON;
                PRAGMA synchronous = NORMAL;
                PRAGMA busy_timeout = 10000;
                """;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw e.ToStoreException(Path);
        }
    }
}
