using SoftPowerAtlas.Analysis.Learning;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// A learned alternative to <see cref="EventRules"/>: two averaged perceptrons over an anchor's
/// features, one deciding whether the date is an engagement's, one its type. <c>atlas train</c>
/// trains them on annotated pages and measures them beside the rules by cross-validation; the
/// pipeline takes one in place of the rules when given (<see cref="ExtractionStage"/>).
/// </summary>
public sealed class EventModel : IEventDecider
{
    /// <summary>The label for "no engagement on this date".</summary>
    public const string None = "none";

    /// <summary>Every label, <see cref="None"/> first.</summary>
    public static readonly IReadOnlyList<string> Labels =
        [None, .. Enum.GetValues<EngagementType>().Select(t => t.ToContract())];

    public EventModel(AveragedPerceptron isEvent, AveragedPerceptron type)
    {
        if (isEvent.Classes.Count != 2 || isEvent.Classes[0] != None)
        {
            throw new ArgumentException($"the first model must choose between '{None}' and one other class", nameof(isEvent));
        }

        IsEvent = isEvent;
        Type = type;
    }

    public AveragedPerceptron IsEvent { get; }

    public AveragedPerceptron Type { get; }

    /// <summary>The engagement type an anchor's features call for, or null for none.</summary>
    public EngagementType? Classify(IEnumerable<string> features)
    {
        var list = features as IReadOnlyCollection<string> ?? [.. features];
        return IsEvent.Predict(list).Label == None ? null : EngagementTypeNames.FromContract(Type.Predict(list).Label);
    }

    EngagementType? IEventDecider.Decide(EventAnchor anchor) => Classify(anchor.Features);
}
