using System.Data.Common;
using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Entities by alias: lookups for <c>agency:</c> filters and for entity search (<c>atlas entities</c>),
/// one SQL for both stores, the case-insensitive comparisons from the store's dialect.
/// </summary>
public static class EntitySearch
{
    private const int Candidates = 500;

    /// <summary>Entities known by a name, key or alias containing <paramref name="text"/> (any case), exact names first.</summary>
    public static IReadOnlyList<EntityMatch> Find(IAtlasStore store, string text, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return store.Read((connection, transaction) => Find(connection, transaction, store.Dialect, text, limit));
    }

    /// <summary>
    /// The entity keys each <c>agency:</c> filter names: every entity with that alias or name (any
    /// case, with or without a final dot), and the reference agency of that name.
    /// </summary>
    internal static IReadOnlyDictionary<FieldFilter, IReadOnlyList<string>> ResolveAgencies(
        DbConnection connection, DbTransaction? transaction, StoreDialect dialect, SearchQuery query, List<string> notes)
    {
        var resolved = new Dictionary<FieldFilter, IReadOnlyList<string>>();
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"""
            SELECT e.key FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
            WHERE {dialect.EqualsIgnoringCase("a.alias", "@a")} OR {dialect.EqualsIgnoringCase("a.alias", "@b")}
            UNION SELECT key FROM entities WHERE key = @a OR {dialect.EqualsIgnoringCase("name", "@a")} OR {dialect.EqualsIgnoringCase("name", "@b")}
            """;
        var a = select.Add("@a", string.Empty);
        var b = select.Add("@b", string.Empty);
        foreach (var filter in query.Filters.Where(f => f.Field == SearchField.Agency))
        {
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var value in filter.Values)
            {
                a.Value = value;
                b.Value = value.EndsWith('.') ? value.TrimEnd('.') : value + ".";
                using (var reader = select.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        keys.Add(reader.GetString(0));
                    }
                }

                foreach (var agency in ReferenceData.Default.Agencies)
                {
                    if (agency.Names.Any(n => SameName(n.Text, value)))
                    {
                        keys.Add("agency:" + agency.Id);
                    }
                }
            }

            if (keys.Count == 0)
            {
                notes.Add($"{filter.Written} at character {filter.Position + 1}: no agency, organisation or person is known by that name; try atlas entities");
            }

            resolved[filter] = [.. keys];
        }

        return resolved;
    }

    internal static IReadOnlyList<EntityMatch> Find(DbConnection connection, DbTransaction? transaction, StoreDialect dialect, string text, int limit)
    {
        var wanted = text.Trim();
        if (wanted.Length == 0)
        {
            return [];
        }

        var like = dialect.LikeIgnoringCase;
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"""
            SELECT e.id, e.key, e.name, e.country, {dialect.StringAgg("a.alias", '\u001f')},
                   (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id)
            FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id
            WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE alias {like} @like ESCAPE '\'
                           UNION SELECT id FROM entities WHERE name {like} @like ESCAPE '\' OR key {like} @like ESCAPE '\'
                           LIMIT @candidates)
            GROUP BY e.id
            """;
        select.Add("@like", "%" + Escape(wanted) + "%");
        select.Add("@candidates", Candidates);
        // Documents are counted in the same query: one round trip, however many entities match.
        var found = new List<(string Key, string Name, string? Country, List<string> Aliases, long Documents, int Rank)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var name = reader.GetString(2);
                var aliases = reader.IsDBNull(4) ? [] : reader.GetString(4).Split('\u001f').Distinct(StringComparer.Ordinal).ToList();
                var names = aliases.Append(name).ToList();
                var key = reader.GetString(1);
                var rank = names.Any(n => SameName(n, wanted)) || SameName(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], wanted) ? 0
                    : names.Any(n => n.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)) ? 1
                    : 2;
                found.Add((key, name, reader.GetNullableString(3), aliases, reader.GetInt64(5), rank));
            }
        }

        return found
            .Select(f =>
            {
                var colon = f.Key.IndexOf(':', StringComparison.Ordinal);
                var kind = colon > 0 ? f.Key[..colon] : "entity";
                return (Match: new EntityMatch(f.Key, kind, f.Name, f.Country, f.Aliases.Where(x => x != f.Name).Order(StringComparer.Ordinal).ToList(), f.Documents), f.Rank);
            })
            .OrderBy(m => m.Rank).ThenByDescending(m => m.Match.Documents).ThenBy(m => m.Match.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(m => m.Match)
            .ToList();
    }

    private static bool SameName(string a, string b) =>
        string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
