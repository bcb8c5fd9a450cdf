using System.Globalization;

namespace SoftPowerAtlas.Storage.Postgres.Jobs;

/// <summary>
/// Runs a worker's database steps through an outage: a step that fails because the database went
/// away (<see cref="ReconnectPolicy.IsLost"/>) is run again, on fresh connections, after the policy's
/// back-off, until it succeeds or the outage passes the policy's limit. It says once when the
/// database is lost and once when it is back; any other failure passes through at once.
/// </summary>
internal sealed class Reconnector(ReconnectPolicy policy, string location, Action dropConnections, Action<string>? say, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="step"/> (told whether an outage came before this try) on the thread pool until it succeeds.
    /// </summary>
    /// <exception cref="StoreException">The database stayed away past <see cref="ReconnectPolicy.GiveUpAfter"/>; it wraps the last failure.</exception>
    public async Task<T> RunAsync<T>(Func<bool, T> step, CancellationToken cancel)
    {
        long? lostAt = null;
        for (var retry = 0; ; retry++)
        {
            try
            {
                var afterOutage = lostAt is not null;
                var result = await Task.Run(() => step(afterOutage), cancel).ConfigureAwait(false);
                if (lostAt is { } since)
                {
                    say?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Reconnected to {location} after {Seconds(clock.GetElapsedTime(since))}; going on."));
                }

                return result;
            }
            catch (Exception e) when (ReconnectPolicy.IsLost(e))
            {
                lostAt ??= clock.GetTimestamp();
                var outage = clock.GetElapsedTime(lostAt.Value);
                if (policy.GivesUp(outage))
                {
                    throw new StoreException(
                        location,
                        string.Create(CultureInfo.InvariantCulture, $"the database has been unreachable for {Seconds(outage)}; giving up (last: {ReconnectPolicy.Reason(e)}). Jobs not committed go back to the queue when their lease passes."),
                        e);
                }

                var delay = policy.Delay(retry, Random.Shared.NextDouble());
                if (retry == 0)
                {
                    say?.Invoke(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Lost the database {location} ({ReconnectPolicy.Reason(e)}); reconnecting in {Seconds(delay)}, then with back-off for up to {Seconds(policy.GiveUpAfter)}."));
                }

                // Pooled connections to a server that restarted are dead: every try starts from new ones.
                dropConnections();
                await Task.Delay(delay, clock, cancel).ConfigureAwait(false);
            }
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds switch
    {
        >= 120 => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMinutes:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.#} s"),
    };
}
