using System.Globalization;
using System.Text;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// A query's words as FTS5 MATCH expressions. Every term is segmented with <see cref="SearchText"/>
/// and written as a double-quoted FTS5 string (quotes doubled), so no user character is ever read as
/// FTS5 syntax. A quoted term of several words is a phrase; an unquoted one is a NEAR group (its
/// words within <see cref="NearDistance"/> of one another); <c>*</c> makes the last word a prefix.
/// </summary>
internal sealed record Fts5Match(
    string? Include, string? Exclude, IReadOnlyList<SearchTerm> Ignored, int ClauseCount,
    IReadOnlyList<string> IncludePhrases, IReadOnlyList<string> ExcludePhrases)
{
    /// <summary>
    /// <see cref="Include"/> as structure: its clauses (ANDed), each the alternatives (ORed) FTS5 reads
    /// there, in the same order, so their phrases are <see cref="IncludePhrases"/> in order.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<TextUnit>> IncludeUnits { get; private init; } = [];

    /// <summary><see cref="Exclude"/> as structure: its terms (ORed), so their phrases are <see cref="ExcludePhrases"/> in order.</summary>
    public IReadOnlyList<TextUnit> ExcludeUnits { get; private init; } = [];

    /// <summary>Most words allowed between the words of one unquoted term.</summary>
    public const int NearDistance = 10;

    public static Fts5Match From(SearchQuery query, SearchText text) => From(query, text, null);

    /// <summary>Most words a prefix is spelled out as by <see cref="Marking"/>; beyond that it is left as it is.</summary>
    public const int MarkingWords = 64;

    /// <summary>
    /// The included text of <paramref name="query"/> for marking instances in a document known to match
    /// it, given the document's <paramref name="words"/>: each one-word prefix term (<c>festiv*</c>)
    /// becomes the OR of the words it begins (<c>("festival" OR "festive")</c>), which marks the same
    /// instances (the stem FTS5 gives a word begins like the word) without FTS5 merging every term of the
    /// prefix over the whole index, which costs ~1 ms per hit on 100,000 documents and grows with the
    /// index. A prefix that begins none of the words, or more than <see cref="MarkingWords"/>, is left as
    /// it is. Excluded terms are left out: they have no instances in a match.
    /// </summary>
    public static string? Marking(SearchQuery query, IEnumerable<string> words, SearchText text)
    {
        ArgumentNullException.ThrowIfNull(words);
        var folded = words.Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return From(query, text, prefix =>
        {
            var start = prefix.ToLowerInvariant();
            var begun = folded.Where(w => w.StartsWith(start, StringComparison.Ordinal)).Take(MarkingWords + 1).ToList();
            return begun.Count > MarkingWords ? [] : begun;
        }).Include;
    }

    private static Fts5Match From(SearchQuery query, SearchText text, Func<string, IReadOnlyList<string>>? expand)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ignored = new List<SearchTerm>();
        var clauses = new List<string>();
        var includePhrases = new List<string>();
        var excludePhrases = new List<string>();
        var units = new List<IReadOnlyList<TextUnit>>();
        foreach (var clause in query.Clauses)
        {
            var written = clause.Alternatives.Select(t => Phrase(t, text, ignored, includePhrases, expand)).OfType<(string Text, TextUnit Unit)>().ToList();
            var alternatives = written.Select(a => a.Text).ToList();
            if (alternatives.Count > 0)
            {
                units.Add([.. written.Select(a => a.Unit)]);
            }

            if (alternatives.Count == 1)
            {
                clauses.Add(alternatives[0]);
            }
            else if (alternatives.Count > 1)
            {
                clauses.Add("(" + string.Join(" OR ", alternatives) + ")");
            }
        }

        var excludedTerms = query.Excluded.Select(t => Phrase(t, text, ignored, excludePhrases)).OfType<(string Text, TextUnit Unit)>().ToList();
        var excluded = excludedTerms.Select(t => t.Text).ToList();
        return new Fts5Match(
            clauses.Count == 0 ? null : string.Join(" AND ", clauses),
            excluded.Count == 0 ? null : string.Join(" OR ", excluded),
            ignored,
            clauses.Count,
            includePhrases,
            excludePhrases)
        {
            IncludeUnits = expand is null ? units : [],
            ExcludeUnits = expand is null ? [.. excludedTerms.Select(t => t.Unit)] : [],
        };
    }


    /// <summary>The expression a document must match: includes minus excludes (null when there are no includes).</summary>
    public string? Expression => Include is null ? null : Exclude is null ? Include : $"({Include}) NOT ({Exclude})";

    /// <summary>
    /// The FTS5 phrases of <see cref="Expression"/> in FTS5's order (left to right), each written as
    /// an expression of its own: what bm25() counts documents for.
    /// </summary>
    public IReadOnlyList<string> Phrases => [.. IncludePhrases, .. ExcludePhrases];

    /// <summary>
    /// A term as FTS5 reads it, and as the same structure (<see cref="TextUnit"/>); null when it has no
    /// words to search for.
    /// </summary>
    private static (string Text, TextUnit Unit)? Phrase(
        SearchTerm term, SearchText text, List<SearchTerm> ignored, List<string> phrases, Func<string, IReadOnlyList<string>>? expand = null)
    {
        var words = WordsOf(term, text);
        if (words.Count == 0)
        {
            ignored.Add(term);
            return null;
        }

        // Quoted: an exact phrase. Unquoted with several words (a Thai run such as ภาพยนตร์เกาหลี,
        // or T-pop): every word, near one another, so ภาพยนตร์ร่วมทุนไทย-เกาหลี matches too.
        var quoted = words.Select(Quote).ToList();
        var star = term.Prefix ? "*" : string.Empty;
        var single = new TextUnit([string.Join(' ', words)], 0, term.Prefix);
        if (words.Count == 1 && term.Prefix && expand?.Invoke(words[0]) is { Count: > 0 } begun)
        {
            return ("(" + string.Join(" OR ", begun.Select(Quote)) + ")", single);
        }

        if (words.Count == 1)
        {
            phrases.Add(quoted[0] + star);
            return (quoted[0] + star, single);
        }

        if (term.Quoted)
        {
            var phrase = "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + star;
            phrases.Add(phrase);
            return (phrase, single);
        }

        quoted[^1] += star;
        phrases.AddRange(quoted);
        var distance = Math.Max(NearDistance, 2 * words.Count);
        return (string.Create(CultureInfo.InvariantCulture, $"NEAR({string.Join(' ', quoted)}, {distance})"), new TextUnit(words, distance, term.Prefix));
    }

    /// <summary>A term's words FTS5 keeps (<see cref="SearchText.Words(SearchTerm)"/>); FTS5 tokenizes a prefix's inside the quotes.</summary>
    private static List<string> WordsOf(SearchTerm term, SearchText text) => text.Words(term).Where(Indexable).ToList();

    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Whether the FTS5 tokenizer (unicode61, categories L* N* Co M*) keeps any character of the word.</summary>
    internal static bool Indexable(string word)
    {
        foreach (var rune in word.EnumerateRunes())
        {
            if (TokenRune(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The runs of characters the FTS5 tokenizer keeps in <paramref name="text"/>, as it splits them.</summary>
    internal static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        var at = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!TokenRune(rune))
            {
                if (start >= 0)
                {
                    yield return text[start..at];
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = at;
            }

            at += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            yield return text[start..];
        }
    }

    private static bool TokenRune(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

/// <summary>
/// One alternative of a clause: its phrases (each the text inside one pair of FTS5 quotes) and, for an
/// unquoted term of several words, the NEAR distance between them (0: a single phrase); whether the
/// last word is a prefix.
/// </summary>
internal sealed record TextUnit(IReadOnlyList<string> Phrases, int Near, bool Prefix);
