using System.Data.Common;
using System.Globalization;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Concept search: a word or unquoted run of words that names a known country, sector or entity
/// (<see cref="ConceptNames"/>, and the store's entities and aliases, curated ones included) becomes a
/// clause that also matches the concept's other names (France → ฝรั่งเศส, DASTA → อพท.); an excluded
/// one (-France) excludes them all. Quoted phrases and prefixes are searched as written; so is every
/// word of an <see cref="SearchQuery.Exact"/> query. Both engines call it, so both search the same expansion.
/// </summary>
internal static class ConceptExpander
{
    /// <summary>Most unquoted words read together as one concept's name (Ministry of Foreign Affairs).</summary>
    public const int MaxWindow = 8;

    /// <summary>Most other names one clause searches besides what was typed.</summary>
    public const int MaxNames = 8;

    /// <summary>A name shared by more entities of the store than this is too ambiguous to expand.</summary>
    private const int MaxStoredEntities = 3;

    /// <summary>The query with its concept words expanded, and what each became; the query itself when nothing names a concept.</summary>
    public static (SearchQuery Query, IReadOnlyList<ConceptExpansion> Expansions) Expand(
        DbConnection connection, DbTransaction? transaction, StoreDialect dialect, SearchQuery query, SearchText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (query.Exact || query.Clauses.Count == 0)
        {
            return (query, []);
        }

        var plain = query.Clauses.Select(c => c.Alternatives.Count == 1 && IsPlain(c.Alternatives[0], text) ? c.Alternatives[0] : null).ToList();
        var candidates = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < plain.Count; i++)
        {
            for (var length = 1; length <= MaxWindow && i + length <= plain.Count && plain[i + length - 1] is not null; length++)
            {
                if (plain[i] is not null)
                {
                    candidates.UnionWith(text.Concepts.Keys(Window(plain, i, length)));
                }
            }

            foreach (var term in query.Clauses[i].Alternatives.Where(t => IsPlain(t, text)))
            {
                candidates.UnionWith(text.Concepts.Keys(term.Text));
            }
        }

        foreach (var term in query.Excluded.Where(t => IsPlain(t, text)))
        {
            candidates.UnionWith(text.Concepts.Keys(term.Text));
        }

        var stored = StoredConcepts(connection, transaction, dialect, candidates);
        IReadOnlyList<Concept> Named(string name)
        {
            var reference = text.Concepts.Named(name);
            var more = text.Concepts.Keys(name).Select(k => stored.GetValueOrDefault(k)).FirstOrDefault(c => c is not null);
            return more is null ? reference : [.. reference.Union(more)];
        }

        var clauses = new List<SearchClause>();
        var expansions = new List<ConceptExpansion>();
        for (var i = 0; i < plain.Count;)
        {
            var taken = 0;
            for (var length = Math.Min(MaxWindow, plain.Count - i); length >= 1 && plain[i] is not null; length--)
            {
                if (plain.Skip(i).Take(length).All(t => t is not null) && Named(Window(plain, i, length)) is { Count: > 0 } concepts)
                {
                    var typed = length == 1 ? plain[i]! : new SearchTerm(Window(plain, i, length), Quoted: false, Prefix: false, plain[i]!.Position);
                    clauses.Add(new SearchClause(Alternatives([typed], concepts, expansions, [], text)));
                    taken = length;
                    break;
                }
            }

            if (taken == 0)
            {
                var alternatives = new List<SearchTerm>();
                var clause = query.Clauses[i].Alternatives;
                foreach (var term in clause)
                {
                    alternatives.AddRange(IsPlain(term, text) && Named(term.Text) is { Count: > 0 } concepts
                        ? Alternatives([term], concepts, expansions, clause, text)
                        : [term]);
                }

                clauses.Add(new SearchClause(alternatives));
                taken = 1;
            }

            i += taken;
        }

        // An excluded concept word drops the documents naming it any way: -France drops ฝรั่งเศส too.
        var excluded = new List<SearchTerm>();
        foreach (var term in query.Excluded)
        {
            excluded.AddRange(IsPlain(term, text) && Named(term.Text) is { Count: > 0 } concepts ? Alternatives([term], concepts, expansions, query.Excluded, text) : [term]);
        }

