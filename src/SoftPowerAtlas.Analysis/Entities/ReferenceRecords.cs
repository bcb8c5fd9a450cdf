using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>How strictly a name may be matched in text.</summary>
public enum NameMatch : byte
{
    /// <summary>Normalised matching (case, spacing) is safe.</summary>
    Normal,

    /// <summary>Written <c>=X</c>: short or word-like; match exactly as written (case, dots), whole token only.</summary>
    Exact,

    /// <summary>Written <c>^X</c>: also an everyday word, person or Thai place; match only with a prefix or context.</summary>
    Contextual,
}

/// <summary>A name or alias as written in reference data, with how strictly it may be matched.</summary>
public readonly record struct NameForm(string Text, NameMatch Match)
{
    /// <summary>Parses <c>X</c>, <c>=X</c> or <c>^X</c>; fails on an empty name.</summary>
    public static bool TryParse(string raw, out NameForm form)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var match = raw.StartsWith('=') ? NameMatch.Exact : raw.StartsWith('^') ? NameMatch.Contextual : NameMatch.Normal;
        var text = (match == NameMatch.Normal ? raw : raw[1..]).Trim();
        form = new NameForm(text, match);
        return text.Length > 0;
    }

    public override string ToString() => Match switch
    {
        NameMatch.Exact => "=" + Text,
        NameMatch.Contextual => "^" + Text,
        _ => Text,
    };
}

/// <summary>A reference entity known by several names: canonical names first, then aliases.</summary>
public interface INamedReference
{
    /// <summary>The id, ISO code or province code that identifies the entity in its file.</summary>
    string Key { get; }

    /// <summary>Every form the entity may be written in, canonical names first.</summary>
    IReadOnlyList<NameForm> Names { get; }
}

public enum AgencyKind : byte
{
    Ministry,
    Department,
    Office,
    PublicOrg,
    StateEnterprise,
    Committee,
    Subcommittee,
    Provincial,
    University,
    Private,

    /// <summary>A news outlet or agency: credited as a story's source, it is not a party to it.</summary>
    Media,

    /// <summary>A building or premises (ทำเนียบรัฐบาล): where something happens, never a party.</summary>
    Venue,
    Other,
}

/// <summary>A Thai government body, committee or Thai organisation, with its parent and main sectors.</summary>
public sealed record Agency(
    string Id,
    AgencyKind Kind,
    string NameTh,
    string NameEn,
    IReadOnlyList<NameForm> Aliases,
    string? ParentId,
    IReadOnlyList<string> Sectors) : INamedReference
{
    public string Key => Id;

    public required IReadOnlyList<NameForm> Names { get; init; }
}

/// <summary>A country or territory by ISO 3166-1 alpha-2 code, with names and demonyms.</summary>
public sealed record Country(
    string Code,
    string NameEn,
    string NameTh,
    IReadOnlyList<NameForm> Aliases,
    IReadOnlyList<NameForm> Demonyms) : INamedReference
{
    public string Key => Code;

    public required IReadOnlyList<NameForm> Names { get; init; }
}

public enum ForeignBodyKind : byte
{
    CulturalInstitute,
    TradeAgency,
    Government,
    International,
    Company,
    CityGovernment,

    /// <summary>A news agency or outlet: credited as a story's source, it is not a party to it.</summary>
    Media,

    /// <summary>An online platform (Facebook, YouTube): named as the channel something is posted on, it is not a party.</summary>
    Platform,
    Other,
}

/// <summary>A foreign cultural institute, agency, company or international organisation (no country).</summary>
public sealed record ForeignBody(
    string Id,
    string? CountryCode,
    ForeignBodyKind Kind,
    string NameEn,
    string NameTh,
    IReadOnlyList<NameForm> Aliases) : INamedReference
{
    public string Key => Id;

    public bool IsInternational => CountryCode is null;

    public required IReadOnlyList<NameForm> Names { get; init; }
}

/// <summary>A Thai province by ISO 3166-2:TH code.</summary>
public sealed record Province(string Code, string NameTh, string NameEn, IReadOnlyList<NameForm> Aliases) : INamedReference
{
    public string Key => Code;

    public required IReadOnlyList<NameForm> Names { get; init; }
}

public enum PlaceKind : byte
{
    City,
    Prefecture,
    Region,
    State,
}

/// <summary>A foreign city, prefecture, province or state.</summary>
public sealed record ForeignPlace(
    string Id,
    string CountryCode,
    PlaceKind Kind,
    string NameEn,
    string NameTh,
    IReadOnlyList<NameForm> Aliases) : INamedReference
{
    public string Key => Id;

    public required IReadOnlyList<NameForm> Names { get; init; }
}

/// <summary>Words that tie an engagement to one sector of the taxonomy.</summary>
public sealed record SectorTriggers(string Sector, IReadOnlyList<NameForm> Thai, IReadOnlyList<NameForm> English);

public enum HonorificKind : byte
{
    Title,
    MilitaryRank,
    PoliceRank,
    Academic,
    Royal,
    Religious,
    Diplomatic,
}

public enum Gender : byte
{
    Any,
    Male,
    Female,
}

/// <summary>A title or rank written before a name; <see cref="ExpandsTo"/> has several values when the form is ambiguous.</summary>
public sealed record Honorific(string Form, HonorificKind Kind, Language Language, Gender Gender, IReadOnlyList<string> ExpandsTo);

public enum RoleLevel : byte
{
    Political,
    Executive,
    Deputy,
    Senior,
    Diplomatic,
    Provincial,
    Member,
    Staff,
    Other,
}

/// <summary>A role phrase written next to a name, in its Thai and English forms.</summary>
public sealed record Role(IReadOnlyList<string> Thai, IReadOnlyList<string> English, RoleLevel Level)
{
    /// <summary>The agency the role itself names, when it names one (โฆษกรัฐบาล, "Government Spokesperson": the government's).</summary>
    public string? BodyId { get; init; }
}
