using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage;

/// <summary>
/// The one place that knows both engines: opens the store the global <c>--db</c> option names (a
/// PostgreSQL server address, else a SQLite file) and answers what can be known of it before opening.
/// </summary>
public static class AtlasStores
{
    /// <summary>
    /// A <c>postgres://</c> URL or an Npgsql connection string opens <see cref="PostgresAtlasStore"/>;
    /// anything else is a path to a SQLite file (<see cref="SqliteAtlasStore"/>, the default). The store
    /// segments titles and search terms with the words of the host's <paramref name="text"/> services.
    /// </summary>
    /// <exception cref="StoreException">The database cannot be opened; the message names it and says why.</exception>
    public static IAtlasStore Open(string db, TextServices text, TimeProvider? clock = null) =>
        PostgresAddress.IsPostgres(db) ? PostgresAtlasStore.Open(db, text, clock) : SqliteAtlasStore.Open(db, text, clock);

    /// <summary>How messages name the database: the full file path, or the server address without its password.</summary>
    public static string Describe(string db)
    {
        if (!PostgresAddress.IsPostgres(db))
        {
            return Path.GetFullPath(db);
        }

        try
        {
            return PostgresAddress.Describe(PostgresAddress.Parse(db));
        }
        catch (StoreException e)
        {
            return e.Location;
        }
    }

    /// <summary>
    /// Whether <paramref name="db"/> may hold a store: a SQLite file that exists, or any server address
    /// (whether the server has the database, opening it says). Opening a missing file would create it.
    /// </summary>
    public static bool Exists(string db) => PostgresAddress.IsPostgres(db) || File.Exists(db);

    /// <summary>The folder a SQLite file at <paramref name="db"/> would be created in; null for a server address.</summary>
    public static string? FileFolder(string db) => PostgresAddress.IsPostgres(db) ? null : Path.GetDirectoryName(Path.GetFullPath(db));

    /// <summary><paramref name="db"/> as another working folder opens the same store: a file path made full, a server address as it is.</summary>
    public static string FullAddress(string db) => PostgresAddress.IsPostgres(db) ? db : Path.GetFullPath(db);

    /// <summary>
    /// Whether the store <paramref name="db"/> names keeps an ingest job queue (<see cref="IAtlasStore.JobQueue"/>):
    /// a PostgreSQL server does, a SQLite file does not. Asked before opening, which would create a missing file.
    /// </summary>
    public static bool KeepsJobQueue(string db) => PostgresAddress.IsPostgres(db);
}
