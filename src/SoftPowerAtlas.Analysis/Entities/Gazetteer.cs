using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>An entry the gazetteer can find: an alias and the entity it names.</summary>
public sealed record GazetteerEntry(string Alias, EntityKind Kind, string Key, string Name, string? Country, string? NameEn)
{
    /// <summary>Match only exactly as written and only between word boundaries (risky short abbreviations).</summary>
    public bool Strict { get; init; }

    /// <summary>A news outlet or an online platform: where the text credits it as a source or names it as the channel, it is not an entity of the story.</summary>
    public bool IsMedia { get; init; }

    /// <summary>
    /// For a venue, the body that sits there: "ทำเนียบรัฐบาลแถลง", "ข่าวทำเนียบรัฐบาล" name the government
    /// by its seat; "ณ ทำเนียบรัฐบาล", "at Government House" name the place.
    /// </summary>
    public GazetteerEntry? Seat { get; init; }
}

/// <summary>
/// Finds every alias of every known entity in one pass over the text: a character trie walked from
/// each word start, longest match wins, matches must begin and end on word boundaries.
/// Latin letters are matched case-insensitively. Immutable and thread-safe once built.
/// </summary>
public sealed class Gazetteer
{
    private readonly CharTrie _trie;

    // The entries in the order added; at a node of the trie, the first one added wins.
    private readonly GazetteerEntry[] _entries;

    private Gazetteer(CharTrie trie, GazetteerEntry[] entries)
    {
        _trie = trie;
        _entries = entries;
        Count = entries.Length;
    }

    public int Count { get; }

    public static Gazetteer Build(IEnumerable<GazetteerEntry> entries)
    {
        var trie = new CharTrie.Builder();
        var added = new List<GazetteerEntry>();
        foreach (var entry in entries)
        {
            var alias = entry.Alias.Trim();
            if (alias.Length < 2)
            {
                continue;
            }

            var key = new char[alias.Length];
            for (var k = 0; k < alias.Length; k++)
            {
                key[k] = Fold(alias[k]);
            }

            // First entry for an alias wins: files are loaded in priority order.
            trie.Add(key, added.Count);
            added.Add(entry with { Alias = alias });
        }

        return new Gazetteer(trie.Build(), [.. added]);
    }

    /// <summary>
    /// All longest, non-overlapping matches. <paramref name="isBoundary"/> tells whether a position
    /// is a word boundary (from the segmenter); matches must start and end on one.
    /// </summary>
    public List<(TextSpan Span, GazetteerEntry Entry)> FindAll(string text, Func<int, bool> isBoundary)
    {
        var found = new List<(TextSpan, GazetteerEntry)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!isBoundary(i) || char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var node = CharTrie.Root;
            GazetteerEntry? best = null;
            var bestEnd = -1;
            for (var j = i; j < text.Length; j++)
            {
                node = _trie.Next(node, Fold(text[j]));
                if (node == CharTrie.None)
                {
                    break;
                }

                if (_trie.ValuesAt(node) is [var first, ..] && _entries[first] is var e && isBoundary(j + 1) && Accept(e, text, i, j + 1))
                {
                    best = e;
                    bestEnd = j + 1;
                }
            }

            if (best is not null)
            {
                found.Add((new TextSpan(i, bestEnd), best));
                i = bestEnd;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    private static bool Accept(GazetteerEntry entry, string text, int start, int end)
    {
        // A Latin alias never matches inside a longer Latin word, whatever the segmenter says.
        if (IsLatinLetter(text[start]) && start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            return false;
        }

        if (IsLatinLetter(text[end - 1]) && end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            return false;
        }

        // An acronym of up to four letters (ATTA, META) is written in capitals: "Atta" is a name, "Meta" a word;
        // and in a run of capitals ("NUAD THAI") it is a word of that run.
        if (IsShortAcronym(entry.Alias) && (!text.AsSpan(start, end - start).SequenceEqual(entry.Alias) || InCapitalRun(text, start, end)))
        {
            return false;
        }

        if (entry.Strict)
        {
            // Exactly as written (case included) and not glued to Thai letters on either side.
            if (!text.AsSpan(start, end - start).SequenceEqual(entry.Alias))
            {
                return false;
            }

            if ((start > 0 && IsThaiLetter(text[start - 1])) || (end < text.Length && IsThaiLetter(text[end])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InCapitalRun(string text, int start, int end)
    {
        static bool CapitalWord(ReadOnlySpan<char> w) => w.Length >= 2 && !w.ContainsAnyExceptInRange('A', 'Z');
        var before = text.AsSpan(0, start).TrimEnd(' ');
        var after = text.AsSpan(end).TrimStart(' ');
        var lastSpace = before.LastIndexOfAny(' ', '(', '\n');
        var nextSpace = after.IndexOfAny(' ', ')', '\n');
        var previous = start > 0 && text[start - 1] == ' ' ? before[(lastSpace + 1)..] : [];
        var next = end < text.Length && text[end] == ' ' ? (nextSpace < 0 ? after : after[..nextSpace]) : [];
        return CapitalWord(previous) || CapitalWord(next);
    }

    private static bool IsShortAcronym(string alias) =>
        alias.Length is >= 2 and <= 4 && alias.All(c => char.IsAsciiLetterUpper(c));

    internal static bool IsThaiLetter(char c) => c is >= '\u0E01' and <= '\u0E4E';

    /// <summary>Whether <paramref name="text"/> holds a Thai letter (<see cref="IsThaiLetter"/>).</summary>
    internal static bool HasThaiLetter(ReadOnlySpan<char> text) => text.ContainsAnyInRange('\u0E01', '\u0E4E');

    private static bool IsLatinLetter(char c) => c < '\u0250' && char.IsLetter(c);

    private static char Fold(char c) =>
        c < '\u0080' ? (char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c)
        : c < '\u0250' ? InvariantCase.ToLower(c) : c;
}
