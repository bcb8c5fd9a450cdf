using System.Data.Common;
using System.Globalization;
using SoftPowerAtlas.Analysis;
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
/// server as it was. Each engine's side (<see cref="SqliteCopySource"/>, <see cref="PostgresCopyTarget"/>)
/// lives in its folder; what is written here reads both the same way (columns, checksums).
/// </summary>
public static class StoreCopier
{
    /// <summary>Copies the store at <paramref name="sqlitePath"/> into <paramref name="postgresAddress"/>; both are first opened as stores with <paramref name="text"/>, which brings them to this build's schema.</summary>
    /// <exception cref="StoreException">
    /// The source is missing or not an atlas store, the target cannot be reached, is not empty, or
    /// has different columns; or the copy did not verify (nothing was committed).
    /// </exception>
    public static CopyReport Copy(string sqlitePath, string postgresAddress, TextServices text, IProgress<CopyProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlitePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(postgresAddress);
        ArgumentNullException.ThrowIfNull(text);
        var started = TimeProvider.System.GetTimestamp();
        var sourcePath = Path.GetFullPath(sqlitePath);
        if (!File.Exists(sourcePath))
        {
            throw new StoreException(sourcePath, "no database file here; give the path of the SQLite store to copy", null);
        }

        // Opening brings each side to this build's schema, so both have the same tables and columns.
        using var source = SqliteCopySource.Open(sourcePath, migrateWith: text);
        using var target = PostgresCopyTarget.Open(postgresAddress, migrateWith: text);
        try
        {
            target.RequireEmpty(CopiedTables.All.Select(t => t.Name));
            var tables = new List<TableCopy>();
            foreach (var table in CopiedTables.All)
            {
                cancel.ThrowIfCancellationRequested();
                var columns = MatchColumns(source, target, table.Name);
                var total = source.Count(table.Name);
                var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
                progress?.Report(new CopyProgress(table.Name, 0, total));
                var written = source.ReadRows(table.Name, list, rows => target.Import(table.Name, list, columns, rows, n => progress?.Report(new CopyProgress(table.Name, n, total)), cancel));
                progress?.Report(new CopyProgress(table.Name, written, total));

                if (table.HasIdentity)
                {
                    target.ResetIdentity(table.Name);
                }

                tables.Add(Compare(source, target, table.Name, columns));
            }

            var report = new CopyReport(sourcePath, target.Location, tables, TimeProvider.System.GetElapsedTime(started));
            if (!report.Verified)
            {
                var bad = string.Join(", ", tables.Where(t => !t.Matches).Select(t => t.Table));
                throw new StoreException(target.Location, $"the copy did not verify ({bad} differ from the source); nothing was committed", null);
            }

            target.Commit();
            return report;
        }
        catch (DbException e)
        {
            throw source.Explain(e) ?? target.Explain(e);
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

        using var source = SqliteCopySource.Open(sourcePath, migrateWith: null);
        using var target = PostgresCopyTarget.Open(postgresAddress, migrateWith: null);
        try
        {
            var tables = CopiedTables.All.Select(t => Compare(source, target, t.Name, MatchColumns(source, target, t.Name))).ToList();
            return new CopyReport(sourcePath, target.Location, tables, TimeProvider.System.GetElapsedTime(started));
        }
        catch (DbException e)
        {
            throw source.Explain(e) ?? target.Explain(e);
        }
    }

    private static TableCopy Compare(SqliteCopySource source, PostgresCopyTarget target, string table, List<(string Name, string Type)> columns)
    {
        var read = Checksum(source.Connection, table, columns);
        var copied = Checksum(target.Connection, table, columns);
        return new TableCopy(table, read.Rows, copied.Rows, read.Sum, copied.Sum);
    }

    /// <summary>The table's columns with their PostgreSQL types; both sides must have the same set.</summary>
    private static List<(string Name, string Type)> MatchColumns(SqliteCopySource source, PostgresCopyTarget target, string table)
    {
        var fromSqlite = source.Columns(table);
        var fromPostgres = target.Columns(table);
        if (fromSqlite.Count != fromPostgres.Count || fromSqlite.Any(c => !fromPostgres.ContainsKey(c)))
        {
            throw new StoreException(
                target.Location,
                $"table {table} has columns ({string.Join(", ", fromSqlite)}) in {source.Location} but ({string.Join(", ", fromPostgres.Keys)}) here; both must be at the same schema",
                null);
        }

        return fromSqlite.Select(c => (c, fromPostgres[c])).ToList();
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

    private static string Quote(string column) => "\"" + column + "\"";
}
