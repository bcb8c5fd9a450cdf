using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Copying;

/// <summary>How far a copy has got: rows of <see cref="Table"/> written so far, out of its total.</summary>
public readonly record struct CopyProgress(string Table, long Rows, long TotalRows);

/// <summary>One table copied: rows and an order-independent checksum on each side.</summary>
public sealed record TableCopy(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && string.Equals(SourceChecksum, TargetChecksum, StringComparison.Ordinal);
}

/// <summary>What a copy did; it was committed only if every table matches.</summary>
public sealed record CopyReport(string Source, string Target, IReadOnlyList<TableCopy> Tables, TimeSpan Elapsed)
{
    public bool Verified => Tables.All(t => t.Matches);
}

/// <summary>
/// Copies a laptop's SQLite store into an empty PostgreSQL store (<c>atlas migrate</c>): every row
/// of every table with its ids, in one transaction on the server that commits only when each
/// table's row count and checksum match the source, so a failed or interrupted copy leaves the
/// server as it was.
/// </summary>
public static class StoreCopier
{
    /// <exception cref="StoreException">
    /// The source is missing or not an atlas store, the target cannot be reached, is not empty, or
    /// has different columns; or the copy did not verify (nothing was committed).
    /// </exception>
    public static CopyReport Copy(string sqlitePath, string postgresAddress, IProgress<CopyProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlitePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(postgresAddress);
        var started = TimeProvider.System.GetTimestamp();
        var sourcePath = Path.GetFullPath(sqlitePath);
        if (!File.Exists(sourcePath))
        {
            throw new StoreException(sourcePath, "no database file here; give the path of the SQLite store to copy", null);
        }

        // Opening brings each side to this build's schema, so both have the same tables and columns.
        SqliteAtlasStore.Open(sourcePath).Dispose();
        var target = PostgresAddress.Parse(postgresAddress);
        var targetName = PostgresAddress.Describe(target);
        PostgresAtlasStore.Open(postgresAddress).Dispose();

        using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sourcePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var postgres = new NpgsqlConnection(target.ConnectionString);
        try
        {
            sqlite.Open();
            postgres.Open();
            using var read = sqlite.BeginTransaction(deferred: true);
            using var write = postgres.BeginTransaction();
            RequireEmpty(postgres, write, targetName);

            var tables = new List<TableCopy>();
            foreach (var table in CopiedTables.All)
            {
                cancel.ThrowIfCancellationRequested();
                var columns = MatchColumns(sqlite, postgres, table.Name, sourcePath, targetName);
                var total = Count(sqlite, table.Name);
                CopyRows(sqlite, postgres, table.Name, columns, total, progress, cancel);
                if (table.HasIdentity)
                {
                    Execute(postgres, $"SELECT setval(pg_get_serial_sequence('{table.Name}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table.Name}");
                }

                tables.Add(Compare(sqlite, postgres, table.Name, columns));
            }

            var report = new CopyReport(sourcePath, targetName, tables, TimeProvider.System.GetElapsedTime(started));
            if (!report.Verified)
            {
                var bad = string.Join(", ", tables.Where(t => !t.Matches).Select(t => t.Table));
                throw new StoreException(targetName, $"the copy did not verify ({bad} differ from the source); nothing was committed", null);
            }

            write.Commit();
            return report;
        }
        catch (SqliteException e)
        {
            throw e.ToStoreException(sourcePath);
        }
        catch (DbException e)
        {
            throw new PostgresDialect(targetName).ToStoreException(e);
        }
    }

    /// <summary>
    /// Compares a SQLite store with a PostgreSQL one table by table (row counts and checksums)
    /// without changing either: to check an earlier copy, or that the server has not drifted.
    /// </summary>
    /// <exception cref="StoreException">Either side cannot be opened or their columns differ.</exception>
    public static CopyReport Verify(string sqlitePath, string postgresAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlitePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(postgresAddress);
        var started = TimeProvider.System.GetTimestamp();
        var sourcePath = Path.GetFullPath(sqlitePath);
        if (!File.Exists(sourcePath))
        {
            throw new StoreException(sourcePath, "no database file here; give the path of the SQLite store to compare", null);
        }

        var target = PostgresAddress.Parse(postgresAddress);
        var targetName = PostgresAddress.Describe(target);
        using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sourcePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var postgres = new NpgsqlConnection(target.ConnectionString);
        try
        {
            sqlite.Open();
            postgres.Open();
            using var read = sqlite.BeginTransaction(deferred: true);
            using var snapshot = postgres.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            var tables = CopiedTables.All.Select(t => Compare(sqlite, postgres, t.Name, MatchColumns(sqlite, postgres, t.Name, sourcePath, targetName))).ToList();
            return new CopyReport(sourcePath, targetName, tables, TimeProvider.System.GetElapsedTime(started));
        }
        catch (SqliteException e)
        {
            throw e.ToStoreException(sourcePath);
        }
        catch (DbException e)
        {
            throw new PostgresDialect(targetName).ToStoreException(e);
        }
    }

    private static TableCopy Compare(SqliteConnection sqlite, NpgsqlConnection postgres, string table, List<(string Name, string Type)> columns)
    {
        var source = Checksum(sqlite, table, columns);
        var copied = Checksum(postgres, table, columns);
        return new TableCopy(table, source.Rows, copied.Rows, source.Sum, copied.Sum);
    }

