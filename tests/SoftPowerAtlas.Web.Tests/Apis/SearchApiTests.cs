using System.Net;
using System.Text.Json;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Apis;

public sealed class SearchApiTests : WebTest
{
    private const string Film = "ภาพยนตร์";

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("documentId").GetInt64())];

    [Fact]
    public async Task Search_ThaiWord_SnippetOffsetsPointAtTheWordAndFacetsCountAllMatches()
    {
        // Exact: ภาพยนตร์ names the film sector, which would also find pages saying film.
        var page = await GetJson("/api/search?exact=true&q=" + Uri.EscapeDataString(Film));
        var hits = page.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.Equal(hits.Count, page.GetProperty("total").GetInt64()); // Fewer than a page: all of them.
        foreach (var hit in hits)
        {
            var snippet = hit.GetProperty("snippet");
            var text = snippet.GetProperty("text").GetString()!;
            var marks = snippet.GetProperty("highlights").EnumerateArray().ToList();
            Assert.NotEmpty(marks);
            Assert.All(marks, m => Assert.Equal(Film, text.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32())));
            Assert.True(hit.GetProperty("score").GetDouble() > 0);
        }

        var korea = page.GetProperty("facets").GetProperty("country").EnumerateArray().Single(c => c.GetProperty("value").GetString() == "KR");
        var narrowed = await GetJson("/api/search?exact=true&q=" + Uri.EscapeDataString(Film + " country:KR"));
        Assert.Equal(korea.GetProperty("count").GetInt64(), narrowed.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("France", "country:FR", "ฝรั่งเศส")]
    [InlineData("french food", "country:FR", "ฝรั่งเศส")]
    public async Task Search_EnglishNameOfWhatAThaiPageNames_FindsItListsTheExpansionAndExactTurnsItOff(string query, string concept, string thai)
    {
        var paris = await SampleId("th_food_festival_paris.md");

        var expanded = await GetJson("/api/search?q=" + Uri.EscapeDataString(query));
        var exact = await GetJson("/api/search?exact=true&q=" + Uri.EscapeDataString(query));

        Assert.Contains(paris, Ids(expanded));
        Assert.DoesNotContain(paris, Ids(exact));
        var expansion = expanded.GetProperty("expansions").EnumerateArray().First(x => x.GetProperty("concept").GetString()!.Split(' ').Contains(concept));
        Assert.Contains(thai, expansion.GetProperty("alsoMatched").EnumerateArray().Select(x => x.GetString()));
        Assert.False(expanded.GetProperty("exact").GetBoolean());
        Assert.True(exact.GetProperty("exact").GetBoolean());
        Assert.Equal(0, exact.GetProperty("expansions").GetArrayLength());
    }

    [Fact]
    public async Task Search_MisspeltThaiWord_ApiSuggestsAndThePageLinksTheSuggestion()
    {
        var api = await GetJson("/api/search?q=" + Uri.EscapeDataString("ภาพยนต์"));
        var good = await GetJson("/api/search?q=" + Uri.EscapeDataString(Film));
        var html = await Client.GetStringAsync("/search?q=" + Uri.EscapeDataString("ภาพยนต์"));

        Assert.Equal(0, api.GetProperty("total").GetInt64());
        Assert.Equal(Film, api.GetProperty("suggestion").GetString());
        Assert.Equal(JsonValueKind.Null, good.GetProperty("suggestion").ValueKind);
        Assert.Contains("id=\"search-suggestion\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=" + Uri.EscapeDataString(Film) + "\">" + Film + "</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_ConceptWord_SaysWhatItAlsoMatchedWithALinkToSearchExactly()
    {
        var html = await Client.GetStringAsync("/search?q=France");
        var exact = await Client.GetStringAsync("/search?q=France&exact=true");

        Assert.Contains("id=\"search-expansions\"", html, StringComparison.Ordinal);
        Assert.Contains("data-concept=\"country:FR\"", html, StringComparison.Ordinal);
        Assert.Contains("ฝรั่งเศส", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=France&amp;exact=true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"search-expansions\"", exact, StringComparison.Ordinal);
        Assert.Contains("id=\"search-expand\" href=\"/search?q=France\"", exact, StringComparison.Ordinal);
        Assert.Contains("name=\"exact\" value=\"true\" checked=\"checked\"", exact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Paging_PagesAreDisjointAndAddUpToTheTotal()
    {
        var first = await GetJson("/api/search?q=from:2000&limit=4");
        var total = first.GetProperty("total").GetInt64();
        Assert.Equal(10, total); // Every sample is dated 2024.
        Assert.Equal(2, first.GetProperty("nextPage").GetInt32());
        var seen = Ids(first);
        for (var page = 2; page <= 3; page++)
        {
            var next = await GetJson($"/api/search?q=from:2000&limit=4&page={page}");
            Assert.Empty(Ids(next).Intersect(seen));
            seen.AddRange(Ids(next));
        }

        Assert.Equal(10, seen.Distinct().Count());
        var last = await GetJson("/api/search?q=from:2000&limit=4&page=3");
        Assert.Equal(JsonValueKind.Null, last.GetProperty("nextPage").ValueKind);
        Assert.Equal(2, last.GetProperty("hits").GetArrayLength());
    }

    [Theory]
    [InlineData("film colour:red", 5, "unknown field 'colour'")]
    [InlineData("\"Thai food", 0, "never closed")]
    [InlineData("ภาพยนตร์ -", 9, "not followed by anything")]
    [InlineData("from:2023-02-31", 0, "from:")]
    public async Task Search_MalformedQuery_Returns400ProblemWithMessageAndPosition(string query, int position, string message)
    {
        using var response = await Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Malformed query", problem.GetProperty("title").GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(position, problem.GetProperty("position").GetInt32());
        Assert.True(problem.GetProperty("length").GetInt32() >= 1);
        Assert.Equal(query, problem.GetProperty("query").GetString());
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=%20%20", "q")]
    [InlineData("/api/search?q=film&page=0", "page")]
    [InlineData("/api/search?q=film&limit=1000", "limit")]
    public async Task Search_BadParameters_Returns400NamingThem(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task SearchPage_ThaiQuery_MarksOnlyMatchesAndFacetLinksAddTheirFilter()
    {
        var html = await Client.GetStringAsync("/search?q=" + Uri.EscapeDataString(Film));
        Assert.Contains("<mark>" + Film + "</mark>", html, StringComparison.Ordinal);
        Assert.Contains("data-concept=\"sector:film\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark></mark>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=" + Uri.EscapeDataString(Film + " country:KR").Replace("%3A", ":", StringComparison.Ordinal), html.Replace("%3A", ":", StringComparison.Ordinal), StringComparison.Ordinal);

        var narrowed = await Client.GetStringAsync("/search?q=" + Uri.EscapeDataString(Film + " country:KR"));
        Assert.Contains("class=\"active\"", narrowed, StringComparison.Ordinal); // The facet in the query shows as chosen, its link takes it out.
        Assert.Contains("href=\"/search?q=" + Uri.EscapeDataString(Film) + "\"", narrowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_MalformedQuery_ShowsMessageAndCaretNot500()
    {
        using var response = await Client.GetAsync("/search?q=" + Uri.EscapeDataString("film colour:red"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"query-error\"", html, StringComparison.Ordinal);
        Assert.Contains("ไม่รู้จักช่อง &#x27;colour&#x27;", html, StringComparison.Ordinal); // a new visitor reads Thai
        Assert.Contains("<span class=\"caret\">     ^~~~~~~~~~</span>", html, StringComparison.Ordinal);
    }
}
