namespace SoftPowerAtlas.Storage.Reading;

/// <summary>One page of a longer list: the items, how many there are in all, and where the page starts.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit)
{
    public bool HasNext => Offset + Items.Count < Total;

    public bool HasPrevious => Offset > 0;
}

/// <summary>A document in a list: enough to show a row and link to it.</summary>
public sealed record DocumentSummary(long Id, string? Title, string? Published, string Language, string Source, string? SourceUrl, long? NearDuplicateOf);

/// <summary>Another version of a document's release (issue 25): <see cref="Kind"/> is <c>translation</c> or <c>copy</c>; <see cref="IsOriginal"/> when it is the one the document is a version of.</summary>
public sealed record DocumentVersion(DocumentSummary Document, string Kind, bool IsOriginal);

/// <summary>
/// An entity of the fact tables with its kind (agency, organisation, body, person, read from the key
/// prefix) and how often it takes part in engagements and appears in documents.
/// </summary>
public sealed record EntitySummary(long Id, string Key, string Name, string? Country, string Kind, long Engagements, long Documents);

/// <summary>An entity with every alias it was written under.</summary>
public sealed record EntityDetail(EntitySummary Entity, IReadOnlyList<string> Aliases);

/// <summary>An entity taking part in an engagement, on the Thai side, the foreign side, or as a person.</summary>
public sealed record EngagementParty(long EntityId, string Name, string Side);

/// <summary>
/// A stored engagement with its document, parties, partner countries and sectors; the evidence
/// offsets point into the document's original text.
/// </summary>
public sealed record EngagementRow(
    long Id,
    long DocumentId,
    string? DocumentTitle,
    string Type,
    string? Date,
    string? EndDate,
    string? Place,
    int EvidenceStart,
    int EvidenceEnd,
    IReadOnlyList<EngagementParty> Parties,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Sectors)
{
    /// <summary>The other documents' reports of the same engagement (issue 25), first stored first; empty when no other document reports it.</summary>
    public IReadOnlyList<EngagementReportRow> AlsoReportedIn { get; init; } = [];
}

/// <summary>Another document's report of an engagement: its id, document, type and date as that report gives them, and its passage's offsets.</summary>
public sealed record EngagementReportRow(long Id, long DocumentId, string? DocumentTitle, string Type, string? Date, string? EndDate, int EvidenceStart, int EvidenceEnd);

/// <summary>A stored commitment: what was promised, by whom, due when, and where in the original text it is said.</summary>
public sealed record CommitmentRow(long Id, long DocumentId, string? DocumentTitle, string What, string? Who, string? Due, int Start, int End)
{
    /// <summary>Where it stands today, with later reports that it was kept (issue 25); null for a commitment without a dated due or not yet tracked.</summary>
    public CommitmentTracking? Tracking { get; init; }
}

/// <summary>
/// Where a dated commitment stands today (issue 25): its stable key, its state (<c>overdue</c>, <c>due_soon</c>, <c>open</c>,
/// <c>reported_done</c>, <c>reported_delayed</c>, <c>reported_changed</c>, <c>done</c>, <c>dropped</c>), its last day, the later reports of what became of it, and, for a
/// release in several versions, the commitment of the original it restates or the other versions that restate it.
/// </summary>
public sealed record CommitmentTracking(
    string Key,
    string Status,
    string DueBy,
    IReadOnlyList<OutcomeRow> Outcomes,
    string? Restates,
    IReadOnlyList<Facts.SourceRef> AlsoStatedIn);

/// <summary>A later report that a commitment was kept: its status, the engagement it reports (key, type, date), its passage and where it is.</summary>
public sealed record OutcomeRow(string Status, string Engagement, string Type, string? Date, string Sentence, Facts.SourceRef Source);

/// <summary>A label and how many times it occurs.</summary>
public sealed record CountRow(string Key, long Count);

/// <summary>What the dashboard shows: totals and counts of engagements by country, sector, type and year, and provinces mentioned.</summary>
public sealed record AtlasOverview(
    long Documents,
    long Engagements,
    long Commitments,
    long Entities,
    IReadOnlyList<CountRow> ByCountry,
    IReadOnlyList<CountRow> BySector,
    IReadOnlyList<CountRow> ByType,
    IReadOnlyList<CountRow> ByYear,
    IReadOnlyList<CountRow> Provinces);

/// <summary>Which engagements a list, a chart or the network counts; null means any.</summary>
public sealed record EngagementFilter
{
    public string? Country { get; init; }

    public string? Sector { get; init; }

    public string? Type { get; init; }

    public int? YearFrom { get; init; }

    public int? YearTo { get; init; }

    public long? EntityId { get; init; }

    public static EngagementFilter Any { get; } = new();
}

/// <summary>A node of the partner network: a partner country (by ISO code) or a Thai agency (by entity id).</summary>
public sealed record NetworkNode(string Id, string Label, string Kind, long? EntityId, string? Country, long Weight);

/// <summary>An edge of the partner network: how many engagements two nodes share.</summary>
public sealed record NetworkEdge(string Source, string Target, long Weight);

/// <summary>Thai agencies and partner countries linked by the engagements they share.</summary>
public sealed record NetworkGraph(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges);

/// <summary>A partner country or Thai province as a place: its engagements and the documents that name it.</summary>
public sealed record PlaceSummary(string Kind, string Code, long Engagements, long Documents);
