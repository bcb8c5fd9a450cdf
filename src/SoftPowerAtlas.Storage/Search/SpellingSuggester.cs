using System.Globalization;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// "Did you mean": for a query that found little, each typed word the index does not hold is replaced
/// by the index's own word nearest to it in grapheme clusters (<see cref="EditDistance.Graphemes"/>),
/// the one in more documents on a tie. Thai and English alike; a word the index holds is never
/// corrected, nor are quoted phrases, prefixes, exclusions, filters or words with digits.
/// </summary>
internal static class SpellingSuggester
{
    /// <summary>A query finding at most this many documents gets a suggestion.</summary>
    public const int FewResults = 2;

    /// <summary>Shortest word (in grapheme clusters) corrected; shorter words have too many neighbours.</summary>
    private const int ShortestWord = 4;

    /// <summary>The corrected query text, or null when no word needs (or finds) a correction.</summary>
    public static string? Suggest(SearchQuery query, IVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(query);
        var corrections = new List<(int Position, int Length, string Word)>();
        foreach (var term in query.Clauses.SelectMany(c => c.Alternatives).Where(t => !t.Quoted && !t.Prefix))
        {
            var typed = term.Text;
            var folded = typed.ToLowerInvariant();
            var length = EditDistance.Elements(folded).Count;
            if (length < ShortestWord || folded.Any(char.IsDigit) || !Fts5Match.Indexable(folded) || vocabulary.Documents(folded) > 0)
            {
                continue;
            }

            var limit = length < 5 ? 1 : 2;
            var best = vocabulary.Candidates(folded, limit)
                .Select(c => (c.Word, c.Documents, Distance: EditDistance.Graphemes(folded, c.Word, limit)))
                .Where(c => c.Distance <= limit && c.Documents > 0 && !string.Equals(c.Word, folded, StringComparison.Ordinal))
                .OrderBy(c => c.Distance).ThenByDescending(c => c.Documents).ThenBy(c => c.Word, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Word is not null)
            {
                corrections.Add((term.Position, typed.Length, LikeTyped(best.Word, typed)));
            }
        }

        if (corrections.Count == 0)
        {
            return null;
        }

        var text = query.Text;
        foreach (var (position, length, word) in corrections.OrderByDescending(c => c.Position))
        {
            if (position >= 0 && position + length <= text.Length)
            {
                text = string.Concat(text.AsSpan(0, position), word, text.AsSpan(position + length));
            }
        }

        return string.Equals(text, query.Text, StringComparison.Ordinal) ? null : text;
    }

    /// <summary>The index's (lower-case) word with a capital first letter where the user wrote one (Tokio → Tokyo).</summary>
    private static string LikeTyped(string word, string typed) =>
        char.IsUpper(typed[0]) && char.IsLower(word[0]) ? string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1)) : word;

    /// <summary>The first character of <paramref name="word"/> and the one after it, bounding the index's words that begin with it.</summary>
    internal static (string From, string Before) FirstLetterRange(string word)
    {
        var first = word[..(char.IsHighSurrogate(word[0]) && word.Length > 1 ? 2 : 1)];
        var last = first[^1];
        return (first, string.Concat(first.AsSpan(0, first.Length - 1), ((char)(last + 1)).ToString(CultureInfo.InvariantCulture)));
    }
}

/// <summary>
/// The words a store's search index holds, for <see cref="SpellingSuggester"/>: as a user would type
/// them (folded to lower case), with the number of documents holding each.
/// </summary>
internal interface IVocabulary
{
    /// <summary>How many documents hold <paramref name="word"/> as typed (0 when the index does not hold it).</summary>
    long Documents(string word);

    /// <summary>
    /// Words of the index that may lie within <paramref name="limit"/> edits of <paramref name="word"/>: those
    /// beginning with its first letter (a misspelling rarely starts wrong), with their document counts.
    /// </summary>
    IEnumerable<(string Word, long Documents)> Candidates(string word, int limit);
}
