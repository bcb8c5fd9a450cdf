namespace SoftPowerAtlas.Storage.Collection;

/// <summary>
/// Runs collection once, or again and again with a pause between the end of one run and the start
/// of the next, until cancelled. State lives in the database, so each run (and a restarted process)
/// continues from where the last one stopped. The pause waits on the injected clock.
/// </summary>
public static class CollectSchedule
{
    /// <summary>Runs <paramref name="runOnce"/> until cancelled (or once when <paramref name="every"/> is null); returns the number of runs completed.</summary>
    public static async Task<int> RunAsync(Func<CancellationToken, Task> runOnce, TimeSpan? every, TimeProvider clock, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(runOnce);
        ArgumentNullException.ThrowIfNull(clock);
        if (every is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "the pause between runs must be positive");
        }

        var runs = 0;
        while (true)
        {
            await runOnce(cancel);
            runs++;
            if (every is null || cancel.IsCancellationRequested)
            {
                return runs;
            }

            try
            {
                await Task.Delay(every.Value, clock, cancel);
            }
            catch (OperationCanceledException)
            {
                return runs;
            }
        }
    }

    /// <summary>Reads "30m", "2h", "90s", "1d" or a TimeSpan ("00:30:00"); null when it is none of them or not positive.</summary>
    public static TimeSpan? ParseInterval(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        if (value.Length >= 2 && char.IsAsciiLetter(value[^1])
            && double.TryParse(value[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            && amount > 0 && amount < 1e6)
        {
            TimeSpan? span = value[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            return span;
        }

        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero ? parsed : null;
    }
}
