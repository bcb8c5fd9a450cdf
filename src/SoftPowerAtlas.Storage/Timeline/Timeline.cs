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
    /// <summary>The other reports of the same engagement (issue 25), first stored first, each with what it says of type, date and place; empty for a commitment or an engagement reported once.</summary>
    public IReadOnlyList<OtherReport> AlsoReportedBy { get; init; } = [];

    public static TimelineEntry From(EngagementFact e) => new(
        "engagement", e.Key is { Length: > 0 } key ? key : e.Id.ToString(CultureInfo.InvariantCulture), e.Date, e.Type, null, e.Place, e.Parties, e.Countries, e.Sectors, e.Evidence, e.Source);

    /// <summary>An engagement's line with the other reports of it among <paramref name="reports"/> (<see cref="FactReader.Reports"/>).</summary>
    public static TimelineEntry From(EngagementFact e, IReadOnlyDictionary<long, IReadOnlyList<EngagementFact>> reports)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(reports);
        var others = reports.TryGetValue(e.Cluster, out var all) ? all.Where(r => r.Id != e.Id).Select(r => new OtherReport(r.Type, r.Date, r.Place, r.Source)).ToList() : [];
        return others.Count == 0 ? From(e) : From(e) with { AlsoReportedBy = others };
    }

    public static TimelineEntry From(CommitmentFact c) => new(
        "commitment", c.Key, c.Due, FactTypes.Commitment, c.Who, null, c.Parties, c.Countries, c.Sectors, c.Sentence, c.Source);
}

/// <summary>Another document's report of a timeline line's engagement: where reports disagree on the type, date or place, each is shown with its source.</summary>
public sealed record OtherReport(string Type, FactDate? Date, string? Place, SourceRef Source);

/// <summary>
/// Where one timeline line sits, without its text: kind (<c>engagement</c> or <c>commitment</c>), row id,
/// document, the passage's offsets in the original text, and its date (a commitment's due date). Enough
/// to filter, order and page a timeline of any size; a page is then read in full by its documents.
/// </summary>
public readonly record struct TimelineKey(string Kind, long Id, long DocumentId, int Start, int End, FactDate? Date)
{
    /// <summary>The engagement this line reports (<see cref="EngagementFact.Cluster"/>); a timeline shows each once.</summary>
    public long Cluster { get; init; }
}

/// <summary>Engagements and commitments in date order; undated ones last, in the order they were stored.</summary>
public static class TimelineBuilder
{
    public static IReadOnlyList<TimelineEntry> Build(FactReader reader, FactFilter filter)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (engagements, commitments) = reader.Read(filter);
        var once = OncePerEngagement(engagements);
        var reports = reader.Reports(once);
        return Order(once.Select(e => TimelineEntry.From(e, reports)).Concat(commitments.Select(TimelineEntry.From)));
    }

    /// <summary>One report per engagement (issue 25): the earliest in timeline order stands for the others.</summary>
    public static List<EngagementFact> OncePerEngagement(IEnumerable<EngagementFact> engagements)
    {
        ArgumentNullException.ThrowIfNull(engagements);
        var seen = new HashSet<long>();
        return [.. engagements
            .OrderBy(e => e.Date is null).ThenBy(e => e.Date).ThenBy(e => e.Source.DocumentId).ThenBy(e => e.Source.Start)
            .Where(e => seen.Add(e.Cluster))];
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
