using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reading;
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
/// Timelines for the web, paged on <see cref="FactReader.TimelineKeys"/> (ids, offsets and dates, no
/// text; kept per filter until the store changes), each page read in full from its documents only, so a
/// timeline of 100,000 documents costs one light query and then a page's worth. Done marks are read on
/// every request and states judged against today in Bangkok (<see cref="CommitmentTracker"/>).
/// </summary>
public sealed class TimelineService(FactReader reader, AtlasReader atlas, CommitmentTracker tracker) : IDisposable
{
    /// <summary>Commitments due within this many days are "due soon", as <c>atlas due</c> counts them.</summary>
    public const int DueSoonDays = 30;

    /// <summary>Timeline keys kept in memory across all cached filters.</summary>
    private const long CachedKeys = 3_000_000;

    private readonly MemoryCache _built = new(new MemoryCacheOptions { SizeLimit = CachedKeys });

    public TimelineSlice Slice(FactFilter filter, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var built = Build(filter);
        var today = tracker.Today;
        var todayAt = FirstFrom(built.Keys, today);
        return new TimelineSlice(
            Read([.. built.Keys.Skip(offset).Take(limit)], today),
            built.Keys.Count,
            offset,
            limit,
            built.Engagements,
            built.Keys.Count - built.Engagements,
            built.Years,
            today,
            todayAt);
    }

    /// <summary>The whole timeline of a filter (exports): entries in order, commitments with their state today.</summary>
    public IReadOnlyList<TimelineItem> All(FactFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var keys = Build(filter).Keys;
        var today = tracker.Today;
        var items = new List<TimelineItem>(keys.Count);
        const int batch = 2000;
        for (var i = 0; i < keys.Count; i += batch)
        {
            items.AddRange(Read([.. keys.Skip(i).Take(batch)], today));
        }

        return items;
    }

    public void Dispose() => _built.Dispose();

    /// <summary>The lines of these keys, read in full from their documents, in the keys' order.</summary>
    private List<TimelineItem> Read(List<TimelineKey> keys, DateOnly today)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var (engagements, commitments) = reader.Read(new FactFilter { Documents = [.. keys.Select(k => k.DocumentId).Distinct()] });
        var engagementById = engagements.ToDictionary(e => e.Id);
        var commitmentById = commitments.ToDictionary(c => c.Id);
        var wanted = keys.Where(k => k.Kind == "commitment" && commitmentById.ContainsKey(k.Id)).Select(k => commitmentById[k.Id]).ToList();
        var states = wanted.Count == 0
            ? new Dictionary<long, DueItem>()
            : CommitmentTracker.Classify(wanted, today, DueSoonDays, tracker.Marks()).ToDictionary(i => i.Commitment.Id);
        var items = new List<TimelineItem>(keys.Count);
        foreach (var k in keys)
        {
            // A key whose row went away between the two reads (a document ingested again) is skipped.
            if (k.Kind == "commitment" && commitmentById.TryGetValue(k.Id, out var c))
            {
                items.Add(new TimelineItem(TimelineEntry.From(c), states.GetValueOrDefault(c.Id)));
            }
            else if (k.Kind == "engagement" && engagementById.TryGetValue(k.Id, out var e))
            {
                items.Add(new TimelineItem(TimelineEntry.From(e), null));
            }
        }

        return items;
    }

    /// <summary>Offset of the first key dated today or later (the count when none is), by binary search on the ordered keys.</summary>
    private static int FirstFrom(IReadOnlyList<TimelineKey> keys, DateOnly today)
    {
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            // Keys without a year sort after every dated one, as undated keys do.
            if (keys[mid].Date is { HasYear: true } d && d.Start < today)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private Built Build(FactFilter filter)
    {
        var key = string.Join(
            '|',
            atlas.DataStamp(),
            string.Join(',', filter.Countries),
            string.Join(',', filter.Sectors),
            string.Join(',', filter.Entities),
            string.Join(',', filter.Types),
            string.Join(',', filter.Documents),
            filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return _built.GetOrCreate(key, entry =>
        {
            var keys = reader.TimelineKeys(filter);
            var years = keys.Where(k => k.Date is { HasYear: true })
                .GroupBy(k => k.Date!.Value.Start.Year) // Where above keeps keys with a year only.
                .OrderBy(g => g.Key)
                .Select(g => new CountRow(g.Key.ToString("D4", CultureInfo.InvariantCulture), g.Count()))
                .ToList();
            entry.Size = keys.Count + 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return new Built(keys, keys.Count(k => k.Kind == "engagement"), years);
        })!; // The factory never returns null.
    }

    private sealed record Built(IReadOnlyList<TimelineKey> Keys, int Engagements, IReadOnlyList<CountRow> Years);
}