    private static void RequireEmpty(NpgsqlConnection postgres, NpgsqlTransaction transaction, string target)
    {
        foreach (var table in CopiedTables.All)
        {
            using var command = new NpgsqlCommand($"SELECT count(*) FROM {table.Name}", postgres, transaction);
            var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (rows > 0)
            {
                throw new StoreException(target, $"the database already holds {rows} rows in {table.Name}; copy into an empty database (createdb a new one)", null);
            }
        }
    }

    /// <summary>The table's columns with their PostgreSQL types; both sides must have the same set.</summary>
    private static List<(string Name, string Type)> MatchColumns(SqliteConnection sqlite, NpgsqlConnection postgres, string table, string source, string target)
    {
        var fromSqlite = new List<string>();
        using (var command = sqlite.CreateCommand())
        {
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                fromSqlite.Add(reader.GetString(0));
            }
        }

        var fromPostgres = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            postgres))
        {
            command.Parameters.AddWithValue("table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                fromPostgres[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (fromSqlite.Count != fromPostgres.Count || fromSqlite.Any(c => !fromPostgres.ContainsKey(c)))
        {
            throw new StoreException(
                target,
                $"table {table} has columns ({string.Join(", ", fromSqlite)}) in {source} but ({string.Join(", ", fromPostgres.Keys)}) here; both must be at the same schema",
                null);
        }

        return fromSqlite.Select(c => (c, fromPostgres[c])).ToList();
    }

    private static void CopyRows(
        SqliteConnection sqlite,
        NpgsqlConnection postgres,
        string table,
        List<(string Name, string Type)> columns,
        long total,
        IProgress<CopyProgress>? progress,
        CancellationToken cancel)
    {
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
        using var importer = postgres.BeginBinaryImport($"COPY {table} ({list}) FROM STDIN (FORMAT BINARY)");
        using var command = sqlite.CreateCommand();
        command.CommandText = $"SELECT {list} FROM {table}";
        using var reader = command.ExecuteReader();
        long rows = 0;
        progress?.Report(new CopyProgress(table, 0, total));
        while (reader.Read())
        {
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (reader.IsDBNull(i))
                {
                    importer.WriteNull();
                    continue;
                }

                switch (columns[i].Type)
                {
                    case "bigint": importer.Write(reader.GetInt64(i), NpgsqlDbType.Bigint); break;
                    case "integer": importer.Write(checked((int)reader.GetInt64(i)), NpgsqlDbType.Integer); break;
                    case "smallint": importer.Write(checked((short)reader.GetInt64(i)), NpgsqlDbType.Smallint); break;
                    case "boolean": importer.Write(reader.GetInt64(i) != 0, NpgsqlDbType.Boolean); break;
                    case "double precision": importer.Write(reader.GetDouble(i), NpgsqlDbType.Double); break;
                    case "bytea": importer.Write((byte[])reader.GetValue(i), NpgsqlDbType.Bytea); break;
                    case "timestamp with time zone":
                        importer.Write(SqliteValues.ParseTimestamp(reader.GetString(i)).UtcDateTime, NpgsqlDbType.TimestampTz);
                        break;
                    default: importer.Write(reader.GetString(i), NpgsqlDbType.Text); break;
                }
            }

            if (++rows % 5000 == 0)
            {
                cancel.ThrowIfCancellationRequested();
                progress?.Report(new CopyProgress(table, rows, total));
            }
        }

        importer.Complete();
        progress?.Report(new CopyProgress(table, rows, total));
    }

    /// <summary>
    /// Row count and the sum (mod 2^128) of each row's SHA-256 over its values in a canonical form:
    /// independent of row order, so the engines' different text collations do not matter.
    /// </summary>
    private static (long Rows, string Sum) Checksum(DbConnection connection, string table, List<(string Name, string Type)> columns)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {table}";
        using var reader = command.ExecuteReader();
        ulong high = 0, low = 0;
        long rows = 0;
        var row = new System.Text.StringBuilder();
        Span<byte> hash = stackalloc byte[32];
        while (reader.Read())
        {
            row.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = Canonical(reader, i, columns[i].Type);
                row.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\u001F');
            }

            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(row.ToString()), hash);
            var addLow = BitConverter.ToUInt64(hash[..8]);
            var addHigh = BitConverter.ToUInt64(hash[8..16]);
            unchecked
            {
                var sum = low + addLow;
                high += addHigh + (sum < low ? 1UL : 0UL);
                low = sum;
            }

            rows++;
        }

        return (rows, string.Create(CultureInfo.InvariantCulture, $"{high:x16}{low:x16}"));
    }

    private static string? Canonical(DbDataReader reader, int i, string type)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        var value = reader.GetValue(i);
        return (type, value) switch
        {
            ("timestamp with time zone", string text) => SqliteValues.FormatTimestamp(SqliteValues.ParseTimestamp(text)),
            ("timestamp with time zone", DateTime time) => SqliteValues.FormatTimestamp(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))),
            ("boolean", bool flag) => flag ? "1" : "0",
            (_, byte[] bytes) => Convert.ToBase64String(bytes),
            (_, IFormattable number) => number.ToString(null, CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    private static long Count(SqliteConnection sqlite, string table)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection postgres, string sql)
    {
        using var command = new NpgsqlCommand(sql, postgres);
        command.ExecuteNonQuery();
    }

    private static string Quote(string column) => "\"" + column + "\"";
}
