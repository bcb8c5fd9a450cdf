using SoftPowerAtlas.Analysis.Learning;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// The learned part of engagement extraction: for each <see cref="EventAnchor"/>, whether an
/// engagement happens on that date and of which type, from the anchor's features. The weights are
/// trained by <c>atlas train</c> on the development pages of the annotated corpora and shipped as
/// <c>Engagements/Data/event-model.tsv</c>.
/// </summary>
public sealed class EventModel : IEventDecider
{
    /// <summary>The label for "no engagement on this date".</summary>
    public const string None = "none";

    internal const string ResourceName = "Engagements/Data/event-model.tsv";

    /// <summary>Every label, <see cref="None"/> first (the choice when nothing is known).</summary>
    public static readonly IReadOnlyList<string> Labels =
        [None, .. Enum.GetValues<EngagementType>().Select(t => t.ToContract())];

    private static readonly Lazy<EventModel> LazyDefault = new(() =>
    {
        var assembly = typeof(EventModel).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded data file {ResourceName} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return new EventModel(AveragedPerceptron.Read(reader, ResourceName));
    });

    public EventModel(AveragedPerceptron weights)
    {
        if (weights.Classes.Count == 0 || weights.Classes[0] != None)
        {
            throw new ArgumentException($"an event model's first class must be '{None}'", nameof(weights));
        }

        Weights = weights;
    }

    /// <summary>The model shipped with the product.</summary>
    public static EventModel Default => LazyDefault.Value;

    public AveragedPerceptron Weights { get; }

    EngagementType? IEventDecider.Decide(EventAnchor anchor) => Classify(anchor.Features);

    /// <summary>The engagement type an anchor's features call for, or null for none.</summary>
    public EngagementType? Classify(IEnumerable<string> features)
    {
        var (label, _) = Weights.Predict(features);
        return label == None ? null : EngagementTypeNames.FromContract(label);
    }
}
