using System.Globalization;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Timeline;

/// <summary>
/// One line of a timeline: an engagement (dated by its date and end date) or a commitment (dated by
/// when it is due), with the passage it was read from and its source.
/// </summary>
/// <remarks>Kind: <c>engagement</c> or <c>commitment</c>. 
/// Id: The fact's stable key (what curation edits it by); an engagement stored before keys, its row id. 
/// Type: Engagement type, or <c>commitment</c>.</remarks>
public sealed record TimelineEntry(
    string Kind,
    string Id,
    FactDate? Date,
    string Type,
    string? Who,
    string? Place,
    IReadOnlyList<PartyRef> Parties,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Sectors,
    string Sentence,
    SourceRef Source)
{
    public static TimelineEntry From(EngagementFact e) => new(
        "engagement", e.Key is { Length: > 0 } key ? key : e.Id.ToString(CultureInfo.InvariantCulture), e.Date, e.Type, null, e.Place, e.Parties, e.Countries, e.Sectors, e.Evidence, e.Source);

    public static TimelineEntry From(CommitmentFact c) => new(
        "commitment", c.Key, c.Due, FactTypes.Commitment, c.Who, null, c.Parties, c.Countries, c.Sectors, c.Sentence, c.Source);
}

/// <summary>
/// Where one timeline line sits, without its text: kind (<c>engagement</c> or <c>commitment</c>), row id,
/// document, the passage's offsets in the original text, and its date (a commitment's due date). Enough
/// to filter, order and page a timeline of any size; a page is then read in full by its documents.
/// </summary>
public readonly record struct TimelineKey(string Kind, long Id, long DocumentId, int Start, int End, FactDate? Date);

/// <summary>Engagements and commitments in date order; undated ones last, in the order they were stored.</summary>
public static class TimelineBuilder
{
    public static IReadOnlyList<TimelineEntry> Build(FactReader reader, FactFilter filter)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (engagements, commitments) = reader.Read(filter);
        return Order(engagements.Select(TimelineEntry.From).Concat(commitments.Select(TimelineEntry.From)));
    }

    /// <summary>Keys in the order <see cref="Order(IEnumerable{TimelineEntry})"/> gives their entries.</summary>
    public static IReadOnlyList<TimelineKey> Order(IEnumerable<TimelineKey> keys) =>
        [.. keys
            .OrderBy(k => k.Date is null)
            .ThenBy(k => k.Date)
            .ThenBy(k => k.DocumentId)
            .ThenBy(k => k.Start)
            .ThenBy(k => k.Kind, StringComparer.Ordinal)];

    public static IReadOnlyList<TimelineEntry> Order(IEnumerable<TimelineEntry> entries) =>
        [.. entries
            .OrderBy(e => e.Date is null)
            .ThenBy(e => e.Date)
            .ThenBy(e => e.Source.DocumentId)
            .ThenBy(e => e.Source.Start)
            .ThenBy(e => e.Kind, StringComparer.Ordinal)];
}
