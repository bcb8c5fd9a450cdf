using System.Text.Json.Serialization;
using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Analysis.Facts;

/// <summary>
/// A document's facts as they leave analysis for the store, the web and the command line: the
/// contract of shared/eval/README.md plus what the product keeps beside it (dates that refer back,
/// relative dates, every entity with its kind, spans and roles, places, evidence passages). Every
/// offset is in the file as read (UTF-16 code units, end exclusive), never in the cleaned text.
/// Built only by <see cref="From"/>; written and read only by <see cref="FactsJson"/>, which requires the
/// lists every version has written (dates, relative dates, events, commitments) and defaults the later
/// ones. Lists compare by reference (record equality): compare two of these through <see cref="FactsJson.Write"/>.
/// </summary>
public sealed record ExtractedFacts
{
    /// <summary>Path or URL the document was read from.</summary>
    public string? Source { get; init; }

    public string? Title { get; init; }

    /// <summary>Source address the text names (front matter, a "ที่มา :" line).</summary>
    public string? SourceUrl { get; init; }

    /// <summary>th, en, mixed or other.</summary>
    public string? Language { get; init; }

    /// <summary>Publication date, yyyy-MM-dd.</summary>
    public string? Published { get; init; }

    /// <summary>Dates of their own: what the contract scores.</summary>
    [JsonRequired]
    public IReadOnlyList<ExtractedDate> Dates { get; init; } = [];

    /// <summary>A day written again without its year after the full date (ครั้งที่ 1 วันที่ 26 กันยายน): it points back, it is not a new date.</summary>
    /// <remarks>
    /// Lists added after the first version are empty, not null, when older JSON lacks them: the
    /// generated reader assigns every init-only property, missing ones as null, over the initialiser.
    /// </remarks>
    public IReadOnlyList<ExtractedDate> DateReferences { get; init => field = value ?? []; } = [];

    /// <summary>Relative expressions and durations (yesterday, ภายใน 6 เดือน) with what they were resolved against.</summary>
    [JsonRequired]
    public IReadOnlyList<ExtractedDate> RelativeDates { get; init; } = [];

    [JsonRequired]
    public IReadOnlyList<ExtractedEvent> Events { get; init; } = [];

    [JsonRequired]
    public IReadOnlyList<ExtractedCommitment> Commitments { get; init; } = [];

    /// <summary>Every entity the document names (not only engagement participants), with its kind and every span.</summary>
    public IReadOnlyList<ExtractedEntity> Entities { get; init => field = value ?? []; } = [];

    /// <summary>Countries and Thai provinces the text names, engaged or not.</summary>
    public IReadOnlyList<ExtractedPlace> Places { get; init => field = value ?? []; } = [];

    /// <summary>The facts of an analysed document: the one mapping from analysis results to this model.</summary>
    public static ExtractedFacts From(AnalyzedDocument document) => FactsMapping.Map(document);
}

/// <summary>A stretch of the file as read (UTF-16 code units, end exclusive): not the cleaned text's coordinates.</summary>
public readonly record struct OriginalSpan(int Start, int End);

/// <summary>One date as written, where it is in the file and what it means (<see cref="Normalized"/>: the contract's forms).</summary>
public sealed record ExtractedDate
{
    public required string Text { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    /// <summary>YYYY[-MM[-DD[THH:MM]]], a range A/B or FY2021; null when the written date is impossible (see <see cref="Error"/>).</summary>
    public string? Normalized { get; init; }

    /// <summary>What the date is for in its sentence: event, publication, deadline, name (a date inside a building's name)…, in lower case.</summary>
    public required string Role { get; init; }

    /// <summary>Why the written date cannot be a date (31 February).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>The day a relative date (or a day and month without a year) was resolved against.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? ResolvedAgainst { get; init; }
}

/// <summary>An engagement: its contract type, date, place, sides, sectors, and the passage it was read from.</summary>
public sealed record ExtractedEvent
{
    /// <summary>meeting, mou_signing, forum_or_exhibition, training_or_seminar, announcement, visit or other.</summary>
    public required string Type { get; init; }

