using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>
/// Splits normalised text into sentences. The rules, deliberately few and predictable:
/// <list type="number">
/// <item>A line break always ends a sentence.</item>
/// <item><c>.</c> ends a sentence when it is followed (after any closing quotes or brackets) by spaces
/// and then an upper-case letter (possibly after an opening quote or bracket), and the word it closes
/// is not an abbreviation (<c>Data/abbreviations.txt</c>: <c>Mr.</c>, <c>H.E.</c>, <c>พ.ศ.</c>) or an
/// initial (<c>F.</c>). Thai letters have no case, so a dot in Thai text (<c>10.30 น. ที่</c>) never
/// ends a sentence by this rule.</item>
/// <item><c>?</c> and <c>!</c> end a sentence when followed by spaces and anything but a lower-case
/// letter, Thai included (<c>ฝรั่งเศสเอาจริง! กระชับ</c>).</item>
/// <item>In Thai, spaces after a sentence-final particle (<c>Data/thai-final-particles.txt</c>: ครับ, ค่ะ)
/// end a sentence when Thai text follows. Thai writers also put spaces between clauses, names and
/// list items, so a space alone, a run of spaces, or a closing quote is not taken as an end:
/// press releases quote names mid-sentence (<c>“คาล คงขำ” “อนันต์ ลือประดิษฐ์”</c>).</item>
/// <item>A sentence never passes <see cref="MaxChars"/> characters: a longer run with no end (a page
/// pasted as one line, a Thai paragraph without particles) is cut at the last space before the cap,
/// else at the last word boundary, so the stages after see units of bounded length and their work
/// stays linear in the document.</item>
/// </list>
/// Sentences are trimmed of surrounding white space; empty ones are dropped. Immutable and thread-safe.
/// </summary>
public sealed class SentenceSplitter
{
    private static readonly Lazy<SentenceSplitter> LazyDefault = new(() => new SentenceSplitter(
        Loading.EmbeddedWordList.Lines("Segmentation/Data/abbreviations.txt"),
        Loading.EmbeddedWordList.Lines("Segmentation/Data/thai-final-particles.txt")));

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _abbreviationLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _particleLookup;

    public SentenceSplitter(IEnumerable<string> abbreviations, IEnumerable<string> finalParticles)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        ArgumentNullException.ThrowIfNull(finalParticles);
        _abbreviationLookup = abbreviations.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _particleLookup = finalParticles.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The longest sentence, in UTF-16 characters; twice the longest line of any annotated page.</summary>
    public const int MaxChars = 2_000;

    /// <summary>The splitter with the embedded abbreviation and particle lists.</summary>
    public static SentenceSplitter Default => LazyDefault.Value;

    /// <summary>Sentences of <paramref name="text"/>; <paramref name="tokens"/> are its words from <see cref="WordBreaker"/>.</summary>
    public IReadOnlyList<TextSpan> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<TextSpan>();
        var start = 0;
        var token = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsLineBreak(c))
            {
                Add(text, tokens, sentences, start, i);
                start = i + 1;
            }
            else if (c is '.' or '?' or '!')
            {
                var end = EndAfterTerminator(text, i);
                if (end > 0)
                {
                    Add(text, tokens, sentences, start, end);
                    start = end;
                    i = end - 1;
                }
            }
            else if (IsSpace(c) && i > start && !char.IsWhiteSpace(text[i - 1])
                && i + 1 < text.Length && FollowsFinalParticle(text, tokens, i, ref token))
            {
                Add(text, tokens, sentences, start, i);
                start = i;
            }
        }

        Add(text, tokens, sentences, start, text.Length);
        return sentences;
    }

    /// <summary>Where the sentence ends if the terminator at <paramref name="at"/> ends one, else 0.</summary>
    private int EndAfterTerminator(string text, int at)
    {
        var end = at + 1;
        while (end < text.Length && (text[end] is '.' or '?' or '!' || IsClosing(text[end])))
        {
            end++;
        }

        if (end == text.Length)
        {
            return end;
        }

        var next = end;
        while (next < text.Length && IsSpace(text[next]))
        {
            next++;
        }

        if (next == end || next == text.Length || IsLineBreak(text[next]))
        {
            // No space after it ("10.30", "H.E"), or the line ends anyway.
            return 0;
        }

        while (next + 1 < text.Length && IsOpening(text[next]))
        {
            next++;
        }

        var following = text[next];
        if (text[at] != '.')
        {
            return char.IsLower(following) ? 0 : end;
        }

        return char.IsUpper(following) && !IsAbbreviation(text, at) ? end : 0;
    }

    private bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (start < dot && IsOpening(text[start]))
        {
            start++;
        }

        var word = text.AsSpan(start, dot + 1 - start);
        return (word.Length == 2 && char.IsUpper(word[0])) || _abbreviationLookup.Contains(word);
    }

    /// <summary>Whether the word token ending at <paramref name="at"/> is a final particle and Thai follows the spaces.</summary>
    private bool FollowsFinalParticle(string text, IReadOnlyList<Token> tokens, int at, ref int token)
    {
        while (token < tokens.Count && tokens[token].End < at)
        {
            token++;
        }

        if (token == tokens.Count || tokens[token].End != at || tokens[token].Kind != TokenKind.Word
            || !_particleLookup.Contains(text.AsSpan(tokens[token].Start, tokens[token].Length)))
        {
            return false;
        }

        var next = at;
        while (next < text.Length && IsSpace(text[next]))
        {
            next++;
        }

        return next < text.Length && LanguageDetector.IsThai(text[next]);
    }

    private static void Add(string text, IReadOnlyList<Token> tokens, List<TextSpan> sentences, int start, int end)
    {
        Pipeline.AnalysisBudget.ThrowIfExceeded();
        while (true)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end - start <= MaxChars)
            {
                break;
            }

            var cut = CutPoint(text, tokens, start, start + MaxChars);
            var last = cut;
            while (last > start && char.IsWhiteSpace(text[last - 1]))
            {
                last--;
            }

            sentences.Add(new TextSpan(start, last));
            start = cut;
        }

        if (end > start)
        {
            sentences.Add(new TextSpan(start, end));
        }
    }

    /// <summary>
    /// Where an over-long sentence from <paramref name="start"/> is cut, at or before <paramref name="limit"/>:
    /// after the last space in the second half, else at the last word that starts there, else at the limit
    /// (never between the halves of a surrogate pair).
    /// </summary>
    internal static int CutPoint(string text, IReadOnlyList<Token> tokens, int start, int limit)
    {
        var half = start + ((limit - start) / 2);
        for (var i = limit; i > half; i--)
        {
            if (char.IsWhiteSpace(text[i - 1]))
            {
                return i;
            }
        }

        var (lo, hi) = (0, tokens.Count);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (tokens[mid].Start <= limit)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo > 0 && tokens[lo - 1].Start > half)
        {
            return tokens[lo - 1].Start;
        }

        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    internal static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) && !IsLineBreak(c);

    private static bool IsClosing(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '»' or '›';

    private static bool IsOpening(char c) => c is '"' or '\'' or '(' or '[' or '“' or '‘' or '«' or '‹';
}
