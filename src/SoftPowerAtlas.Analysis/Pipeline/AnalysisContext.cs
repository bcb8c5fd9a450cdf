using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Pipeline;

/// <summary>
/// The document as the stages so far have left it: current text with its map to the original, the
/// core annotations every stage may use, and a typed bag for each feature's own results.
/// Lives for one document on one thread.
/// </summary>
public sealed class AnalysisContext
{
    private readonly Dictionary<Type, object> _features = [];
    private readonly List<string> _warnings = [];

    public AnalysisContext(SourceDocument source, TimeProvider clock)
    {
        Source = source;
        Clock = clock;
        Text = source.Body;
        Metadata = source.Metadata;
    }

    public SourceDocument Source { get; }

    public TimeProvider Clock { get; }

    /// <summary>The current text, mapped to <see cref="SourceDocument.Original"/>.</summary>
    public MappedText Text { get; set; }

    public DocumentMetadata Metadata { get; set; }

    public IReadOnlyList<Token> Tokens { get; set; } = [];

    public IReadOnlyList<TextSpan> Sentences { get; set; } = [];

    public IReadOnlyList<Paragraph> Paragraphs { get; set; } = [];

    public IReadOnlyList<string> Warnings => _warnings;

    public void Warn(string message) => _warnings.Add(message);

    /// <summary>Stores a feature's result (dates, entities...), one value per type.</summary>
    public void Set<T>(T value)
        where T : class => _features[typeof(T)] = value;

    public T? Get<T>()
        where T : class => _features.TryGetValue(typeof(T), out var value) ? (T)value : null;

    internal IReadOnlyDictionary<Type, object> Features => _features;
}
