namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>What a named thing in the text is.</summary>
public enum EntityKind : byte
{
    ThaiOrganization,
    ForeignOrganization,
    InternationalOrganization,
    Country,
    Province,
    ForeignPlace,
    Person,

    /// <summary>An internal unit of a body (กอง…, กลุ่มงาน…, "CEA Communications Department"): see <see cref="EntityMention.Parent"/>.</summary>
    Division,

    /// <summary>A building or premises (ทำเนียบรัฐบาล, "Emirates Golf Club" after "at the"): a place, never a party.</summary>
    Venue,
}

/// <summary>How a mention was found: from reference data or by a pattern in the text.</summary>
public enum MentionSource : byte
{
    Reference,
    Pattern,
}

/// <summary>
/// One place in the normalised text where a named thing is mentioned. <see cref="Key"/> identifies the
/// entity (a reference id such as <c>agency:dasta</c>, or a key derived from the name for new ones).
/// </summary>
public sealed record EntityMention(
    Text.TextSpan Span,
    string Text,
    EntityKind Kind,
    string Key,
    string Name,
    string? Country,
    MentionSource Source)
{
    /// <summary>A person named by the given name alone (คุณสมชาย): joins a full name it begins, never reported alone.</summary>
    public bool GivenNameOnly { get; init; }

    /// <summary>The role and body the sentence gives a person (ผู้อำนวยการ อพท., Ambassador of Japan).</summary>
    public PersonRole? Position { get; init; }

    /// <summary>English name from reference data, when there is one.</summary>
    public string? NameEn { get; init; }

    /// <summary>For an internal unit (<see cref="EntityKind.Division"/>), the body it belongs to when the text names it.</summary>
    public EntityMention? Parent { get; init; }

    /// <summary>For Thailand's mission abroad named by where it sits (สถานเอกอัครราชทูต ณ กรุงวอชิงตัน), that place's country: the host of its events.</summary>
    public string? HostCountry { get; init; }

    /// <summary>A mention that refers back to a person named elsewhere in the text ("the Ambassador", "ท่านทูต").</summary>
    public bool IsCoreference { get; init; }

    public bool IsOrganization => Kind is EntityKind.ThaiOrganization or EntityKind.ForeignOrganization or EntityKind.InternationalOrganization;
}
