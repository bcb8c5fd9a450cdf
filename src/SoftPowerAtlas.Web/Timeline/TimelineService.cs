using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Sqlite;
using SoftPowerAtlas.Storage.Timeline;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Web.Timeline;

/// <summary>A timeline line with, for a dated commitment, where it stands today (overdue, due soon, open, done).</summary>
public sealed record TimelineItem(TimelineEntry Entry, DueItem? Due);

/// <summary>
/// One slice of a filtered timeline: its items, how many there are in all, the counts per year of the
/// whole timeline (the axis), and where today falls in it.
/// </summary>
/// <remarks>TodayOffset: Offset of the first item dated today or later (the total when none is).</remarks>
public sealed record TimelineSlice(
    IReadOnlyList<TimelineItem> Items,
    int Total,
    int Offset,
    int Limit,
    int Engagements,
    int Commitments,
    IReadOnlyList<CountRow> Years,
    DateOnly Today,
    int TodayOffset);

/// <summary>
/// Timelines for the web: built with <see cref="TimelineBuilder"/> from <see cref="FactReader"/> once per
/// filter and kept until the store changes, so paging through a large one reads the store once; done
/// marks are read on every request and the states judged against today in Bangkok (<see cref="CommitmentTracker"/>).
/// </summary>
public sealed class TimelineService(FactReader reader, SqliteAtlasReader atlas, CommitmentTracker tracker) : IDisposable
{
    /// <summary>Commitments due within this many days are "due soon", as <c>atlas due</c> counts them.</summary>
    public const int DueSoonDays = 30;

    /// <summary>Timeline entries kept in memory across all cached filters.</summary>
    private const long CachedEntries = 400_000;

    private readonly MemoryCache _built = new(new MemoryCacheOptions { SizeLimit = CachedEntries });

    public TimelineSlice Slice(FactFilter filter, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var built = Build(filter);
        var today = tracker.Today;
        var page = built.Entries.Skip(offset).Take(limit).ToList();
        var commitments = page.Select(e => e.Commitment).OfType<CommitmentFact>().ToList();
        var states = CommitmentTracker.Classify(commitments, today, DueSoonDays, commitments.Count == 0 ? new Dictionary<string, CommitmentMark>() : tracker.Marks())
            .ToDictionary(i => i.Commitment, i => i, new ReferenceComparer<CommitmentFact>());
        var todayAt = built.Entries.FindIndex(e => e.Entry.Date is { } d && d.End >= today);
        return new TimelineSlice(
            [.. page.Select(e => new TimelineItem(e.Entry, e.Commitment is { } c && states.TryGetValue(c, out var due) ? due : null))],
            built.Entries.Count,
            offset,
            limit,
            built.Engagements,
            built.Entries.Count - built.Engagements,
            built.Years,
            today,
            todayAt < 0 ? built.Entries.Count : todayAt);
    }

    /// <summary>The whole timeline of a filter (exports): entries in order, commitments with their state today.</summary>
    public IReadOnlyList<TimelineItem> All(FactFilter filter)
    {
        var built = Build(filter);
        return Slice(filter, 0, Math.Max(1, built.Entries.Count)).Items;
    }

    public void Dispose() => _built.Dispose();

    private Built Build(FactFilter filter)
    {
        var key = string.Join(
            '|',
            atlas.DataStamp(),
            string.Join(',', filter.Countries),
            string.Join(',', filter.Sectors),
            string.Join(',', filter.Entities),
            string.Join(',', filter.Types),
            filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return _built.GetOrCreate(key, entry =>
        {
            var (engagements, commitments) = reader.Read(filter);
            var byEntry = new Dictionary<TimelineEntry, CommitmentFact>(new ReferenceComparer<TimelineEntry>());
            var entries = new List<TimelineEntry>(engagements.Count + commitments.Count);
            entries.AddRange(engagements.Select(TimelineEntry.From));
            foreach (var c in commitments)
            {
                var e = TimelineEntry.From(c);
                byEntry[e] = c;
                entries.Add(e);
            }

            var ordered = TimelineBuilder.Order(entries);
            var years = ordered.Where(e => e.Date is not null)
                .GroupBy(e => e.Date!.Value.Start.Year) // Where above keeps dated entries only.
                .OrderBy(g => g.Key)
                .Select(g => new CountRow(g.Key.ToString("D4", CultureInfo.InvariantCulture), g.Count()))
                .ToList();
            entry.Size = ordered.Count + 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return new Built([.. ordered.Select(e => (e, byEntry.GetValueOrDefault(e)))], engagements.Count, years);
        })!; // The factory never returns null.
    }

    /// <summary>Records compare by value (their lists by reference); these lookups want the very object.</summary>
    private sealed class ReferenceComparer<T> : IEqualityComparer<T>
        where T : class
    {
        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private sealed record Built(List<(TimelineEntry Entry, CommitmentFact? Commitment)> Entries, int Engagements, IReadOnlyList<CountRow> Years);
}
