using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Sqlite;

/// <summary>How values are written to and read from SQLite columns.</summary>
internal static class SqliteValues
{
    /// <summary>Sortable UTC ISO 8601 with 100 ns precision, so text order is time order.</summary>
    private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";

    /// <summary>
    /// Cut to whole microseconds, the precision PostgreSQL keeps, so a store copied between the
    /// engines (<c>atlas migrate</c>) reads back exactly.
    /// </summary>
    public static string FormatTimestamp(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % 10)).ToString(TimestampFormat, CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset ParseTimestamp(string value) =>
        new(DateTime.ParseExact(value, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    /// <summary>
    /// Turns a SQLite failure into a <see cref="StoreException"/> that names the file and says, in
    /// words, what is wrong with it.
    /// </summary>
    public static StoreException ToStoreException(this SqliteException exception, string location)
    {
        var what = exception.SqliteErrorCode switch
        {
            SQLitePCL.raw.SQLITE_NOTADB => "the file is not a SQLite database (or is encrypted); choose another file",
            SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_PERM =>
                "the database cannot be written: the file or its folder is read-only",
            SQLitePCL.raw.SQLITE_CANTOPEN => "the database file cannot be opened: check the path and the folder's permissions",
            SQLitePCL.raw.SQLITE_CORRUPT => "the database file is damaged; restore it from a backup",
            SQLitePCL.raw.SQLITE_FULL => "the disk is full",
            SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED => "the database is locked by another process for too long",
            _ => "the database failed",
        };
        return new StoreException(location, $"{what} ({exception.Message})", exception);
    }
}
