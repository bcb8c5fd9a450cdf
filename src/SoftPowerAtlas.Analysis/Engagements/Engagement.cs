using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>Kinds of engagement, as the output contract names them.</summary>
public enum EngagementType : byte
{
    Meeting,
    MouSigning,
    ForumOrExhibition,
    TrainingOrSeminar,
    Announcement,
    Visit,
    Other,
}

/// <summary>One entity of a document with every way the document names it.</summary>
public sealed record ResolvedEntity(string Key, string Name, EntityKind Kind, string? Country, IReadOnlyList<string> Aliases, IReadOnlyList<EntityMention> Mentions)
{
    public bool IsOrganization => Kind is EntityKind.ThaiOrganization or EntityKind.ForeignOrganization or EntityKind.InternationalOrganization;

    /// <summary>For a person, every role the document gives them, in order, once each.</summary>
    public IReadOnlyList<PersonRole> Roles => [.. Mentions.Select(m => m.Position).OfType<PersonRole>().DistinctBy(r => (r.Role, r.Organization?.Key))];
}

/// <summary>
/// An engagement a document reports: who met whom, when, where, about what. <see cref="Evidence"/>
/// is the passage it was read from (a span of the normalised text).
/// </summary>
public sealed record Engagement(
    EngagementType Type,
    DateMention? Date,
    TextSpan Evidence,
    string? Place,
    IReadOnlyList<ResolvedEntity> ThaiSide,
    IReadOnlyList<ResolvedEntity> ForeignSide,
    IReadOnlyList<ResolvedEntity> People,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Sectors)
{
    /// <summary>Where <see cref="Place"/> is written, in the normalised text.</summary>
    public TextSpan? PlaceSpan { get; init; }
}

/// <summary>
/// A promise or plan: what, by whom, due when. <see cref="Passage"/> is the clause that states it (a
/// sentence, or the part of one that holds this undertaking), in the normalised text.
/// </summary>
public sealed record Commitment(string What, string? Who, DateMention? Due, TextSpan Passage)
{
    /// <summary>When it is due, in the contract's form: a period by its end, an event by its first day, <c>FY2025</c>.</summary>
    public string? DueValue { get; init; }
}

/// <summary>Everything extraction found in one document (spans in the normalised text).</summary>
public sealed record DocumentFacts(
    IReadOnlyList<EntityMention> Mentions,
    IReadOnlyList<ResolvedEntity> Entities,
    IReadOnlyList<Engagement> Engagements,
    IReadOnlyList<Commitment> Commitments);

public static class EngagementTypeNames
{
    public static string ToContract(this EngagementType type) => type switch
    {
        EngagementType.Meeting => "meeting",
        EngagementType.MouSigning => "mou_signing",
        EngagementType.ForumOrExhibition => "forum_or_exhibition",
        EngagementType.TrainingOrSeminar => "training_or_seminar",
        EngagementType.Announcement => "announcement",
        EngagementType.Visit => "visit",
        _ => "other",
    };

    public static EngagementType FromContract(string name) => name switch
    {
        "meeting" => EngagementType.Meeting,
        "mou_signing" => EngagementType.MouSigning,
        "forum_or_exhibition" => EngagementType.ForumOrExhibition,
        "training_or_seminar" => EngagementType.TrainingOrSeminar,
        "announcement" => EngagementType.Announcement,
        "visit" => EngagementType.Visit,
        _ => EngagementType.Other,
    };
}
