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
internal sealed record PostgresTsQuery(string? Include, string? Exclude, IReadOnlyList<SearchTerm> Ignored, IReadOnlyList<LexemePattern> Patterns)
{
    public static PostgresTsQuery From(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ignored = new List<SearchTerm>();
        var patterns = new List<LexemePattern>();
        var clauses = new List<string>();
        foreach (var clause in query.Clauses)
        {
            var alternatives = clause.Alternatives.Select(t => Term(t, ignored, patterns)).OfType<string>().ToList();
            if (alternatives.Count > 0)
            {
                clauses.Add(alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" | ", alternatives) + ")");
            }
        }

        var excluded = query.Excluded.Select(t => Term(t, ignored, null)).OfType<string>().ToList();
        return new PostgresTsQuery(
            clauses.Count == 0 ? null : string.Join(" & ", clauses),
            excluded.Count == 0 ? null : string.Join(" | ", excluded),
            ignored,
            patterns);
    }

    /// <summary>What a document must match: includes and not excludes (null when there are no includes).</summary>
    public string? Expression => Include is null ? null : Exclude is null ? Include : $"({Include}) & !({Exclude})";

    /// <summary>Ranges of <paramref name="segmentedText"/> where a searched word or phrase occurs, in order, for snippets.</summary>
    public IReadOnlyList<(int Start, int End)> Matches(string segmentedText)
    {
        if (Patterns.Count == 0)
        {
            return [];
        }

        var pieces = PostgresLexemes.Split(segmentedText);
        var ranges = new List<(int Start, int End)>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var longest = 0;
            foreach (var pattern in Patterns)
            {
                if (pattern.Lexemes.Count > longest && pattern.MatchesAt(pieces, i))
                {
                    longest = pattern.Lexemes.Count;
                }
            }

            if (longest > 0)
            {
                ranges.Add((pieces[i].Start, pieces[i + longest - 1].End));
                i += longest - 1;
            }
        }

        return ranges;
    }

    private static string? Term(SearchTerm term, List<SearchTerm> ignored, List<LexemePattern>? patterns)
    {
        // A prefix is a piece of a word: segmenting it would split it (เกาหล → เกา หล), so its words
        // are only what white space separates (as Fts5Match does).
        var words = (term.Prefix ? SearchText.WellFormed(term.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries) : SearchText.Words(term.Text))
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
            patterns?.Add(new LexemePattern(all, term.Prefix));
            return Phrase(all, term.Prefix);
        }

        // A Thai run typed without spaces (ภาพยนตร์เกาหลี) or T-pop: every word, each near the next.
        var phrases = words.Select((w, i) => Phrase(w, term.Prefix && i == words.Count - 1)).ToList();
        patterns?.AddRange(words.Select((w, i) => new LexemePattern(w, term.Prefix && i == words.Count - 1)));
        var distance = Math.Max(Fts5Match.NearDistance, 2 * words.Count) + 1;
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
