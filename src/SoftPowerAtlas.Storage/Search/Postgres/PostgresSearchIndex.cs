using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Npgsql;
using NpgsqlTypes;
using SoftPowerAtlas.Storage.Postgres;

namespace SoftPowerAtlas.Storage.Search.Postgres;

/// <summary>
/// Search over a <see cref="PostgresAtlasStore"/>: a <c>tsvector</c> per document (table
/// <c>document_search</c>, GIN index, migration 0008_search) ranked by <c>ts_rank</c> with title words
/// weighing <see cref="TitleWeight"/> times body words; the matches, the page, the total and the facet
/// counts over all matches come from one statement on one snapshot; snippets are cut from the clean
/// text of the page's hits only, by <see cref="SnippetBuilder"/>.
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "SQL is assembled from constant fragments and generated parameter names; every user value, the tsquery text included, is a bound parameter.")]
public sealed class PostgresSearchIndex(PostgresAtlasStore store) : ISearchIndex
{
    /// <summary>Rank weight of a title word (weight A) against a body word (weight D).</summary>
    public const float TitleWeight = 4.0f;

    private const int FacetValuesShown = 30;

    private readonly VocabularyCache _vocabulary = new();

    /// <summary>ts_rank's weights for D, C, B, A.</summary>
    private static readonly float[] Weights = [0.25f, 0.25f, 0.25f, 0.25f * TitleWeight];

