using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>
/// The in-memory paths (clause sets, snapshot filters and facets) against the straightforward one:
/// a single FTS5 query with bm25(), the filters in SQL and the facets counted by SQL. Totals, hits in
/// order, scores to the bit and facet counts must be the same, the first time a query is met (cold)
/// and again (warm), and after its clause was read by another query.
/// </summary>
public class SearchEquivalenceTests(SqliteSearchCorpus corpus) : IClassFixture<SqliteSearchCorpus>
{
    internal static readonly string[] Texts =
    [
        "ภาพยนตร์",
        "ซอฟต์พาวเวอร์",
        "ไทย",
        "ภาพยนตร์เกาหลี",
        "\"ภาพยนตร์ร่วมทุน\"",
        "\"Thai Food Festival\"",
        "เกาหลี*",
        "creat*",
        "film OR ภาพยนตร์",
        "Tokyo OR Frankfurt",
        "ซอฟต์พาวเวอร์ -ภาพยนตร์",
        "ไทย -\"Book Fair\" -มวยไทย",
        "ไทย -เกาหลี*",
        "soft power",
        "soft power year:2024",
        "ภาพยนตร์ ไทย -country:KR",
        "signing",
        "ไทย country:JP",
        "ซอฟต์พาวเวอร์ -country:KR",
        "ไทย sector:film,food",
        "ไทย year:2024",
        "ไทย from:2024-06 to:2024-12",
        "ไทย agency:อพท.",
        "ไทย agency:Narnia",
        "ไทย -agency:Narnia",
        "ซอฟต์พาวเวอร์ -ภาพยนตร์ sector:tourism",
        "country:JP",
        "country:JP -sector:music",
        "sector:film year:2024",
        "year:2567",
        "from:2023-01 to:2024-12",
        "-country:KR",
        "agency:DASTA",
        "type:mou",
        "-ภาพยนตร์ year:2024",
        "!!! country:FR",
        "nothingmatchesthis",
    ];

    public static TheoryData<string> Queries => [.. Texts];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_ColdWarmAndAfterItsClauseWasRead_SameAsOneFts5Query(string text)
    {
        var query = SearchQuery.Parse(text).Query!;
        var index = new SqliteSearchIndex(Store);
        foreach (var page in new[] { new SearchPage(20, 0), new SearchPage(3, 2), new SearchPage(0, 0) })
        {
            var expected = Reference(query, page);
            AssertSame(expected, index.Search(query, page), text);
            AssertSame(expected, index.Search(query, page), text);
        }

        // Any query with text (one clause or several, filtered or not) leaves its text's set held...
        Assert.True(Fts5Match.From(query, Store.SearchText).Include is null || index.Memory.ClauseBytes > 0, text);

        // ...and a query with the same text and other filters is answered from the set another query read.
        var textOnly = SearchQuery.Parse(text).Query! with { Filters = [], Dates = null };
        var warmed = new SqliteSearchIndex(Store);
        warmed.Search(textOnly, SearchPage.Default);
        AssertSame(Reference(query, SearchPage.Default), warmed.Search(query, SearchPage.Default), text);
    }

    [Fact]
    public void Search_SeveralClausesWithFilters_HeldOnceAndReused()
    {
        var index = new SqliteSearchIndex(Store);
        var filtered = SearchQuery.Parse("soft power year:2024").Query!;
        index.Search(filtered, SearchPage.Default);
        var held = index.Memory.ClauseBytes;

        var other = SearchQuery.Parse("soft power -country:JP sector:film").Query!;
        AssertSame(Reference(other, SearchPage.Default), index.Search(other, SearchPage.Default), "soft power -country:JP sector:film");

        // The second query's text was held: only its exclusion-free text set is there, nothing new read for it.
        Assert.True(held > 0);
        Assert.Equal(held, index.Memory.ClauseBytes);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_WithoutFacetsOnAFreshIndex_SameHitsAndNoFacets(string text)
    {
        var query = SearchQuery.Parse(text).Query!;
        var page = new SearchPage(5, 1, facets: false);

        var expected = Reference(query, page);
        var actual = new SqliteSearchIndex(Store).Search(query, page);

        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Hits, actual.Hits.Select(h => (h.DocumentId, h.Score)).ToList());
        Assert.Same(SearchFacets.None, actual.Facets);
    }

    [Fact]
    public void Queries_CoverEveryPathWithMatches()
    {
        var totals = Texts.Select(q => Reference(SearchQuery.Parse(q).Query!, SearchPage.Default).Total).ToList();

        Assert.True(totals.Count(t => t > 1) >= 25, string.Join(",", totals));
        Assert.Contains(0L, totals);
    }

    [Fact]
    public void Search_WithoutClauseSets_SameAsWithThem()
    {
        var without = new SqliteSearchIndex(Store, clauseBudgetBytes: 0);
        var with = new SqliteSearchIndex(Store);
        foreach (var text in Texts)
        {
            var query = SearchQuery.Parse(text).Query!;
            AssertSame(Summary(without.Search(query, SearchPage.Default)), with.Search(query, SearchPage.Default), text);
        }

        Assert.Equal(0, without.Memory.ClauseBytes);
    }

