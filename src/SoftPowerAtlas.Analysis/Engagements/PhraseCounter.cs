using System.Globalization;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Counts occurrences of trigger phrases in a span of text: Thai phrases anywhere, Latin phrases
/// case-insensitively on word boundaries. Shared by the event-type and sector taggers.
/// </summary>
internal sealed class PhraseCounter<TLabel>
    where TLabel : notnull
{
    private readonly (string Phrase, TLabel Label, int Weight, StringComparison Comparison)[] _phrases;

    [ThreadStatic]
    private static List<(int Phrase, int At)>? _threadFound;

    private readonly CharTrie _trie;

    public PhraseCounter(IEnumerable<(string Phrase, TLabel Label, int Weight)> phrases)
    {
        // Longest first, so "งานประชุมระดับนานาชาติ" is counted before "ประชุม" inside it. A phrase
        // with no cased letter (Thai) matches the same text either way; ordinal search is vectorised,
        // while ignore-case search for a non-ASCII phrase goes char by char and took most of extraction.
        _phrases = [.. phrases.Where(p => p.Phrase.Length > 1).OrderByDescending(p => p.Phrase.Length)
            .Select(p => (p.Phrase, p.Label, p.Weight, HasNoCase(p.Phrase) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))];

        // A trie of the phrases on folded characters, each phrase at the node where it ends: a text is read once,
        // walking from each character only as far as some phrase goes, instead of being searched once per phrase.
        var trie = new CharTrie.Builder();
        for (var i = 0; i < _phrases.Length; i++)
        {
            var phrase = _phrases[i].Phrase;
            var key = new char[phrase.Length];
            for (var k = 0; k < phrase.Length; k++)
            {
                key[k] = Fold(phrase[k]);
            }

            trie.Add(key, i);
        }

        _trie = trie.Build();
    }

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
        // within a phrase: the order in which a search per phrase finds them, so the same counts.
        List<(int Phrase, int At)>? found = null;
        for (var i = 0; i < span.Length; i++)
        {
            var node = _trie.Next(CharTrie.Root, Fold(span[i]));
            for (var j = i; node != CharTrie.None;)
            {
                foreach (var p in _trie.ValuesAt(node))
                {
                    var (phrase, _, _, comparison) = _phrases[p];
                    if (span.Slice(i, phrase.Length).Equals(phrase, comparison) && Fits(text, span, start, i, phrase, masked, isBoundary))
                    {
                        found ??= Found();
                        found.Add((p, i));
                    }
                }

                if (++j >= span.Length)
                {
                    break;
                }

                node = _trie.Next(node, Fold(span[j]));
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
            if (covered[at] || covered[at + phrase.Length - 1])
            {
                continue;
            }

            for (var k = at; k < at + phrase.Length; k++)
            {
                covered[k] = true;
            }

            scores[label] = scores.GetValueOrDefault(label) + weight;
        }

        found.Clear();
        return scores;
    }

    /// <summary>
    /// Whether an occurrence at <paramref name="at"/> in <paramref name="span"/> (which starts at <paramref name="start"/>)
    /// may count, whatever else was counted: on word boundaries (the span's ends are ones) and outside names. Checked as it is found, so that only these are kept and sorted.
    /// </summary>
    private static bool Fits(string text, ReadOnlySpan<char> span, int start, int at, string phrase, bool[]? masked, Func<int, bool>? isBoundary) =>
        OnWordBoundaries(span, at, phrase.Length)
        && (masked is null || (!masked[start + at] && !masked[start + at + phrase.Length - 1]))
        && (isBoundary is null || IsLatin(phrase[0]) || (isBoundary(start + at) && EndsWord(text, start + at + phrase.Length, isBoundary)));

    /// <summary>The occurrences list of this thread, reused from call to call (one per document sentence otherwise).</summary>
    private static List<(int Phrase, int At)> Found()
    {
        var list = _threadFound ??= [];
        list.Clear();
        return list;
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

    /// <summary>
    /// Where ordinal ignore-case search can match a phrase's character, this key is equal: the invariant
    /// upper case, from a table (a case change per character was a tenth of the count), shared by every
    /// counter (a static of this generic class is one more lookup per character in shared code). Only a
    /// filter: a match is then checked as written.
    /// </summary>
    private static char Fold(char c) => InvariantCase.ToUpper(c);
}
