using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Sqlite;

/// <summary>SQLite's side of <see cref="StoreDialect"/>: timestamps as sortable UTC text, extended error codes.</summary>
internal sealed class SqliteDialect(string path) : StoreDialect(path)
{
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
}
