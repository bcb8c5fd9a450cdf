using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Timeline;

/// <summary>One page of a timeline: its entries, how many there are in all, and where the page starts.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, int Total, int Offset)
{
    /// <summary>Entries after this page.</summary>
    public int After => Math.Max(0, Total - Offset - Entries.Count);
}

/// <summary>
/// A page of <see cref="TimelineBuilder.Build"/>'s order without building the whole timeline: the
/// filter's lines are ordered as light keys (<see cref="FactReader.TimelineKeys"/>: ids, offsets and
/// dates, no text), and only the page's facts are then read in full, from their documents alone.
/// </summary>
public static class TimelinePager
{
    public static TimelinePage Page(FactReader reader, FactFilter filter, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var keys = reader.TimelineKeys(filter);
        var window = keys.Skip(offset).Take(limit).ToList();
        if (window.Count == 0)
        {
            return new TimelinePage([], keys.Count, offset);
        }

        var wanted = window.Select(k => (k.Kind, k.Id)).ToHashSet();
        var documents = window.Select(k => k.DocumentId).Distinct().Order().ToList();
        var (engagements, commitments) = reader.Read(filter with { Documents = documents });
        var shown = engagements.Where(e => wanted.Contains(("engagement", e.Id))).ToList();
        var reports = reader.Reports(shown);
        var entries = shown.Select(e => TimelineEntry.From(e, reports))
            .Concat(commitments.Where(c => wanted.Contains(("commitment", c.Id))).Select(TimelineEntry.From));
        return new TimelinePage(TimelineBuilder.Order(entries), keys.Count, offset);
    }
}
