using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Sqlite;

/// <summary>SQLite's side of <see cref="StoreDialect"/>: timestamps as sortable UTC text, extended error codes, JSON1 and GLOB.</summary>
internal sealed class SqliteDialect(string path) : StoreDialect(path)
{
    /// <summary><c>search_state.version</c>, bumped by triggers, covers documents and facts.</summary>
    public override string DataStampSql =>
        "SELECT (SELECT version FROM search_state WHERE id = 1), (SELECT count(*) FROM entities), (SELECT max(id) FROM entities), (SELECT max(id) FROM curation_events)";

    public override int SchemaVersion(DbConnection connection, DbTransaction transaction) =>
        SqliteMigrator.ReadVersion((SqliteConnection)connection, (SqliteTransaction)transaction);

    public override object Timestamp(DateTimeOffset value) => SqliteValues.FormatTimestamp(value);

    public override WriteConflict Conflict(DbException exception) => exception is SqliteException sqlite
        ? sqlite.SqliteExtendedErrorCode switch
        {
            SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE or SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY => WriteConflict.Unique,
            SQLitePCL.raw.SQLITE_CONSTRAINT_FOREIGNKEY => WriteConflict.ForeignKey,
            _ => WriteConflict.None,
        }
        : WriteConflict.None;

    public override StoreException ToStoreException(DbException exception) => exception is SqliteException sqlite
        ? sqlite.ToStoreException(Location)
        : new StoreException(Location, $"the database failed ({exception.Message})", exception);

    public override string JsonArrayAgg(string expression, string orderBy) => $"json_group_array({expression} ORDER BY {orderBy})";

    public override string JsonArray(params string[] expressions) => $"json_array({string.Join(", ", expressions)})";

    public override string StringAgg(string expression, char separator, string? orderBy = null) =>
        string.Create(CultureInfo.InvariantCulture, $"group_concat({expression}, char({(int)separator}){(orderBy is null ? string.Empty : " ORDER BY " + orderBy)})");

    public override string EqualsIgnoringCase(string column, string value) => $"{column} = {value} COLLATE NOCASE";

    public override string LikeIgnoringCase => "LIKE";

    public override string StartsWithYear(string column) => $"{column} GLOB '[0-9][0-9][0-9][0-9]*'";
}
