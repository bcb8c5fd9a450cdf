namespace SoftPowerAtlas.Storage.Facts;

/// <summary>
/// Where a fact was read: the document (id, path it was ingested from, the address the text gives)
/// and the UTF-16 offsets of the passage in its original text, end exclusive.
/// </summary>
public sealed record SourceRef(long DocumentId, string Path, string? Url, string? Title, int Start, int End)
{
    /// <summary>The address a reader can open: the page's URL when the text gives one, else the file it was read from.</summary>
    public string Location => Url ?? Path;

    /// <summary>SHA-256 of the document's text: names the document across re-ingests (stable ids in exports).</summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>The 1-based page of the original file (PDF, Word, scan) the passage starts on; null for a document without pages (text, Markdown, HTML).</summary>
    public int? Page { get; init; }
}

/// <summary>An entity taking part in an engagement: <c>thai</c>, <c>foreign</c> or <c>person</c> side.</summary>
/// <remarks>Key: Stable key, prefixed by kind (<c>agency:dasta</c>, <c>body:kofic</c>, <c>org:…</c>, <c>person:…</c>).</remarks>
public sealed record PartyRef(string Key, string Name, string Side, string? Country)
{
    /// <summary>The part of the key before the colon: agency, body, org, person.</summary>
    public string Kind => Key.IndexOf(':', StringComparison.Ordinal) is var i and > 0 ? Key[..i] : "entity";
}

/// <summary>A stored engagement with everything a timeline, a report or an export shows of it.</summary>
/// <remarks>Id: Row id: stable until the document is ingested again. 
/// Evidence: The passage it was read from, as written in the original text.</remarks>
public sealed record EngagementFact(
    long Id,
    string Type,
    FactDate? Date,
    string? Place,
    IReadOnlyList<PartyRef> Parties,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Sectors,
    string Evidence,
    SourceRef Source)
{
    /// <summary>Stable id (16 hex digits over the document's text and the passage): survives re-ingest and re-extraction; curation edits it by this.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>The engagement this report is one of (issue 25): the row id of its first stored report, its own <see cref="Id"/> when no other document reports it.</summary>
    public long Cluster
    {
        get => _cluster ?? Id;
        init => _cluster = value;
    }

    private readonly long? _cluster;
}

/// <summary>
/// A stored commitment. <paramref name="Key"/> survives re-ingest and re-extraction (it hashes the
/// document's content and the sentence, not row ids); statuses are kept against it. Countries,
/// sectors and parties come from the engagements of the same document whose passage overlaps the
/// sentence (every engagement of the document when none does).
/// </summary>
/// <remarks>DueWritten: The due date as the contract stores it (FY2025, 2024-12, 2025...), null when none was given.</remarks>
public sealed record CommitmentFact(
    long Id,
    string Key,
    string What,
    string? Who,
    string? DueWritten,
    FactDate? Due,
    IReadOnlyList<PartyRef> Parties,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Sectors,
    string Sentence,
    SourceRef Source);

/// <summary>Which engagements and commitments to read. Empty lists and nulls mean "any".</summary>
public sealed record FactFilter
{
    public static readonly FactFilter All = new();

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Sector ids of the contract (film, food, games...).</summary>
    public IReadOnlyList<string> Sectors { get; init; } = [];

    /// <summary>Entity keys (agency:dasta); an engagement matches when one is a party, a commitment also when it is who promised.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    /// <summary>Engagement types of the contract, plus <c>commitment</c> for commitments.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>First day of the period (inclusive).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only facts of these documents (empty: all): how a timeline page loads just its rows.</summary>
    public IReadOnlyList<long> Documents { get; init; } = [];

    public bool HasDates => From is not null || To is not null;

    public bool WantsEngagements => Types.Count == 0 || Types.Any(t => t != FactTypes.Commitment);

    public bool WantsCommitments => Types.Count == 0 || Types.Contains(FactTypes.Commitment);
}

/// <summary>The kinds of fact a timeline holds, as the contract names them.</summary>
public static class FactTypes
{
    public const string Commitment = "commitment";

    /// <summary>Engagement types of the extraction contract (shared/eval/README.md).</summary>
    public static readonly IReadOnlyList<string> Engagements =
        ["meeting", "mou_signing", "visit", "forum_or_exhibition", "training_or_seminar", "announcement", "other"];

    public static readonly IReadOnlyList<string> All = [.. Engagements, Commitment];
}
