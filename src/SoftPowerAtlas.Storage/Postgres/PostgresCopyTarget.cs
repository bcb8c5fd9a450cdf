using System.Data;
using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage.Copying;

namespace SoftPowerAtlas.Storage.Postgres;

/// <summary>
/// A PostgreSQL store as <see cref="StoreCopier"/> writes or compares it: one connection and one
/// transaction, which commits the copy only when asked (<see cref="Commit"/>), else rolls it back.
/// </summary>
internal sealed class PostgresCopyTarget : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly PostgresDialect _dialect;

    private PostgresCopyTarget(string location, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        (Location, _connection, _transaction) = (location, connection, transaction);
        _dialect = new PostgresDialect(location);
    }

    /// <summary>The database as messages name it, without its password.</summary>
    public string Location { get; }

    /// <summary>The open connection, for what reads either engine the same way (checksums).</summary>
    public DbConnection Connection => _connection;

    /// <summary>
    /// Connects to <paramref name="address"/>. To write, with <paramref name="migrateWith"/>, first opens it as a store
    /// with those text services (which brings it to this build's schema) and holds a transaction that commits the
    /// copy; else reads one snapshot.
    /// </summary>
    /// <exception cref="StoreException">The address is malformed, or the server cannot be reached, refuses or cannot be migrated.</exception>
    public static PostgresCopyTarget Open(string address, TextServices? migrateWith)
    {
        var builder = PostgresAddress.Parse(address);
        var location = PostgresAddress.Describe(builder);
        var write = migrateWith is not null;
        if (migrateWith is { } text)
        {
            PostgresAtlasStore.Open(address, text).Dispose();
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            var transaction = write ? connection.BeginTransaction() : connection.BeginTransaction(IsolationLevel.RepeatableRead);
            return new PostgresCopyTarget(location, connection, transaction);
        }
        catch (DbException e)
        {
            connection.Dispose();
            throw new PostgresDialect(location).ToStoreException(e);
        }
    }

    /// <summary>Refuses a database that already holds rows in any of <paramref name="tables"/>.</summary>
    /// <exception cref="StoreException">A table holds rows.</exception>
    public void RequireEmpty(IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", _connection, _transaction);
            var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (rows > 0)
            {
                throw new StoreException(Location, $"the database already holds {rows} rows in {table}; copy into an empty database (createdb a new one)", null);
            }
        }
    }

    /// <summary>The table's columns with their PostgreSQL types.</summary>
    public IReadOnlyDictionary<string, string> Columns(string table)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            _connection);
        command.Parameters.AddWithValue("table", table);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            columns[reader.GetString(0)] = reader.GetString(1);
        }

        return columns;
    }

    /// <summary>
    /// Writes every row of <paramref name="rows"/> (columns in the order of <paramref name="columns"/>) into
    /// <paramref name="table"/> in one binary COPY, each value as its column's type; returns the rows written.
    /// </summary>
    public long Import(
        string table,
        string columnList,
        IReadOnlyList<(string Name, string Type)> columns,
        DbDataReader rows,
        Action<long> progress,
        CancellationToken cancel)
    {
        using var importer = _connection.BeginBinaryImport($"COPY {table} ({columnList}) FROM STDIN (FORMAT BINARY)");
        long written = 0;
        while (rows.Read())
        {
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (rows.IsDBNull(i))
                {
                    importer.WriteNull();
                    continue;
                }

                switch (columns[i].Type)
                {
                    case "bigint": importer.Write(rows.GetInt64(i), NpgsqlDbType.Bigint); break;
                    case "integer": importer.Write(checked((int)rows.GetInt64(i)), NpgsqlDbType.Integer); break;
                    case "smallint": importer.Write(checked((short)rows.GetInt64(i)), NpgsqlDbType.Smallint); break;
                    case "boolean": importer.Write(rows.GetInt64(i) != 0, NpgsqlDbType.Boolean); break;
                    case "double precision": importer.Write(rows.GetDouble(i), NpgsqlDbType.Double); break;
                    case "bytea": importer.Write((byte[])rows.GetValue(i), NpgsqlDbType.Bytea); break;
                    case "timestamp with time zone":
                        importer.Write(StoreDialect.ReadTimestamp(rows, i).UtcDateTime, NpgsqlDbType.TimestampTz);
                        break;
                    default: importer.Write(rows.GetString(i), NpgsqlDbType.Text); break;
                }
            }

            if (++written % 5000 == 0)
            {
                cancel.ThrowIfCancellationRequested();
                progress(written);
            }
        }

        importer.Complete();
        return written;
    }

    /// <summary>Sets the table's id sequence past the largest id copied, so the next insert takes a new one.</summary>
    public void ResetIdentity(string table)
    {
        using var command = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}", _connection);
        command.ExecuteNonQuery();
    }

    public void Commit() => _transaction.Commit();

    /// <summary>A failure of this side, in words naming the database.</summary>
    public StoreException Explain(DbException exception) => _dialect.ToStoreException(exception);

    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }
}
