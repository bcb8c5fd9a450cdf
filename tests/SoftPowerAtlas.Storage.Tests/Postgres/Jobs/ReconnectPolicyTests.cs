using System.Net.Sockets;
using Npgsql;
using SoftPowerAtlas.Storage.Postgres.Jobs;

namespace SoftPowerAtlas.Storage.Tests.Postgres.Jobs;

/// <summary>
/// How a worker waits out a database that went away (issue 20 point 5), without a server: the
/// back-off's delays, which failures count as an outage, and the runner that retries, says so, and
/// gives up naming the database.
/// </summary>
public sealed class ReconnectPolicyTests
{
    private const string Location = "postgres://atlas@db.example.go.th:5432/atlas";

    [Theory]
    [InlineData(0, 0.5, 0.5)]
    [InlineData(1, 0.5, 1.0)]
    [InlineData(2, 0.5, 2.0)]
    [InlineData(3, 0.5, 4.0)]
    [InlineData(4, 0.5, 8.0)]
    [InlineData(5, 0.5, 10.0)] // 16 s capped
    [InlineData(40, 0.5, 10.0)] // no overflow after a long outage
    [InlineData(0, 0.0, 0.4)] // jitter: -20 %
    [InlineData(0, 0.99999, 0.6)] // +20 %
    [InlineData(2, 0.0, 1.6)]
    [InlineData(6, 0.99999, 10.0)] // jitter never lifts a capped delay past the cap
    [InlineData(4, 0.99999, 9.6)]
    public void Delay_RetryAndJitter_DoublesFromHalfASecondUpToTenSeconds(int retry, double jitter, double seconds)
    {
        var delay = new ReconnectPolicy().Delay(retry, jitter);

        Assert.Equal(seconds, delay.TotalSeconds, precision: 3);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(119.9, false)]
    [InlineData(120, true)]
    [InlineData(600, true)]
    public void GivesUp_OutageLength_OnlyFromTwoMinutesByDefault(double outageSeconds, bool givesUp)
    {
        Assert.Equal(givesUp, new ReconnectPolicy().GivesUp(TimeSpan.FromSeconds(outageSeconds)));
    }

    public static TheoryData<Exception, bool> Failures() => new()
    {
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { new PostgresException("terminating connection because of crash of another server process", "FATAL", "FATAL", "57P02"), true },
        { new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), true },
        { new PostgresException("connection failure", "FATAL", "FATAL", "08006"), true },
        { new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)), true },
        { new NpgsqlException("Exception while reading from stream", new EndOfStreamException("Attempted to read past the end of the stream.")), true },
        { new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")), true },
        { new StoreException(Location, "the database failed", new NpgsqlException("Exception while writing to stream", new IOException("Broken pipe"))), true },
        { new PostgresException("duplicate key value violates unique constraint \"documents_content_hash\"", "ERROR", "ERROR", "23505"), false },
        { new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", "53100"), false },
        { new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01"), false },
        { new PostgresException("database \"atlas\" does not exist", "FATAL", "FATAL", "3D000"), false },
        { new StoreException(Location, "the text holds a character PostgreSQL cannot store", new PostgresException("invalid byte sequence", "ERROR", "ERROR", "22021")), false },
        { new InvalidOperationException("Connection is not open"), false },
        { new IOException("The file is locked"), false }, // a file, not the database
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsLost_Failure_OnlyWhenTheConnectionOrServerWentAway(Exception failure, bool lost)
    {
        Assert.Equal(lost, ReconnectPolicy.IsLost(failure));
    }

    [Fact]
    public async Task RunAsync_LostTwiceThenBack_ResultAfterFreshConnectionsSaidOnceEachWay()
    {
        var said = new List<string>();
        var drops = 0;
        var tries = new List<bool>();
        var reconnector = new Reconnector(Quick(TimeSpan.FromSeconds(30)), Location, () => drops++, said.Add, TimeProvider.System);

        var result = await reconnector.RunAsync(
            afterOutage =>
            {
                tries.Add(afterOutage);
                return tries.Count < 3 ? throw new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) : 42;
            },
            CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal([false, true, true], tries);
        Assert.Equal(2, drops);
        Assert.Equal(2, said.Count);
        Assert.StartsWith($"Lost the database {Location} (", said[0], StringComparison.Ordinal);
        Assert.Contains("reconnecting in 0 s, then with back-off for up to 30 s", said[0], StringComparison.Ordinal);
        Assert.StartsWith($"Reconnected to {Location} after ", said[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OutageLongerThanLimit_StoreExceptionNamingTheDatabase()
    {
        var tries = 0;
        var reconnector = new Reconnector(Quick(TimeSpan.FromMilliseconds(200)), Location, () => { }, null, TimeProvider.System);

        var e = await Assert.ThrowsAsync<StoreException>(() => reconnector.RunAsync<int>(
            _ =>
            {
                tries++;
                throw new PostgresException("the database system is shutting down", "FATAL", "FATAL", "57P03");
            },
            CancellationToken.None));

        Assert.Equal(Location, e.Location);
        Assert.StartsWith($"{Location}: the database has been unreachable for 0.", e.Message, StringComparison.Ordinal);
        Assert.Contains("giving up (last: the database system is shutting down, 57P03)", e.Message, StringComparison.Ordinal);
        Assert.IsType<PostgresException>(e.InnerException);
        Assert.InRange(tries, 3, 200); // it kept knocking until the limit, at most every 5 ms
    }

    [Fact]
    public async Task RunAsync_StatementRefused_ThrownAtOnceNotRetried()
    {
        var tries = 0;
        var said = new List<string>();
        var reconnector = new Reconnector(Quick(TimeSpan.FromSeconds(30)), Location, () => { }, said.Add, TimeProvider.System);

        await Assert.ThrowsAsync<PostgresException>(() => reconnector.RunAsync<int>(
            _ =>
            {
                tries++;
                throw new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505");
            },
            CancellationToken.None));

        Assert.Equal(1, tries);
        Assert.Empty(said);
    }

    private static ReconnectPolicy Quick(TimeSpan giveUpAfter) =>
        new() { FirstDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), GiveUpAfter = giveUpAfter };
}
