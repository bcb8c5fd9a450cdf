using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage;

/// <summary>Opens the store the global <c>--db</c> option names: a PostgreSQL server address, else a SQLite file.</summary>
public static class AtlasStores
{
    /// <summary>
    /// A <c>postgres://</c> URL or an Npgsql connection string opens <see cref="PostgresAtlasStore"/>;
    /// anything else is a path to a SQLite file (<see cref="SqliteAtlasStore"/>, the default).
    /// </summary>
    /// <exception cref="StoreException">The database cannot be opened; the message names it and says why.</exception>
    public static IAtlasStore Open(string db, TimeProvider? clock = null) =>
        PostgresAddress.IsPostgres(db) ? PostgresAtlasStore.Open(db, clock) : SqliteAtlasStore.Open(db, clock);

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
}
