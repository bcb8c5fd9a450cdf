using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>Facet counts over every document a search matched (counted on the in-memory <see cref="SearchSnapshot"/>), labelled for display.</summary>
internal static class SqliteFacets
{
    private const int ValuesShown = 30;

    public static SearchFacets Count((string Facet, string Value)[] values, int[] counts, SqliteConnection connection, SqliteTransaction transaction)
    {
        var byFacet = new Dictionary<string, List<(string Value, int Count)>>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            var (facet, value) = values[i];
            (byFacet.TryGetValue(facet, out var list) ? list : byFacet[facet] = []).Add((value, counts[i]));
        }

        using var name = connection.CreateCommand();
        name.Transaction = transaction;
        name.CommandText = "SELECT name FROM entities WHERE key = $key";
        var key = name.Parameters.Add("$key", SqliteType.Text);
        IReadOnlyList<FacetCount> Of(string facet) => byFacet.TryGetValue(facet, out var list)
            ? [.. list.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(ValuesShown).Select(v =>
                new FacetCount(v.Value, facet switch
                {
                    "country" => FacetCount.CountryLabel(v.Value),
                    "agency" => Label(key, name, v.Value),
                    _ => v.Value,
                }, v.Count))]
            : [];
        return new SearchFacets(Of("country"), Of("sector"), Of("agency"), Of("type"), Of("year"));
    }

    private static string Label(SqliteParameter key, SqliteCommand name, string value)
    {
        key.Value = value;
        return name.ExecuteScalar() as string ?? value;
    }
}
