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
/// is stored, how an engine names a broken constraint, and how its failures read to a user.
/// </summary>
internal abstract class StoreDialect(string location)
{
    /// <summary>The database as users name it (a file path, or a server address without its password).</summary>
    public string Location { get; } = location;

    /// <summary>The column value for a point in time.</summary>
    public abstract object Timestamp(DateTimeOffset value);

    public abstract WriteConflict Conflict(DbException exception);

    /// <summary>The failure as a <see cref="StoreException"/> naming the database and saying what is wrong.</summary>
    public abstract StoreException ToStoreException(DbException exception);
}
