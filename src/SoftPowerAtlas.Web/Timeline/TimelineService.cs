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
/// How a timeline is shown: newest first (the page's default) or oldest first, and, when <see cref="States"/> is
/// set, only the commitments in those states today (no engagements, no undated commitments).
/// </summary>
public sealed record TimelineView(bool NewestFirst, IReadOnlySet<CommitmentState>? States)
{
    /// <summary>The order the store keeps: oldest first, every entry (the API's and the exports' default).</summary>
    public static TimelineView Chronological { get; } = new(false, null);
}

/// <summary>
/// One slice of a filtered timeline: its items, how many there are in all, the counts per year of the
/// whole timeline (the axis), and where today falls in it.
/// </summary>
/// <remarks>TodayOffset: Offset of the first item dated today or later (newest first: of the first dated before today; the count of dated items when none is).</remarks>
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

    public TimelineSlice Slice(FactFilter filter, int offset, int limit, TimelineView? view = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        view ??= TimelineView.Chronological;
        var built = Build(filter);
        var today = tracker.Today;
        var ascending = InStates(built.Keys, filter, view.States);
        var todayAt = FirstFrom(ascending, today);

        // The whole timeline's newest-first order and dated count are kept with its keys: a page of 50 must not
        // reverse and count hundreds of thousands of keys on every request.
        var whole = view.States is null;
        var keys = whole && view.NewestFirst ? built.NewestFirst : Ordered(ascending, view);
        if (view.NewestFirst)
        {
            todayAt = (whole ? built.Dated : ascending.Count(k => k.Date is { HasYear: true })) - todayAt;
        }

        var engagements = view.States is null ? built.Engagements : 0;
        return new TimelineSlice(
            Read([.. keys.Skip(offset).Take(limit)], today),
            keys.Count,
            offset,
            limit,
            engagements,
            keys.Count - engagements,
            built.Years,
            today,
            todayAt);
    }

    /// <summary>The whole timeline of a filter (exports): entries in order, commitments with their state today.</summary>
    public IReadOnlyList<TimelineItem> All(FactFilter filter, TimelineView? view = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        view ??= TimelineView.Chronological;
        var keys = Ordered(InStates(Build(filter).Keys, filter, view.States), view);
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
        var reports = reader.Reports([.. keys.Where(k => k.Kind == "engagement" && engagementById.ContainsKey(k.Id)).Select(k => engagementById[k.Id])]);
        var commitmentById = commitments.ToDictionary(c => c.Id);
        var wanted = keys.Where(k => k.Kind == "commitment" && commitmentById.ContainsKey(k.Id)).Select(k => commitmentById[k.Id]).ToList();
        var states = wanted.Count == 0
            ? new Dictionary<long, DueItem>()
            : tracker.States(wanted, today, DueSoonDays).ToDictionary(i => i.Commitment.Id);
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
                items.Add(new TimelineItem(TimelineEntry.From(e, reports), null));
            }
        }

        return items;
    }

    /// <summary>Only the commitments whose state today is one of <paramref name="states"/> (all keys when null), in the same order.</summary>
    private IReadOnlyList<TimelineKey> InStates(IReadOnlyList<TimelineKey> keys, FactFilter filter, IReadOnlySet<CommitmentState>? states)
    {
        if (states is null)
        {
            return keys;
        }

        var ids = tracker.Due(new DueQuery { WithinDays = DueSoonDays, IncludeAll = true, Filter = filter })
            .Items.Where(i => states.Contains(i.State)).Select(i => i.Commitment.Id).ToHashSet();
        return [.. keys.Where(k => k.Kind == "commitment" && ids.Contains(k.Id))];
    }

    /// <summary>Newest first: dated keys in reverse, those without a year still last; else as given.</summary>
    private static IReadOnlyList<TimelineKey> Ordered(IReadOnlyList<TimelineKey> ascending, TimelineView view) =>
        view.NewestFirst
            ? [.. ascending.Where(k => k.Date is { HasYear: true }).Reverse(), .. ascending.Where(k => k.Date is not { HasYear: true })]
            : ascending;

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

    private sealed record Built(IReadOnlyList<TimelineKey> Keys, int Engagements, IReadOnlyList<CountRow> Years)
    {
        private IReadOnlyList<TimelineKey>? _newestFirst;

        /// <summary>The keys with a year.</summary>
        public int Dated { get; } = Keys.Count(k => k.Date is { HasYear: true });

        /// <summary>The keys newest first, made on the first request that asks (two requests racing both make the same list).</summary>
        public IReadOnlyList<TimelineKey> NewestFirst => _newestFirst ??= Ordered(Keys, new TimelineView(NewestFirst: true, States: null));
    }
}
