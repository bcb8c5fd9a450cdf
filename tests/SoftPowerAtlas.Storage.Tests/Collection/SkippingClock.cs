namespace SoftPowerAtlas.Storage.Tests.Collection;

/// <summary>
/// A clock whose timers fire at once, moving the clock forward by their delay: code that waits
/// (pacing, back-off, the schedule) runs without waiting, and the test reads what it waited for.
/// </summary>
public sealed class SkippingClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = FixedClock.Start;

    /// <summary>Every delay a timer was started with, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_lock)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new SkippingTimer(this, callback, state, dueTime);

    private void Skip(TimeSpan by)
    {
        lock (_lock)
        {
            _waits.Add(by);
            _now += by;
        }
    }

    private sealed class SkippingTimer : ITimer
    {
        private readonly SkippingClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _fired;

        public SkippingTimer(SkippingClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                _clock.Skip(dueTime);
                ThreadPool.QueueUserWorkItem(_ => _callback(_state));
            }

            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref _fired, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
