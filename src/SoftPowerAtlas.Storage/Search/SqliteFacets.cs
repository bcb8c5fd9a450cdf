using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>Counts facet values over every document a search matches, in one grouped pass over <c>document_facets</c>.</summary>
internal static class SqliteFacets
{
    private const int ValuesShown = 30;

    public static SearchFacets Count(Func<string, SqliteCommand> command, string from, string idColumn)
    {
        var counts = new Dictionary<string, List<FacetCount>>(StringComparer.Ordinal);
        using var select = command($"""
            SELECT f.facet, f.value, count(*) AS n, (SELECT name FROM entities WHERE key = f.value AND f.facet = 'agency')
            FROM document_facets f
            WHERE f.document_id IN (SELECT {idColumn} {from})
            GROUP BY f.facet, f.value
            ORDER BY f.facet, n DESC, f.value
            """);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var facet = reader.GetString(0);
            var value = reader.GetString(1);
            if (!counts.TryGetValue(facet, out var list))
            {
                counts[facet] = list = [];
            }

            if (list.Count >= ValuesShown)
            {
                continue;
            }

            var label = facet switch
            {
                "country" => SqliteSearchIndex.CountryLabel(value),
                "agency" => reader.IsDBNull(3) ? value : reader.GetString(3),
                _ => value,
            };
            list.Add(new FacetCount(value, label, reader.GetInt64(2)));
        }

        IReadOnlyList<FacetCount> Of(string facet) => counts.TryGetValue(facet, out var list) ? list : [];
        return new SearchFacets(Of("country"), Of("sector"), Of("agency"), Of("type"), Of("year"));
    }
}
