using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Pipeline;

/// <summary>The finished result of the pipeline for one document: immutable, safe to share.</summary>
public sealed class AnalyzedDocument
{
    // A copy, not a frozen dictionary: built once per document and read a few times, freezing cost more than it saved.
    private readonly Dictionary<Type, object> _features;

    internal AnalyzedDocument(AnalysisContext context)
    {
        Source = context.Source;
        Metadata = context.Metadata;
        Text = context.Text;
        Tokens = context.Tokens;
        Sentences = context.Sentences;
        Paragraphs = context.Paragraphs;
        Warnings = [.. context.Warnings];
        _features = new Dictionary<Type, object>(context.Features);
    }

    public SourceDocument Source { get; }

    public DocumentMetadata Metadata { get; }

    /// <summary>Cleaned, normalised text; its map points into <see cref="SourceDocument.Original"/>.</summary>
    public MappedText Text { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public IReadOnlyList<TextSpan> Sentences { get; }

    public IReadOnlyList<Paragraph> Paragraphs { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Language of the whole document: th, en or mixed, as the contract writes it.</summary>
    public string LanguageCode
    {
        get
        {
            long thai = 0, english = 0;
            foreach (var p in Paragraphs)
            {
                if (p.Language == Language.Thai)
                {
                    thai += p.Span.Length;
                }
                else if (p.Language == Language.English)
                {
                    english += p.Span.Length;
                }
                else if (p.Language == Language.Mixed)
                {
                    thai += p.Span.Length / 2;
                    english += p.Span.Length / 2;
                }
            }

            var total = thai + english;
            if (total == 0)
            {
                return "other";
            }

            return thai >= total * 0.8 ? "th" : english >= total * 0.8 ? "en" : "mixed";
        }
    }

    public T? Get<T>()
        where T : class => _features.TryGetValue(typeof(T), out var value) ? (T)value : null;

    /// <summary>Words of the text (not spaces or punctuation), as strings.</summary>
    public IEnumerable<string> Words()
    {
        foreach (var token in Tokens)
        {
            if (token.IsWordLike)
            {
                yield return Text.Text[token.Start..token.End];
            }
        }
    }
}
