using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>Adds words, sentences and paragraphs (with their language) to the document's current text.</summary>
public sealed class SegmentationStage(WordBreaker words, SentenceSplitter? sentences = null) : IAnalysisStage
{
    private readonly WordBreaker _words = words ?? throw new ArgumentNullException(nameof(words));
    private readonly SentenceSplitter _sentences = sentences ?? SentenceSplitter.Default;

    public string Name => "segment";

    public void Run(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text.Text;
        var tokens = new List<Token>(text.Length / 4 + 1);
        _words.Segment(text, tokens);
        context.Tokens = tokens.AsReadOnly();
        var sentences = _sentences.Split(text, tokens);
        context.Sentences = sentences;
        context.Paragraphs = ParagraphSplitter.Split(text, sentences);
    }
}
