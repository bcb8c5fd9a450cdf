using System.Text;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Cuts a passage of a document's clean text around its matches. Matches arrive as ranges of the
/// segmented text (words joined by single spaces, each word a substring of the clean text in order);
/// words are found again in the clean text, so the passage starts and ends on ICU word boundaries
/// and never splits a Thai word or a surrogate pair. White space inside it is folded to one space.
/// </summary>
public static class SnippetBuilder
{
    public const int DefaultLength = 180;

    /// <summary>Characters FTS5 highlight() is asked to put around a match in the segmented text.</summary>
    public const char Open = '\u0001';

    public const char Close = '\u0002';

    /// <summary>The matched ranges of the segmented text, from highlight() output marked with <see cref="Open"/> and <see cref="Close"/>.</summary>
    public static IReadOnlyList<(int Start, int End)> ReadMarks(string marked)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var ranges = new List<(int, int)>();
        var offset = 0;
        var open = -1;
        foreach (var c in marked)
        {
            if (c == Open)
            {
                open = offset;
            }
            else if (c == Close)
            {
                if (open >= 0 && offset > open)
                {
                    ranges.Add((open, offset));
                }

                open = -1;
            }
            else
            {
                offset++;
            }
        }

        return ranges;
    }

    /// <summary>
    /// A passage of <paramref name="cleanText"/> of about <paramref name="length"/> characters around
    /// the best cluster of <paramref name="matches"/> (ranges of <paramref name="segmentedText"/>), or
    /// its beginning when there is none.
    /// </summary>
    public static Snippet Build(string cleanText, string segmentedText, IReadOnlyList<(int Start, int End)> matches, int length = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(cleanText);
        ArgumentNullException.ThrowIfNull(segmentedText);
        ArgumentNullException.ThrowIfNull(matches);
        var words = Align(cleanText, segmentedText, out var aligned);
        if (!aligned)
        {
            // The clean text does not hold the words in order (a row written by hand): show the segmented text itself.
            cleanText = segmentedText;
            words = Align(segmentedText, segmentedText, out _);
        }

        if (words.Count == 0)
        {
            return Snippet.Empty;
        }

        var hits = matches.Select(m => ToClean(words, m)).Where(h => h.End > h.Start).OrderBy(h => h.Start).ToList();
        var anchor = BestCluster(hits, length);
        var first = anchor is { } a ? WordAt(words, a.Start) : 0;

        // Some context before the match, whole words only.
        var startWord = first;
        var lead = anchor is null ? 0 : length / 4;
        while (startWord > 0 && words[first].Clean - words[startWord - 1].Clean <= lead)
        {
            startWord--;
        }

        var start = words[startWord].Clean;
        var endWord = startWord;
        while (endWord + 1 < words.Count && words[endWord + 1].CleanEnd - start <= length)
        {
            endWord++;
        }

        // The anchored word is always shown, however long it is.
        endWord = Math.Max(endWord, first);
        var end = words[endWord].CleanEnd;
        return Cut(cleanText, start, end, hits);
    }

    private static Snippet Cut(string text, int start, int end, List<(int Start, int End)> hits)
    {
        var output = new StringBuilder(end - start);
        var highlights = new List<Highlight>();
        var map = new int[end - start + 1];
        var space = false;
        for (var i = start; i < end; i++)
        {
            map[i - start] = output.Length;
            if (char.IsWhiteSpace(text[i]))
            {
                if (!space)
                {
                    output.Append(' ');
                }

                space = true;
                continue;
            }

            space = false;
            output.Append(text[i]);
        }

        map[end - start] = output.Length;
        foreach (var (s, e) in hits)
        {
            if (s < start || e > end || (highlights.Count > 0 && map[s - start] < highlights[^1].Start + highlights[^1].Length))
            {
                continue;
            }

            // Pieces of one written word (ซอฟต์|พา|ว|เวอร์) that touch are shown as one highlight.
            if (highlights.Count > 0 && map[s - start] == highlights[^1].Start + highlights[^1].Length)
            {
                highlights[^1] = highlights[^1] with { Length = map[e - start] - highlights[^1].Start };
            }
            else
            {
                highlights.Add(new Highlight(map[s - start], map[e - start] - map[s - start]));
            }
        }

        return new Snippet(output.ToString(), start, end, highlights, start > 0 || end < text.Length);
    }

    /// <summary>The match followed by the most other matches within one snippet's length (the earliest on a tie).</summary>
    private static (int Start, int End)? BestCluster(List<(int Start, int End)> hits, int length)
    {
        (int, int)? best = null;
        var bestCount = 0;
        for (var i = 0; i < hits.Count; i++)
        {
            var count = 0;
            for (var j = i; j < hits.Count && hits[j].End - hits[i].Start <= length; j++)
            {
                count++;
            }

            if (count > bestCount)
            {
                (best, bestCount) = (hits[i], count);
            }
        }

        return best;
    }

    private static (int Start, int End) ToClean(List<Word> words, (int Start, int End) match)
    {
        var first = WordAtSegmented(words, match.Start);
        var last = WordAtSegmented(words, Math.Max(match.Start, match.End - 1));
        if (first < 0 || last < 0)
        {
            return (0, 0);
        }

        var start = words[first].Clean + Math.Clamp(match.Start - words[first].Segmented, 0, words[first].Length);
        var end = words[last].Clean + Math.Clamp(match.End - words[last].Segmented, 0, words[last].Length);
        return (start, end);
    }

    private static int WordAtSegmented(List<Word> words, int offset)
    {
        int lo = 0, hi = words.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (words[mid].Segmented <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && offset < words[found].Segmented + words[found].Length ? found : -1;
    }

    private static int WordAt(List<Word> words, int cleanOffset)
    {
        var index = words.FindLastIndex(w => w.Clean <= cleanOffset);
        return Math.Max(index, 0);
    }

    /// <summary>Every word of the segmented text with where it starts there and in the clean text.</summary>
    private static List<Word> Align(string clean, string segmented, out bool aligned)
    {
        var words = new List<Word>();
        var cursor = 0;
        var at = 0;
        aligned = true;
        while (at < segmented.Length)
        {
            var space = segmented.IndexOf(' ', at);
            var wordEnd = space < 0 ? segmented.Length : space;
            if (wordEnd > at)
            {
                var found = clean.AsSpan(cursor).IndexOf(segmented.AsSpan(at, wordEnd - at), StringComparison.Ordinal);
                if (found < 0)
                {
                    aligned = false;
                    return words;
                }

                words.Add(new Word(at, cursor + found, wordEnd - at));
                cursor += found + (wordEnd - at);
            }

            at = wordEnd + 1;
        }

        return words;
    }

    private readonly record struct Word(int Segmented, int Clean, int Length)
    {
        public int CleanEnd => Clean + Length;
    }
}
