using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// The one segmentation search uses at index time (titles) and at query time (every term): Thai
/// normalisation, then ICU words with reference names kept whole, exactly as the ingest pipeline
/// produces <c>documents.segmented_text</c>. Spaces and punctuation are dropped.
/// </summary>
public static class SearchText
{
    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Words(string text) => Words(text, AtlasPipeline.Words);

    /// <summary>
    /// The words of <paramref name="text"/> as documents stored before the field lexicon hold them
    /// (<see cref="AtlasPipeline.WordsBeforeFieldWords"/>: ซอฟต์ พา ว เวอร์), for <see cref="FieldWordCompatibility"/>.
    /// </summary>
    public static IReadOnlyList<string> WordsBeforeFieldWords(string text) => Words(text, AtlasPipeline.WordsBeforeFieldWords);

    private static IReadOnlyList<string> Words(string text, WordBreaker breaker)
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
    public static string? Segmented(string? text) => text is null ? null : string.Join(' ', Words(text));
}