        return expansions.Count == 0 ? (query, []) : (query with { Clauses = clauses, Excluded = excluded }, expansions);
    }

    /// <summary>
    /// The typed term, then the concepts' other names (each once, by its words, and none the clause
    /// already has: <c>film OR ภาพยนตร์</c> stays as it is), at most <see cref="MaxNames"/> of them.
    /// </summary>
    private static List<SearchTerm> Alternatives(List<SearchTerm> typed, IReadOnlyList<Concept> concepts, List<ConceptExpansion> expansions, IReadOnlyList<SearchTerm> clause, SearchText text)
    {
        var term = typed[0];
        var seen = new HashSet<string>(clause.Select(t => WordsKey(t.Text, text)), StringComparer.OrdinalIgnoreCase) { WordsKey(term.Text, text) };
        var added = new List<string>();
        foreach (var name in concepts.SelectMany(c => c.Names))
        {
            if (added.Count >= MaxNames)
            {
                break;
            }

            var words = text.Words(name);
            if (words.Count > 0 && words.Any(Fts5Match.Indexable) && seen.Add(string.Join(' ', words)))
            {
                added.Add(name);
                typed.Add(new SearchTerm(name, Quoted: words.Count > 1, Prefix: false, term.Position));
            }
        }

        if (added.Count > 0)
        {
            expansions.Add(new ConceptExpansion(term.Text, string.Join(' ', concepts.Select(c => c.Key)), added));
        }

        return typed;
    }

    /// <summary>Concepts the store knows by one of <paramref name="names"/> (an alias, the entity's own name included; any case, with or without a final dot), by name.</summary>
    private static Dictionary<string, List<Concept>> StoredConcepts(
        DbConnection connection, DbTransaction? transaction, StoreDialect dialect, IReadOnlyCollection<string> names)
    {
        var found = new Dictionary<string, List<Concept>>(StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0)
        {
            return found;
        }

        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        var aliasTests = new List<string>();
        var n = 0;
        foreach (var name in names)
        {
            foreach (var form in new[] { name, name + "." })
            {
                var parameter = string.Create(CultureInfo.InvariantCulture, $"@n{n++}");
                select.Add(parameter, SearchText.WellFormed(form)); // half an emoji cannot be sent to PostgreSQL
                aliasTests.Add(dialect.EqualsIgnoringCase("a.alias", parameter));
            }
        }

        // An entity's name is among its aliases (the writer stores its mentions: so for every entity of a
        // 100,000-document store), and only the alias column is indexed: matching names as well scanned
        // every entity, 2 ms of a warm query at 100,000 documents.
        select.CommandText = $"""
            WITH m AS (SELECT DISTINCT a.entity_id AS id, a.alias AS named FROM entity_aliases a WHERE {string.Join(" OR ", aliasTests)})
            SELECT m.named, e.id, e.key, e.name, a.alias
            FROM m JOIN entities e ON e.id = m.id LEFT JOIN entity_aliases a ON a.entity_id = e.id
            ORDER BY e.id
            """;
        var entities = new Dictionary<long, (string Key, List<string> Names, HashSet<string> NamedBy)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(1);
                if (!entities.TryGetValue(id, out var entity))
                {
                    entities[id] = entity = (reader.GetString(2), [reader.GetString(3)], new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                }

                entity.NamedBy.Add(ConceptNames.Key(reader.GetString(0)));
                if (!reader.IsDBNull(4) && !entity.Names.Contains(reader.GetString(4), StringComparer.OrdinalIgnoreCase))
                {
                    entity.Names.Add(reader.GetString(4));
                }
            }
        }

        foreach (var (_, entity) in entities.Where(e => !ConceptNames.TooBroad(e.Value.Key)))
        {
            // Shortest first, after the entity's own name: the abbreviations and short forms a page writes.
            var concept = new Concept(entity.Key, [entity.Names[0], .. entity.Names.Skip(1).OrderBy(x => x.Length).ThenBy(x => x, StringComparer.Ordinal)]);
            foreach (var name in entity.NamedBy)
            {
                if (!found.TryGetValue(name, out var list))
                {
                    found[name] = list = [];
                }

                list.Add(concept);
            }
        }

        foreach (var name in found.Where(p => p.Value.Count > MaxStoredEntities).Select(p => p.Key).ToList())
        {
            found.Remove(name);
        }

        return found;
    }

    /// <summary>A word or unquoted phrase a user typed, not a prefix, with something to search for: what a concept's name may be.</summary>
    private static bool IsPlain(SearchTerm term, SearchText text) => !term.Quoted && !term.Prefix && text.Words(term.Text).Any(Fts5Match.Indexable);

    private static string Window(List<SearchTerm?> plain, int start, int length) =>
        ConceptNames.Key(string.Join(' ', plain.Skip(start).Take(length).Select(t => t!.Text)));

    private static string WordsKey(string name, SearchText text) => string.Join(' ', text.Words(name));
}
