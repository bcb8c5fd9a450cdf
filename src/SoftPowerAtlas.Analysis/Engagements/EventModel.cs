using SoftPowerAtlas.Analysis.Learning;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// The learned part of the event decision: two averaged perceptrons over an anchor's features, one
/// deciding whether the date is an engagement's, one its type. <c>atlas train</c> trains them on the
/// development pages of the annotated corpora and measures them beside <see cref="EventRules"/> by
/// cross-validation; the product ships the pair trained on all development pages
/// (<c>Data/event-is-engagement.tsv</c>, <c>Data/event-type.tsv</c>) and asks it where the rules find
/// no engagement (<see cref="RulesThenModel"/>).
/// </summary>
public sealed class EventModel : IEventDecider
{
    /// <summary>The embedded weights' file names, as <c>atlas train --out</c> writes them.</summary>
    public const string IsEventFile = "event-is-engagement.tsv";

    /// <inheritdoc cref="IsEventFile"/>
    public const string TypeFile = "event-type.tsv";

    private static readonly Lazy<EventModel> LazyDefault = new(() => new EventModel(Embedded(IsEventFile), Embedded(TypeFile)));

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

    /// <summary>The model shipped with the product.</summary>
    public static EventModel Default => LazyDefault.Value;

    public AveragedPerceptron IsEvent { get; }

    public AveragedPerceptron Type { get; }

    /// <summary>The engagement type an anchor's features call for, or null for none.</summary>
    public EngagementType? Classify(IEnumerable<string> features)
    {
        var list = features as IReadOnlyCollection<string> ?? [.. features];
        return IsEvent.Predict(list).Label == None ? null : EngagementTypeNames.FromContract(Type.Predict(list).Label);
    }

    EngagementType? IEventDecider.Decide(EventAnchor anchor) => Classify(anchor.Features);

    private static AveragedPerceptron Embedded(string file)
    {
        var name = "Engagements/Data/" + file;
        var assembly = typeof(EventModel).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded data file {name} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return AveragedPerceptron.Read(reader, name);
    }
}