    public SearchResults Search(SearchQuery query, SearchPage page)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        return Run(() =>
        {
            using var connection = store.DataSource.OpenConnection();
            using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead); // one snapshot for matches, page and facets
            var (expanded, expansions) = ConceptExpander.Expand(connection, transaction, store.Dialect, query, store.SearchText);
            var results = Search(connection, transaction, FieldWordCompatibility.Apply(expanded, store.SearchText), page) with { Expansions = expansions };
            return results.Total > SpellingSuggester.FewResults || query.Clauses.Count == 0
                ? results
                : results with { Suggestion = SpellingSuggester.Suggest(query, new PostgresVocabulary(connection, transaction, _vocabulary)) };
        });
    }

    private SearchResults Search(NpgsqlConnection connection, NpgsqlTransaction transaction, SearchQuery query, SearchPage page)
    {
        var notes = new List<string>();
        var tsquery = PostgresTsQuery.From(query, store.SearchText);
        foreach (var term in tsquery.Ignored)
        {
            notes.Add($"ignored {(term.Quoted ? "\"" + term.Text + "\"" : term.Text)} at character {term.Position + 1}: it has no letters or digits to search for");
        }

        var agencies = EntitySearch.ResolveAgencies(connection, transaction, store.Dialect, query, notes);
        var expression = tsquery.Expression;
        if (expression is null && query.Clauses.Count > 0 && query.Filters.Count == 0 && query.Dates is null)
        {
            return new SearchResults(0, [], SearchFacets.None, notes);
        }

        using var select = new NpgsqlCommand(string.Empty, connection, transaction);
        var filters = new PostgresFilterSql(query, agencies, expression is null ? tsquery.Exclude : null, expression is null ? "d.id" : "s.document_id");
        filters.AddTo(select);
        var matches = expression is null
            ? "SELECT d.id, 0::real AS score FROM documents d WHERE TRUE" + filters.Conditions
            : "SELECT s.document_id AS id, ts_rank(@weights, s.vector, q.q, 1) AS score FROM document_search s, (SELECT @query::tsquery AS q) q WHERE s.vector @@ q.q" + filters.Conditions;
        var order = expression is null ? "sd.date DESC NULLS LAST, m.id" : "m.score DESC, m.id";
        var facets = page.Facets
            ? """

              UNION ALL
              SELECT 2, count(*), 0, f.facet, f.value, max(e.name)
              FROM m JOIN document_facets f ON f.document_id = m.id LEFT JOIN entities e ON f.facet = 'agency' AND e.key = f.value
              GROUP BY f.facet, f.value
              """
            : string.Empty;
        select.CommandText = $"""
            WITH m AS MATERIALIZED ({matches})
            SELECT 0 AS kind, p.id, p.score, NULL::text AS facet, NULL::text AS value, NULL::text AS label
            FROM (SELECT m.id, m.score FROM m LEFT JOIN search_dates sd ON sd.document_id = m.id ORDER BY {order} LIMIT @limit OFFSET @offset) p
            UNION ALL
            SELECT 1, count(*), 0, NULL, NULL, NULL FROM m{facets}
            """;
        select.Parameters.Add(new NpgsqlParameter<int>("limit", page.Limit));
        select.Parameters.Add(new NpgsqlParameter<int>("offset", page.Offset));
        if (expression is not null)
        {
            select.Parameters.Add(new NpgsqlParameter<string>("query", NpgsqlDbType.Text) { TypedValue = expression });
            select.Parameters.Add(new NpgsqlParameter<float[]>("weights", NpgsqlDbType.Array | NpgsqlDbType.Real) { TypedValue = Weights });
        }

        var ranked = new List<(long Id, double Score)>();
        var counts = new List<(string Facet, string Value, string? Label, long Count)>();
        long total = 0;
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                switch (reader.GetInt32(0))
                {
                    case 0:
                        ranked.Add((reader.GetInt64(1), reader.GetFloat(2)));
                        break;
                    case 1:
                        total = reader.GetInt64(1);
                        break;
                    default:
                        counts.Add((reader.GetString(3), reader.GetString(4), reader.GetNullableString(5), reader.GetInt64(1)));
                        break;
                }
            }
        }

        var hits = ReadPage(connection, transaction, tsquery, ranked);
        return new SearchResults(total, hits, page.Facets && total > 0 ? Facets(counts) : SearchFacets.None, notes);
    }

    public IReadOnlyList<EntityMatch> FindEntities(string text, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Run(() =>
        {
            using var connection = store.DataSource.OpenConnection();
            using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
            return EntitySearch.Find(connection, transaction, store.Dialect, text, limit);
        });
    }

    private static List<SearchHit> ReadPage(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresTsQuery tsquery, List<(long Id, double Score)> ranked)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        using var details = new NpgsqlCommand(
            """
            SELECT d.id, d.title, d.source, d.source_url, d.published, sd.date, coalesce(sd.from_engagement, false), d.clean_text, d.segmented_text, d.clean_packed
            FROM documents d LEFT JOIN search_dates sd ON sd.document_id = d.id
            WHERE d.id = ANY(@ids)
            """,
            connection,
            transaction);
        details.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. ranked.Select(r => r.Id)] });
        var byId = new Dictionary<long, SearchHit>();
        using (var reader = details.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var segmented = reader.GetString(8);
                byId[id] = new SearchHit(
                    id,
                    reader.GetNullableString(1),
                    reader.GetString(2),
                    reader.GetNullableString(3),
                    reader.GetNullableString(4),
                    reader.GetNullableString(5),
                    reader.GetBoolean(6),
                    0,
                    SnippetBuilder.Build(PackedText.Read(reader, 9, 7) ?? string.Empty, segmented, tsquery.Matches(segmented)));
            }
        }

        return [.. ranked.Where(r => byId.ContainsKey(r.Id)).Select(r => byId[r.Id] with { Score = r.Score })];
    }

    private static SearchFacets Facets(List<(string Facet, string Value, string? Label, long Count)> counts)
    {
        IReadOnlyList<FacetCount> Of(string facet) =>
        [
            .. counts.Where(c => c.Facet == facet)
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .Take(FacetValuesShown)
                .Select(c => new FacetCount(c.Value, facet switch
                {
                    "country" => FacetCount.CountryLabel(c.Value),
                    "agency" => c.Label ?? c.Value,
                    _ => c.Value,
                }, c.Count)),
        ];
        return new SearchFacets(Of("country"), Of("sector"), Of("agency"), Of("type"), Of("year"));
    }


    private T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException e)
        {
            throw store.Dialect.ToStoreException(e);
        }
    }
}
