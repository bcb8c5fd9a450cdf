using System.Globalization;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Counts occurrences of trigger phrases in a span of text: Thai phrases anywhere, Latin phrases
/// case-insensitively on word boundaries. Shared by the event-type and sector taggers.
/// </summary>
internal sealed class PhraseCounter<TLabel>
    where TLabel : notnull
{
    /// <summary>ASCII and Thai first characters (nearly all) index an array; others a dictionary.</summary>
    private const int NearLimit = 0x0E80;

    private readonly (string Phrase, TLabel Label, int Weight, StringComparison Comparison)[] _phrases;
    private readonly int[]?[] _near;
    private readonly Dictionary<char, int[]> _far = [];

    public PhraseCounter(IEnumerable<(string Phrase, TLabel Label, int Weight)> phrases)
    {
        // Longest first, so "งานประชุมระดับนานาชาติ" is counted before "ประชุม" inside it. A phrase
        // with no cased letter (Thai) matches the same text either way; ordinal search is vectorised,
        // while ignore-case search for a non-ASCII phrase goes char by char and took most of extraction.
        _phrases = [.. phrases.Where(p => p.Phrase.Length > 1).OrderByDescending(p => p.Phrase.Length)
            .Select(p => (p.Phrase, p.Label, p.Weight, HasNoCase(p.Phrase) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))];

        // Phrases by their first character (folded), in counting order: a text is read once, trying at each
        // character only the phrases that can start there, instead of searching the text once per phrase.
        var byFirst = new Dictionary<char, List<int>>();
        for (var i = 0; i < _phrases.Length; i++)
        {
            var key = FoldFirst(_phrases[i].Phrase[0]);
            if (!byFirst.TryGetValue(key, out var list))
            {
                byFirst[key] = list = [];
            }

            list.Add(i);
        }

        _near = new int[NearLimit][];
        foreach (var (key, list) in byFirst)
        {
            if (key < NearLimit)
            {
                _near[key] = [.. list];
            }
            else
            {
                _far[key] = [.. list];
            }
        }
    }

    private int[]? StartingWith(char c)
    {
        var key = FoldFirst(c);
        return key < NearLimit ? _near[key] : _far.GetValueOrDefault(key);
    }

    /// <summary>
    /// Where ordinal ignore-case search can match a phrase's first character, this key is equal: the invariant
    /// upper case (Thai has no case; ASCII needs no table).
    /// </summary>
    private static char FoldFirst(char c) =>
        c < '\u0080' ? (char.IsAsciiLetterLower(c) ? (char)(c - 32) : c)
        : c is >= '\u0E00' and < '\u0E80' ? c : char.ToUpperInvariant(c);

    /// <summary>Weighted counts per label in [start, end); characters where <paramref name="masked"/> is true are not read.</summary>
    /// <paramref name="isBoundary"/>, when given, is where words begin and end: a Thai phrase must start and end on one,
    /// so ละคร is not found in แต่ละครั้ง.
    public Dictionary<TLabel, int> Count(string text, int start, int end, bool[]? masked = null, Func<int, bool>? isBoundary = null)
    {
        var scores = new Dictionary<TLabel, int>();
        if (end <= start)
        {
            return scores;
        }

        var span = text.AsSpan(start, end - start);

        // Every occurrence of every phrase, then counted phrase by phrase (longest first) and left to right
        // within a phrase: the order in which a search per phrase would find them.
        List<(int Phrase, int At)>? found = null;
        for (var i = 0; i < span.Length; i++)
        {
            if (StartingWith(span[i]) is not { } candidates)
            {
                continue;
            }

            foreach (var p in candidates)
            {
                var (phrase, _, _, comparison) = _phrases[p];
                if (phrase.Length <= span.Length - i && span.Slice(i, phrase.Length).Equals(phrase, comparison))
                {
                    (found ??= []).Add((p, i));
                }
            }
        }

        if (found is null)
        {
            return scores;
        }

        found.Sort();
        var covered = new bool[end - start];
        foreach (var (p, at) in found)
        {
            var (phrase, label, weight, _) = _phrases[p];
            if (covered[at] || covered[at + phrase.Length - 1] || !OnWordBoundaries(span, at, phrase.Length)
                || (masked is not null && (masked[start + at] || masked[start + at + phrase.Length - 1]))
                || (isBoundary is not null && !IsLatin(phrase[0]) && (!isBoundary(start + at) || !EndsWord(text, start + at + phrase.Length, isBoundary))))
            {
                continue;
            }

            for (var k = at; k < at + phrase.Length; k++)
            {
                covered[k] = true;
            }

            scores[label] = scores.GetValueOrDefault(label) + weight;
        }

        return scores;
    }

    /// <summary>A Thai phrase ends a word where a word ends, or just before the ฯ that shortens it ("สัมมนาฯ").</summary>
    private static bool EndsWord(string text, int end, Func<int, bool> isBoundary) =>
        isBoundary(end) || (end < text.Length && text[end] == '\u0E2F' && isBoundary(end + 1));

    private static bool OnWordBoundaries(ReadOnlySpan<char> text, int at, int length)
    {
        if (!IsLatin(text[at]))
        {
            return true;
        }

        var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
        var after = at + length >= text.Length || !char.IsLetterOrDigit(text[at + length])
            || (char.ToLower(text[at + length], CultureInfo.InvariantCulture) == 's' && (at + length + 1 >= text.Length || !char.IsLetter(text[at + length + 1])));
        return before && after;
    }

    /// <summary>Thai letters, marks and digits, and ASCII that is not a letter: no character folds onto them.</summary>
    private static bool HasNoCase(string phrase) =>
        phrase.All(c => c is >= '\u0E00' and <= '\u0E7F' || (char.IsAscii(c) && !char.IsAsciiLetter(c)));

    private static bool IsLatin(char c) => c < '\u0250' && char.IsLetter(c);
}
