namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Keeps stores indexed before the field lexicon searchable without re-indexing them: a typed term whose
/// words the lexicon changed (ซอฟต์พาวเวอร์, whole now, ซอฟต์ พา ว เวอร์ before) also matches its words
/// as they were cut before, as one more alternative of its clause (or one more excluded term). On a store
/// indexed since, that alternative matches nothing and changes no score. Applied to every query, exact
/// ones included, on both engines.
/// </summary>
internal static class FieldWordCompatibility
{
    /// <summary>The query with the earlier cut of each term the lexicon changed added beside it; the query itself when none.</summary>
    public static SearchQuery Apply(SearchQuery query, SearchText text)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(text);
        var changed = false;
        var clauses = new List<SearchClause>(query.Clauses.Count);
        foreach (var clause in query.Clauses)
        {
            var alternatives = new List<SearchTerm>(clause.Alternatives);
            foreach (var term in clause.Alternatives)
            {
                if (Before(term, text) is { } before && !alternatives.Contains(before))
                {
                    alternatives.Add(before);
                }
            }

            changed |= alternatives.Count > clause.Alternatives.Count;
            clauses.Add(alternatives.Count > clause.Alternatives.Count ? new SearchClause(alternatives) : clause);
        }

        var excluded = new List<SearchTerm>(query.Excluded);
        foreach (var term in query.Excluded)
        {
            if (Before(term, text) is { } before)
            {
                excluded.Add(before);
            }
        }

        changed |= excluded.Count > query.Excluded.Count;
        return changed ? query with { Clauses = clauses, Excluded = excluded } : query;
    }

    /// <summary>
    /// The term as documents stored before the lexicon hold it, when that differs: its earlier words as a
    /// phrase (one typed word) or as the same kind of term it was (a quoted phrase, an unquoted run).
    /// A prefix is not segmented, so it has no earlier cut.
    /// </summary>
    private static SearchTerm? Before(SearchTerm term, SearchText text)
    {
        if (term.Prefix)
        {
            return null;
        }

        var now = text.Words(term.Text);
        var before = text.WordsBeforeFieldWords(term.Text);
        return now.SequenceEqual(before, StringComparer.Ordinal)
            ? null
            : new SearchTerm(string.Join(' ', before), Quoted: term.Quoted || now.Count == 1, Prefix: false, term.Position);
    }
}
