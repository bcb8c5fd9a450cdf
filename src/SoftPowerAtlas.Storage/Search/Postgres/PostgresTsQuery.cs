using System.Globalization;
using System.Text;

namespace SoftPowerAtlas.Storage.Search.Postgres;

/// <summary>
/// A query's words as PostgreSQL <c>tsquery</c> text, bound as one parameter and cast by the server.
/// Every term is segmented with <see cref="SearchText"/> and split into lexemes by
/// <see cref="PostgresLexemes"/> exactly as the index was; each lexeme is written single-quoted with
/// quotes and backslashes escaped, so no user character is ever read as tsquery syntax
/// (<c>&amp; | ! ( ) : * &lt;-&gt;</c>). A quoted term is a phrase (<c>&lt;-&gt;</c>); an unquoted one of
/// several words needs each word within <see cref="Fts5Match.NearDistance"/> words of the next, in
/// either order (tsquery has no NEAR, so each pair is an OR of distances); <c>*</c> makes the last
/// lexeme a prefix (<c>:*</c>).
/// </summary>
internal sealed record PostgresTsQuery(string? Include, string? Exclude, IReadOnlyList<SearchTerm> Ignored, IReadOnlyList<TermPattern> Patterns)
{
    public static PostgresTsQuery From(SearchQuery query, SearchText text)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(text);
        var ignored = new List<SearchTerm>();
        var patterns = new List<TermPattern>();
        var clauses = new List<string>();
        foreach (var clause in query.Clauses)
        {
            var alternatives = clause.Alternatives.Select(t => Term(t, text, ignored, patterns)).OfType<string>().ToList();
            if (alternatives.Count > 0)
            {
                clauses.Add(alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" | ", alternatives) + ")");
            }
        }

        var excluded = query.Excluded.Select(t => Term(t, text, ignored, null)).OfType<string>().ToList();
        return new PostgresTsQuery(
            clauses.Count == 0 ? null : string.Join(" & ", clauses),
            excluded.Count == 0 ? null : string.Join(" | ", excluded),
            ignored,
            patterns);
    }

    /// <summary>What a document must match: includes and not excludes (null when there are no includes).</summary>
    public string? Expression => Include is null ? null : Exclude is null ? Include : $"({Include}) & !({Exclude})";

    /// <summary>
    /// Ranges of <paramref name="segmentedText"/> where a searched word or phrase occurs, in order, for
    /// snippets; a word of an unquoted run only where the next or previous word of the run is near it.
    /// </summary>
    public IReadOnlyList<(int Start, int End)> Matches(string segmentedText)
    {
        if (Patterns.Count == 0)
        {
            return [];
        }

        var pieces = PostgresLexemes.Split(segmentedText);
        var found = new List<(int First, int Count)>();
        foreach (var term in Patterns)
        {
            var at = term.Words.Select(w => Enumerable.Range(0, pieces.Count).Where(i => w.MatchesAt(pieces, i)).ToList()).ToList();
            for (var k = 0; k < term.Words.Count; k++)
            {
                foreach (var i in at[k])
                {
                    if (term.Words.Count == 1 || Near(at, k - 1, i, term.Distance) || Near(at, k + 1, i, term.Distance))
                    {
                        found.Add((i, term.Words[k].Lexemes.Count));
                    }
                }
            }
        }

        var ranges = new List<(int Start, int End)>();
        var next = 0;
        foreach (var (first, count) in found.OrderBy(f => f.First).ThenByDescending(f => f.Count))
        {
            if (first >= next)
            {
                ranges.Add((pieces[first].Start, pieces[first + count - 1].End));
                next = first + count;
            }
        }

        return ranges;
    }

    private static bool Near(List<List<int>> at, int word, int piece, int distance) =>
        word >= 0 && word < at.Count && at[word].Exists(j => Math.Abs(j - piece) <= distance);

    private static string? Term(SearchTerm term, SearchText text, List<SearchTerm> ignored, List<TermPattern>? patterns)
    {
        var words = text.Words(term)
            .Select(PostgresLexemes.Of)
            .Where(l => l.Count > 0)
            .ToList();
        if (words.Count == 0)
        {
            ignored.Add(term);
            return null;
        }

        if (term.Quoted || words.Count == 1)
        {
            var all = words.SelectMany(w => w).ToList();
            patterns?.Add(new TermPattern([new LexemePattern(all, term.Prefix)], 0));
            return Phrase(all, term.Prefix);
        }

        // A Thai run typed without spaces (ภาพยนตร์เกาหลี) or T-pop: every word, each near the next.
        var phrases = words.Select((w, i) => Phrase(w, term.Prefix && i == words.Count - 1)).ToList();
        var distance = Math.Max(Fts5Match.NearDistance, 2 * words.Count) + 1;
        patterns?.Add(new TermPattern([.. words.Select((w, i) => new LexemePattern(w, term.Prefix && i == words.Count - 1))], distance));
        var pairs = new List<string>(words.Count - 1);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var near = new StringBuilder("(");
            for (var d = 1; d <= distance; d++)
            {
                near.Append(CultureInfo.InvariantCulture, $"{(d == 1 ? string.Empty : " | ")}{phrases[i]} <{d}> {phrases[i + 1]} | {phrases[i + 1]} <{d}> {phrases[i]}");
            }

            pairs.Add(near.Append(')').ToString());
        }

        return pairs.Count == 1 ? pairs[0] : "(" + string.Join(" & ", pairs) + ")";
    }

    private static string Phrase(IReadOnlyList<string> lexemes, bool prefix)
    {
        var quoted = lexemes.Select(Quote).ToList();
        if (prefix)
        {
            quoted[^1] += ":*";
        }

        return quoted.Count == 1 ? quoted[0] : "(" + string.Join(" <-> ", quoted) + ")";
    }

    /// <summary>A lexeme as tsquery input reads it literally: in single quotes, with quotes doubled and backslashes escaped.</summary>
    internal static string Quote(string lexeme) =>
        "'" + lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>What one term highlights: one word or phrase, or the words of an unquoted run, each within <see cref="Distance"/> pieces of the next.</summary>
internal sealed record TermPattern(IReadOnlyList<LexemePattern> Words, int Distance);

/// <summary>Lexemes that must follow one another in the index (one word, or a phrase); the last may be a prefix.</summary>
internal sealed record LexemePattern(IReadOnlyList<string> Lexemes, bool Prefix)
{
    public bool MatchesAt(List<PostgresLexemes.Piece> pieces, int at)
    {
        if (at + Lexemes.Count > pieces.Count)
        {
            return false;
        }

        for (var j = 0; j < Lexemes.Count; j++)
        {
            var lexeme = pieces[at + j].Lexeme;
            var last = j == Lexemes.Count - 1;
            if (!(last && Prefix ? lexeme.StartsWith(Lexemes[j], StringComparison.Ordinal) : string.Equals(lexeme, Lexemes[j], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
