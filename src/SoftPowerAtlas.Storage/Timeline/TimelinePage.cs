using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Timeline;

/// <summary>One page of a timeline: its entries, how many there are in all, and where the page starts.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, int Total, int Offset)
{
    /// <summary>Entries after this page.</summary>
    public int After => Math.Max(0, Total - Offset - Entries.Count);
}

/// <summary>
/// A page of <see cref="TimelineBuilder.Build"/>'s order without building the whole timeline: a first
/// pass reads only each fact's date, document and offset, orders them all, and the facts of the page
/// are then read in full (passages, parties, countries, sectors, sources) from their documents alone.
/// Filters on country, sector or agency decide a commitment by the engagements around it, so with
/// those the whole (already narrowed) timeline is built and sliced.
/// </summary>
public static class TimelinePager
{
    public static TimelinePage Page(FactReader reader, FactFilter filter, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (filter.Countries.Count > 0 || filter.Sectors.Count > 0 || filter.Entities.Count > 0 || filter.Documents.Count > 0)
        {
            var all = TimelineBuilder.Build(reader, filter);
            return new TimelinePage([.. all.Skip(offset).Take(limit)], all.Count, offset);
        }

        var keys = reader.Store.Read((connection, transaction) => TimelineKeys.Read(connection, transaction, filter));
        keys.Sort();
        var window = keys.Skip(offset).Take(limit).ToList();
        if (window.Count == 0)
        {
            return new TimelinePage([], keys.Count, offset);
        }

        var wanted = window.Select(k => (k.Kind, k.Id)).ToHashSet();
        var documents = window.Select(k => k.DocumentId).Distinct().Order().ToList();
        var (engagements, commitments) = reader.Read(filter with { Documents = documents });
        var entries = engagements.Where(e => wanted.Contains((TimelineKeys.Engagement, e.Id))).Select(TimelineEntry.From)
            .Concat(commitments.Where(c => wanted.Contains((TimelineKeys.Commitment, c.Id))).Select(TimelineEntry.From));
        return new TimelinePage(TimelineBuilder.Order(entries), keys.Count, offset);
    }
}
