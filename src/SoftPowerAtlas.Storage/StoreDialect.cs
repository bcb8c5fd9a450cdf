using System.Data.Common;

namespace SoftPowerAtlas.Storage;

/// <summary>Which constraint a failed write broke, in words both engines share.</summary>
internal enum WriteConflict
{
    None,
    Unique,
    ForeignKey,
}

/// <summary>
/// What differs between the SQLite and PostgreSQL stores below the SQL they share: how a timestamp
/// is stored, how an engine names a broken constraint, how its failures read to a user, and the few
/// SQL forms the readers need that the engines spell differently (JSON and text aggregation,
/// case-insensitive comparison, a pattern test). Everything else is one SQL text for both.
/// </summary>
internal abstract class StoreDialect(string location)
{
    /// <summary>The database as users name it (a file path, or a server address without its password).</summary>
    public string Location { get; } = location;

    /// <summary>
    /// One row of four numbers that change whenever documents or engagements are stored or removed, facts
    /// are curated, or entities are added or merged (see <c>AtlasReader.DataStamp</c>).
    /// </summary>
    public abstract string DataStampSql { get; }

    /// <summary>The schema version the engine's migrations have brought the database to (0: none).</summary>
    public abstract int SchemaVersion(DbConnection connection, DbTransaction transaction);

    /// <summary>The column value for a point in time.</summary>
    public abstract object Timestamp(DateTimeOffset value);

    public abstract WriteConflict Conflict(DbException exception);

    /// <summary>The failure as a <see cref="StoreException"/> naming the database and saying what is wrong.</summary>
    public abstract StoreException ToStoreException(DbException exception);

    /// <summary>Reads a timestamp column: sortable UTC text in SQLite, <c>timestamptz</c> in PostgreSQL.</summary>
    public static DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string)
            ? Sqlite.SqliteValues.ParseTimestamp(reader.GetString(ordinal))
            : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc)).ToUniversalTime();

    /// <summary>
    /// An aggregate of <paramref name="expression"/> over a group as a JSON array text (<c>[]</c> for
    /// none), in the order of <paramref name="orderBy"/>.
    /// </summary>
    public abstract string JsonArrayAgg(string expression, string orderBy);

    /// <summary>A JSON array of the given SQL expressions, one row's worth.</summary>
    public abstract string JsonArray(params string[] expressions);

    /// <summary>
    /// The group's values of <paramref name="expression"/> joined by <paramref name="separator"/>
    /// (NULL for none), in the order of <paramref name="orderBy"/> when given.
    /// </summary>
    public abstract string StringAgg(string expression, char separator, string? orderBy = null);

    /// <summary><paramref name="column"/> equals <paramref name="value"/> ignoring the case of letters.</summary>
    public abstract string EqualsIgnoringCase(string column, string value);

    /// <summary>The LIKE operator that ignores case (SQLite's LIKE already does, for ASCII letters).</summary>
    public abstract string LikeIgnoringCase { get; }

    /// <summary>A condition: <paramref name="column"/> starts with four digits (a date with a year).</summary>
    public abstract string StartsWithYear(string column);
}
