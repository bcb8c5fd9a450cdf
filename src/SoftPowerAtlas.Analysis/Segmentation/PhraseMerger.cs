using System.Numerics;
using System.Runtime.InteropServices;

namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>
/// Keeps known names (คุมะมง, กรมการพัฒนาชุมชน, ณัฏฐิญา) whole after ICU has segmented them. A phrase
/// is merged into one <see cref="TokenKind.Word"/> token when its text starts at the start of a
/// word-like token and ends at the end of one, wherever ICU cut inside it: ICU's dictionary does not
/// know foreign names and cuts them at arbitrary places (คุ|มะมง). A phrase that would start or end in
/// the middle of an ICU token is not merged, so a name is never glued to part of a neighbouring word.
/// The longest phrase starting at a token wins. Matching is ordinal (exact code units). Immutable and
/// thread-safe.
/// </summary>
public sealed class PhraseMerger
{
    private const int Root = 0;

    /// <summary>
    /// Trie edges in an open-addressing hash table keyed by (node &lt;&lt; 16) | char, -1 when empty:
    /// the lookup runs for every character tried, and a general dictionary cost the product its
    /// benchmark margin over raw ICU.
    /// </summary>
    private readonly long[] _edgeKeys;

    private readonly int[] _edgeTargets;
    private readonly int _edgeShift;

    /// <summary>For each trie node, whether a phrase ends there.</summary>
    private readonly bool[] _terminal;

    /// <summary>
    /// Builds the merger. Each whitespace-separated part of a phrase is kept whole on its own
    /// ("ณัฏฐิญา เนตยสุภา" keeps both names whole): a token never contains a space, so words stay
    /// searchable one by one. Blank entries and duplicates are ignored.
    /// </summary>
    public PhraseMerger(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var edges = new Dictionary<long, int>();
        var terminal = new List<bool> { false };
        var count = 0;
        foreach (var phrase in phrases)
        {
            if (phrase is null)
            {
                continue;
            }

            foreach (var part in phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var node = Root;
                foreach (var c in part)
                {
                    var key = Key(node, c);
                    if (!edges.TryGetValue(key, out var child))
                    {
                        child = terminal.Count;
                        terminal.Add(false);
                        edges.Add(key, child);
                    }

                    node = child;
                }

                if (!terminal[node])
                {
                    terminal[node] = true;
                    count++;
                }
            }
        }

        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, edges.Count * 2));
        _edgeShift = 64 - BitOperations.Log2((uint)capacity);
        _edgeKeys = new long[capacity];
        _edgeTargets = new int[capacity];
        Array.Fill(_edgeKeys, -1L);
        foreach (var (key, target) in edges)
        {
            var slot = Slot(key);
            while (_edgeKeys[slot] != -1L)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            _edgeKeys[slot] = key;
            _edgeTargets[slot] = target;
        }

        _terminal = [.. terminal];
        Count = count;
    }

    /// <summary>Number of distinct phrases (whitespace-free parts) kept whole.</summary>
    public int Count { get; }

    /// <summary>
    /// Merges phrases among <paramref name="tokens"/>[<paramref name="first"/>..], which must be ICU's
    /// gap-free tokens of <paramref name="text"/> with offsets relative to it.
    /// </summary>
    internal void Merge(ReadOnlySpan<char> text, List<Token> tokens, int first)
    {
        if (Count == 0)
        {
            return;
        }

        var span = CollectionsMarshal.AsSpan(tokens)[first..];
        var write = 0;
        var read = 0;
        while (read < span.Length)
        {
            var token = span[read];
            var last = token.IsWordLike ? LongestPhraseEnd(text, span, read) : read;
            span[write++] = last == read ? token : new Token(token.Start, span[last].End, TokenKind.Word);
            read = last + 1;
        }

        if (write < span.Length)
        {
            tokens.RemoveRange(first + write, span.Length - write);
        }
    }

    /// <summary>Index of the last token of the longest phrase starting at token <paramref name="from"/>, or <paramref name="from"/>.</summary>
    private int LongestPhraseEnd(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int from)
    {
        var best = from;
        var node = Root;
        var k = from;
        for (var pos = tokens[from].Start; pos < text.Length; pos++)
        {
            node = Child(node, text[pos]);
            if (node < 0)
            {
                break;
            }

            var end = pos + 1;
            while (tokens[k].End < end)
            {
                k++;
            }

            if (_terminal[node] && tokens[k].End == end && k > from && tokens[k].IsWordLike)
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>The trie node reached from <paramref name="node"/> by <paramref name="c"/>, or -1.</summary>
    private int Child(int node, char c)
    {
        var key = Key(node, c);
        var mask = _edgeKeys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var found = _edgeKeys[slot];
            if (found == key)
            {
                return _edgeTargets[slot];
            }

            if (found == -1L)
            {
                return -1;
            }
        }
    }

    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _edgeShift);

    private static long Key(int node, char c) => ((long)node << 16) | c;
}