    [Theory]
    [InlineData("creat*")]
    [InlineData("festiv*")]
    [InlineData("เกาหลี*")]
    [InlineData("ภาพยนตร์ เกาหล*")]
    [InlineData("film OR creat* -country:KR")]
    [InlineData("\"Thai Food Fest\"*")]
    public void Search_PrefixQuery_SnippetsMarkedAsHighlightWithThePrefixMarksThem(string text)
    {
        var query = SearchQuery.Parse(text).Query! with { Exact = true }; // the words as written: film would also find ภาพยนตร์
        var include = Fts5Match.From(query, Store.SearchText).Include!;
        var hits = new SqliteSearchIndex(Store).Search(query, new SearchPage(20, 0)).Hits;

        Assert.NotEmpty(hits);
        using var connection = Store.OpenConnection();
        using var highlight = connection.CreateCommand();
        highlight.CommandText = """
            SELECT d.clean_text, d.segmented_text, highlight(document_text, 1, char(1), char(2)), d.clean_packed
            FROM document_text t JOIN documents d ON d.id = t.rowid WHERE document_text MATCH $match AND t.rowid = $id
            """;
        highlight.Parameters.AddWithValue("$match", include);
        var id = highlight.Parameters.Add("$id", SqliteType.Integer);
        foreach (var hit in hits)
        {
            id.Value = hit.DocumentId;
            using var reader = highlight.ExecuteReader();
            Assert.True(reader.Read());
            var expected = SnippetBuilder.Build(PackedText.Read(reader, 3, 0)!, reader.GetString(1), SnippetBuilder.ReadMarks(reader.GetString(2)));
            Assert.Equal(expected.Marked("[", "]"), hit.Snippet.Marked("[", "]"));
            Assert.NotEmpty(hit.Snippet.Highlights);
        }
    }

    private static Expected Summary(SearchResults results) =>
        new(results.Total, [.. results.Hits.Select(h => (h.DocumentId, h.Score))], results.Facets);

    private static void AssertSame(Expected expected, SearchResults actual, string text)
    {
        Assert.True(expected.Total == actual.Total, $"{text}: total {actual.Total}, expected {expected.Total}");
        Assert.Equal(expected.Hits, actual.Hits.Select(h => (h.DocumentId, h.Score)).ToList());
        foreach (var ((facet, want), (_, got)) in expected.Facets.All().Zip(actual.Facets.All()))
        {
            Assert.True(want.Select(v => (v.Value, v.Count)).SequenceEqual(got.Select(v => (v.Value, v.Count))), $"{text}: facet {facet}");
        }
    }

    private SqliteAtlasStore Store => (SqliteAtlasStore)corpus.Store;

    /// <summary>The straightforward path: one FTS5 query ordered by bm25() in SQL, facets counted by SQL.</summary>
    private Expected Reference(SearchQuery query, SearchPage page)
    {
        using var connection = Store.OpenConnection();
        query = FieldWordCompatibility.Apply(ConceptExpander.Expand(connection, null, Store.Dialect, query, Store.SearchText).Query, Store.SearchText); // as every path searches it
        var match = Fts5Match.From(query, Store.SearchText);
        var agencies = EntitySearch.ResolveAgencies(connection, null, Store.Dialect, query, []);
        if (match.Expression is null && query.Clauses.Count > 0 && query.Filters.Count == 0 && query.Dates is null)
        {
            return new Expected(0, [], SearchFacets.None);
        }

        var text = match.Expression is not null;
        var filters = new SqliteFilterSql(query, agencies, text ? "t.rowid" : "s.document_id");
        using var select = connection.CreateCommand();
        select.CommandText = text
            ? $"SELECT t.rowid, -{SqliteSearchIndex.Rank} FROM document_text t WHERE document_text MATCH $match{filters.Conditions} ORDER BY 2 DESC, 1"
            : "SELECT s.document_id, 0.0 FROM search_dates s WHERE 1" + filters.Conditions
              + (match.Exclude is null ? string.Empty : " AND s.document_id NOT IN (SELECT rowid FROM document_text WHERE document_text MATCH $exclude)")
              + " ORDER BY s.date DESC, s.document_id";
        filters.AddTo(select);
        select.Parameters.AddWithValue("$match", (object?)match.Expression ?? DBNull.Value);
        select.Parameters.AddWithValue("$exclude", (object?)match.Exclude ?? DBNull.Value);
        var all = new List<(long Id, double Score)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                all.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
        }

        return new Expected(all.Count, [.. all.Skip(page.Offset).Take(page.Limit)], all.Count == 0 ? SearchFacets.None : Facets(connection, all));
    }

    private static SearchFacets Facets(SqliteConnection connection, List<(long Id, double Score)> matches)
    {
        using var count = connection.CreateCommand();
        count.CommandText = $"""
            SELECT facet, value, count(*) FROM document_facets
            WHERE document_id IN ({string.Join(',', matches.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)))})
            GROUP BY facet, value
            """;
        var byFacet = new Dictionary<string, List<FacetCount>>(StringComparer.Ordinal);
        using (var reader = count.ExecuteReader())
        {
            while (reader.Read())
            {
                var facet = reader.GetString(0);
                (byFacet.TryGetValue(facet, out var list) ? list : byFacet[facet] = []).Add(new FacetCount(reader.GetString(1), string.Empty, reader.GetInt64(2)));
            }
        }

        IReadOnlyList<FacetCount> Of(string facet) => byFacet.TryGetValue(facet, out var list)
            ? [.. list.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(30)]
            : [];
        return new SearchFacets(Of("country"), Of("sector"), Of("agency"), Of("type"), Of("year"));
    }

    private sealed record Expected(long Total, List<(long Id, double Score)> Hits, SearchFacets Facets);
}
