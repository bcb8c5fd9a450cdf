namespace SoftPowerAtlas.Storage;

/// <summary>
/// The store cannot be used: the file is not a database, is read-only, is damaged, or was written by
/// a newer version. The message names the <see cref="Location"/> and says what to do.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
        Location = string.Empty;
    }

    public StoreException(string message)
        : base(message)
    {
        Location = string.Empty;
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = string.Empty;
    }

    public StoreException(string location, string message, Exception? innerException)
        : base($"{location}: {message}", innerException)
    {
        Location = location;
    }

    /// <summary>The database file path (SQLite) or server and database (PostgreSQL).</summary>
    public string Location { get; }
}
