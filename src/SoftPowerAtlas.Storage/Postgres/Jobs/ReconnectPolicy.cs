using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace SoftPowerAtlas.Storage.Postgres.Jobs;

/// <summary>
/// How a worker rides out a database that went away (a restart, a dropped network): it retries
/// after a delay that starts at <see cref="FirstDelay"/> and doubles up to <see cref="MaxDelay"/>,
/// each spread by ±20 % so that workers do not all knock at once, and gives up once the outage has
/// lasted <see cref="GiveUpAfter"/>. Only <see cref="IsLost"/> failures count as an outage; any
/// other failure is the job's.
/// </summary>
public sealed record ReconnectPolicy
{
    /// <summary>The wait after the first failure.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest wait between two tries, before jitter is taken off.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an outage may last, from its first failure, before the worker stops with an error.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The wait before try <paramref name="retry"/> + 1 (0 for the first retry): the doubled delay,
    /// capped, times 0.8 + 0.4 × <paramref name="jitter"/> (a number in [0, 1)), never past <see cref="MaxDelay"/>.
    /// </summary>
    public TimeSpan Delay(int retry, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retry);
        var doubled = FirstDelay.TotalSeconds * Math.Pow(2, Math.Min(retry, 30));
        var seconds = Math.Min(doubled, MaxDelay.TotalSeconds) * (0.8 + (0.4 * Math.Clamp(jitter, 0, 1)));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
    }

    /// <summary>Whether an outage that began <paramref name="outage"/> ago has lasted too long to wait on.</summary>
    public bool GivesUp(TimeSpan outage) => outage >= GiveUpAfter;

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps) says the connection to the server was
    /// lost or could not be made, or the server is shutting down or starting up: SQLSTATE class 08,
    /// 57P01–57P03, or a network, stream or time-out failure under Npgsql. A refused statement
    /// (a constraint, a full disk, a deadlock) is not an outage.
    /// </summary>
    public static bool IsLost(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
                case NpgsqlException { InnerException: IOException or SocketException or TimeoutException }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The innermost message of <paramref name="exception"/>, which names the cause ("Connection refused", "terminating connection…").</summary>
    internal static string Reason(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null && e is not PostgresException)
        {
            e = e.InnerException;
        }

        return e is PostgresException postgres
            ? string.Create(CultureInfo.InvariantCulture, $"{postgres.MessageText}, {postgres.SqlState}")
            : e.Message;
    }
}
