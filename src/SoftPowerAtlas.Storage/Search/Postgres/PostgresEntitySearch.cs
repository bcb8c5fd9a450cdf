using Npgsql;
using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Storage.Search.Postgres;

/// <summary>Entities by alias on PostgreSQL: lookups for <c>agency:</c> filters and for entity search, as <see cref="SqliteEntitySearch"/> does on SQLite.</summary>
internal static class PostgresEntitySearch
{
    private const int Candidates = 500;

    /// <summary>
    /// The entity keys each <c>agency:</c> filter names: every entity with that alias or name (any
    /// case, with or without a final dot), and the reference agency of that name.
    /// </summary>
    public static IReadOnlyDictionary<FieldFilter, IReadOnlyList<string>> ResolveAgencies(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SearchQuery query, List<string> notes)
    {
        var resolved = new Dictionary<FieldFilter, IReadOnlyList<string>>();
        using var select = new NpgsqlCommand(
            """
            SELECT e.key FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
            WHERE lower(a.alias) = lower(@a) OR lower(a.alias) = lower(@b)
            UNION SELECT key FROM entities WHERE key = @a OR lower(name) = lower(@a) OR lower(name) = lower(@b)
            """,
            connection,
            transaction);
        var a = new NpgsqlParameter<string>("a", string.Empty);
        var b = new NpgsqlParameter<string>("b", string.Empty);
        select.Parameters.Add(a);
        select.Parameters.Add(b);
        foreach (var filter in query.Filters.Where(f => f.Field == SearchField.Agency))
        {
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var value in filter.Values)
            {
                a.TypedValue = value;
                b.TypedValue = value.EndsWith('.') ? value.TrimEnd('.') : value + ".";
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

    public static IReadOnlyList<EntityMatch> Find(NpgsqlConnection connection, NpgsqlTransaction transaction, string text, int limit)
    {
        var wanted = text.Trim();
        if (wanted.Length == 0)
        {
            return [];
        }

        using var select = new NpgsqlCommand(
            """
            SELECT e.id, e.key, e.name, e.country, array_remove(array_agg(DISTINCT a.alias), NULL),
                   (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id)
            FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id
            WHERE e.id IN (SELECT id FROM (SELECT entity_id AS id FROM entity_aliases WHERE alias ILIKE @like ESCAPE '\'
                                           UNION SELECT id FROM entities WHERE name ILIKE @like ESCAPE '\' OR key ILIKE @like ESCAPE '\') c
                           LIMIT @candidates)
            GROUP BY e.id
            """,
            connection,
            transaction);
        select.Parameters.AddWithValue("like", "%" + Escape(wanted) + "%");
        select.Parameters.AddWithValue("candidates", Candidates);
        var found = new List<(EntityMatch Match, int Rank)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = reader.GetString(1);
                var name = reader.GetString(2);
                var aliases = reader.GetFieldValue<string[]>(4);
                var names = aliases.Append(name).ToList();
                var rank = names.Any(n => SameName(n, wanted)) || SameName(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], wanted) ? 0
                    : names.Any(n => n.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)) ? 1
                    : 2;
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                found.Add((new EntityMatch(
                    key,
                    colon > 0 ? key[..colon] : "entity",
                    name,
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    [.. aliases.Where(x => x != name).Order(StringComparer.Ordinal)],
                    reader.GetInt64(5)), rank));
            }
        }

        return [.. found
            .OrderBy(m => m.Rank).ThenByDescending(m => m.Match.Documents).ThenBy(m => m.Match.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(m => m.Match)];
    }

    private static bool SameName(string a, string b) =>
        string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