    /// <summary>The start of the engagement's date in contract form; null when the text does not date it.</summary>
    public string? Date { get; init; }

    public string? EndDate { get; init; }

    public string? Place { get; init; }

    /// <summary>Where the place is written in the file; absent in facts written before places carried it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OriginalSpan? PlaceSpan { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes of the foreign countries taking part.</summary>
    public required IReadOnlyList<string> PartnerCountries { get; init; }

    public required IReadOnlyList<ExtractedEntity> ThaiOrgs { get; init; }

    public required IReadOnlyList<ExtractedEntity> ForeignOrgs { get; init; }

    public required IReadOnlyList<ExtractedEntity> People { get; init; }

    public required IReadOnlyList<string> Sectors { get; init; }

    public OriginalSpan Evidence { get; init; }
}

/// <summary>An undertaking: what, by whom, due when (contract form), and the sentence it came from with its place in the file.</summary>
public sealed record ExtractedCommitment
{
    public required string What { get; init; }

    public string? Who { get; init; }

    /// <summary>The due date in contract form; a range is due when it starts, a fiscal year keeps its FY form.</summary>
    public string? Due { get; init; }

    /// <summary>The sentence as cleaned.</summary>
    public required string Text { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }
}

/// <summary>
/// An organisation, person, country, province or place with every way the document names it. As an
/// engagement's participant it carries no <see cref="Kind"/> (the document's entity list gives it).
/// </summary>
public sealed record ExtractedEntity
{
    /// <summary>The stable key shared across documents (<c>agency:dasta</c>, <c>person:…</c>, <c>country:JP</c>).</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>agency, foreign_body, organisation, division, venue, person, country, province or place.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Country { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>Each distinct way the text writes it.</summary>
    public required IReadOnlyList<string> Mentions { get; init; }

    /// <summary>Where each mention is, in order (written as <c>[start, end]</c> pairs).</summary>
    [JsonConverter(typeof(SpanPairsConverter))]
    public required IReadOnlyList<OriginalSpan> Spans { get; init; }

    /// <summary>The first role's name (written, with the next two, only for a person with roles).</summary>
    public string? Role => Roles.Count > 0 ? Roles[0].Role : null;

    /// <summary>The name of the body the first role is held in.</summary>
    public string? Organization => Roles.Count > 0 ? Roles[0].Organization?.Name : null;

    /// <summary>The key of the body the first role is held in.</summary>
    public string? OrganizationId => Roles.Count > 0 ? Roles[0].Organization?.Id : null;

    /// <summary>Every role the document gives a person, in order, once each; empty for anything else (and in JSON written before roles).</summary>
    public IReadOnlyList<ExtractedRole> Roles { get; init => field = value ?? []; } = [];

    /// <summary>The body an internal unit (a division) belongs to, when the text names it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EntityRef? Parent { get; init; }

    /// <summary>The kind a key's prefix names, for a participant (which carries none) or facts written before entities had kinds.</summary>
    public static string KindOfKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key[..Math.Max(0, key.IndexOf(':', StringComparison.Ordinal))] switch
        {
            "agency" => "agency",
            "body" => "foreign_body",
            "country" => "country",
            "province" => "province",
            "place" => "place",
            "person" => "person",
            "venue" => "venue",
            _ => "organisation",
        };
    }
}

/// <summary>A role as written beside a person (ผู้อำนวยการ อพท.), with the body it names when there is one.</summary>
public sealed record ExtractedRole
{
    public required string Role { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    public RoleBody? Organization { get; init; }
}

/// <summary>The body a role is held in: its entity (key and name) and how and where the role's text writes it.</summary>
public sealed record RoleBody
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string AsWritten { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }
}

/// <summary>Another entity of the document, by key and name.</summary>
public sealed record EntityRef
{
    public required string Id { get; init; }

    public required string Name { get; init; }
}

/// <summary>A country or Thai province named in the text: its ISO code (<c>JP</c>, <c>TH-10</c>) and where.</summary>
public sealed record ExtractedPlace
{
    /// <summary>country or province.</summary>
    public required string Kind { get; init; }

    public required string Code { get; init; }

    public required string Text { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }
}
