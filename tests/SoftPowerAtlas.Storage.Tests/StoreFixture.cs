namespace SoftPowerAtlas.Storage.Tests;

/// <summary>
/// One provider's way to give a test an empty store of its own. <see cref="StoreTests{TFixture}"/>
/// creates one fixture per test; each provider (SQLite, later PostgreSQL) adds a sealed subclass.
/// </summary>
public abstract class StoreFixture : IDisposable
{
    /// <summary>
    /// Opens the test's store; the first call creates it empty, later calls reopen the same data
    /// (a new store object, as after a restart).
    /// </summary>
    public abstract IAtlasStore Open(TimeProvider clock);

    /// <summary>The schema version a freshly opened store of this provider reports.</summary>
    public abstract int LatestSchemaVersion { get; }

    /// <summary>Runs a query on the test's database behind the store's back and returns its one number.</summary>
    public abstract long Scalar(string sql);

    /// <summary>Runs a query behind the store's back and returns its one text value (null for none or NULL).</summary>
    public abstract string? Text(string sql);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>A clock that stands still until told to move.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2024, 6, 28, 3, 30, 15, 123, TimeSpan.Zero);

    private DateTimeOffset _now = now;

    public FixedClock()
        : this(Start)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
