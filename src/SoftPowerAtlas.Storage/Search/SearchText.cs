using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// The one segmentation search uses at index time (titles) and at query time (every term): Thai
/// normalisation, then the words of the host's <see cref="TextServices"/>, exactly as the ingest pipeline
/// produces <c>documents.segmented_text</c>. Spaces and punctuation are dropped. A store makes one from the
/// text services it is opened with; immutable and thread-safe.
/// </summary>
public sealed class SearchText
{
    private readonly TextServices _text;
    private readonly Lazy<ConceptNames> _concepts;

    public SearchText(TextServices text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        _concepts = new(() => new ConceptNames(text.Data, this));
    }

    /// <summary>The names of the reference data's countries, sectors and bodies, as concept search looks them up.</summary>
    internal ConceptNames Concepts => _concepts.Value;

    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<string> Words(string text) => Words(text, _text.Words);

    /// <summary>
    /// A query term's words. A prefix is a piece of a word: segmenting it would split it (เกาหล → เกา หล), so
    /// its words are only what white space separates; every other term is segmented as <see cref="Words(string)"/>.
    /// </summary>
    internal IReadOnlyList<string> Words(SearchTerm term) =>
        term.Prefix ? WellFormed(term.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries) : Words(term.Text);

    /// <summary>
    /// The words of <paramref name="text"/> as documents stored before the field lexicon hold them
    /// (<see cref="TextServices.WordsBeforeFieldWords"/>: ซอฟต์ พา ว เวอร์), for <see cref="FieldWordCompatibility"/>.
    /// </summary>
    public IReadOnlyList<string> WordsBeforeFieldWords(string text) => Words(text, _text.WordsBeforeFieldWords);

    private static List<string> Words(string text, WordBreaker breaker)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var normalised = AtlasPipeline.Normalize(MappedText.Identity(WellFormed(text))).Text;
        var words = new List<string>();
        foreach (var token in breaker.Segment(normalised))
        {
            if (token.IsWordLike)
            {
                words.Add(normalised[token.Start..token.End]);
            }
        }

        return words;
    }

    /// <summary>The text with every unpaired surrogate (half an emoji) and noncharacter (U+FFFE…) replaced by U+FFFD, which no word contains.</summary>
    public static string WellFormed(string text) => UnicodeText.Replace(text);

    /// <summary>The words of <paramref name="text"/> joined by single spaces, as segmented_text stores them; null stays null.</summary>
    public string? Segmented(string? text) => text is null ? null : string.Join(' ', Words(text));
}
