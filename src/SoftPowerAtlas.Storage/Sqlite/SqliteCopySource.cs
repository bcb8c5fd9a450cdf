using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;

namespace SoftPowerAtlas.Storage.Sqlite;

/// <summary>
/// A SQLite store as <see cref="Copying.StoreCopier"/> reads it: the file opened read only, every
/// table read in one snapshot (a deferred transaction, begun at the first read).
/// </summary>
internal sealed class SqliteCopySource : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;

    private SqliteCopySource(string location, SqliteConnection connection, SqliteTransaction snapshot) =>
        (Location, _connection, _snapshot) = (location, connection, snapshot);

    /// <summary>The file's full path, as messages name it.</summary>
    public string Location { get; }

    /// <summary>The open connection, for what reads either engine the same way (checksums).</summary>
    public DbConnection Connection => _connection;

    /// <summary>
    /// Opens the file at <paramref name="path"/> (a full path) read only; with <paramref name="migrateWith"/>,
    /// first opens it as a store with those text services, which brings it to this build's schema.
    /// </summary>
    /// <exception cref="StoreException">The file is not a store, or cannot be opened or migrated.</exception>
    public static SqliteCopySource Open(string path, TextServices? migrateWith)
    {
        if (migrateWith is not null)
        {
            SqliteAtlasStore.Open(path, migrateWith).Dispose();
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            return new SqliteCopySource(path, connection, connection.BeginTransaction(deferred: true));
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw e.ToStoreException(path);
        }
    }

    /// <summary>The table's column names, in their order.</summary>
    public IReadOnlyList<string> Columns(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    public long Count(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Hands <paramref name="read"/> every row of <paramref name="table"/>, with the columns of <paramref name="columnList"/> (SQL, quoted).</summary>
    public T ReadRows<T>(string table, string columnList, Func<DbDataReader, T> read)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {columnList} FROM {table}";
        using var reader = command.ExecuteReader();
        return read(reader);
    }

    /// <summary>A failure of this side, in words naming the file; null when <paramref name="exception"/> is not SQLite's.</summary>
    public StoreException? Explain(DbException exception) => exception is SqliteException sqlite ? sqlite.ToStoreException(Location) : null;

    public void Dispose()
    {
        _snapshot.Dispose();
        _connection.Dispose();
    }
}
