using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Apis;

public class FactsApiTests : WebTest
{
    [Fact]
    public async Task Engagements_FilteredByCountry_AllHaveThatPartner()
    {
        var page = await GetJson("/api/engagements?country=kr&limit=200");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e => Assert.Contains("KR", e.GetProperty("countries").EnumerateArray().Select(c => c.GetString())));
        Assert.Equal(items.Count, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Engagements_FilteredBySectorAndYears_AllMatch()
    {
        var page = await GetJson("/api/engagements?sector=film&yearFrom=2024&yearTo=2024&limit=200");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e =>
        {
            Assert.Contains("film", e.GetProperty("sectors").EnumerateArray().Select(c => c.GetString()));
            Assert.StartsWith("2024", e.GetProperty("date").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Overview_Samples_CountsDocumentsAndPartnerCountries()
    {
        var o = await GetJson("/api/overview");
        Assert.Equal(10, o.GetProperty("documents").GetInt64());
        var countries = o.GetProperty("byCountry").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count").GetInt64());
        Assert.True(countries["JP"] >= 2, string.Join(", ", countries));
        Assert.True(countries["KR"] >= 1);
        var engagements = o.GetProperty("engagements").GetInt64();
        Assert.Equal(engagements, o.GetProperty("byType").EnumerateArray().Sum(t => t.GetProperty("count").GetInt64()));
        Assert.Contains(o.GetProperty("provinces").EnumerateArray(), p => p.GetProperty("key").GetString() == "TH-10");
    }

    [Fact]
    public async Task Network_Samples_LinksThaiAgenciesToPartnerCountries()
    {
        var all = await GetJson("/api/network");
        var nodes = all.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n);
        Assert.Contains("cJP", nodes.Keys);
        Assert.DoesNotContain("cTH", nodes.Keys);
        var edges = all.GetProperty("edges").EnumerateArray().ToList();
        Assert.All(edges, e =>
        {
            Assert.Equal("agency", nodes[e.GetProperty("source").GetString()!].GetProperty("kind").GetString());
            Assert.Equal("country", nodes[e.GetProperty("target").GetString()!].GetProperty("kind").GetString());
            Assert.True(e.GetProperty("weight").GetInt64() >= 1);
        });

        var games = await GetJson("/api/network?sector=games");
        var gameCountries = games.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "country").Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains("cFI", gameCountries);
        Assert.True(games.GetProperty("edges").GetArrayLength() < edges.Count);
    }

    [Theory]
    [InlineData("KR", "cKR")]
    [InlineData("jp", "cJP")]
    public async Task Network_FilteredByCountry_KeepsThatPartnersEngagementsOnly(string country, string node)
    {
        var all = (await GetJson("/api/network")).GetProperty("nodes").GetArrayLength();
        var graph = await GetJson("/api/network?country=" + country);
        var ids = graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();
        Assert.Contains(node, ids);
        Assert.Contains(ids, id => id.StartsWith('e'));
        Assert.True(ids.Count < all, $"{ids.Count} of {all} nodes");
        Assert.All(graph.GetProperty("edges").EnumerateArray(), e => Assert.Contains(e.GetProperty("source").GetString(), ids));
    }

    [Fact]
    public async Task Network_UnknownCountry_IsAValidationProblem()
    {
        using var response = await Client.GetAsync("/api/network?country=XX");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("country", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Country_Korea_HasThaiNameEngagementsAndPartners()
    {
        var korea = await GetJson("/api/countries/KR");
        Assert.Equal("South Korea", korea.GetProperty("nameEn").GetString());
        Assert.Equal("เกาหลีใต้", korea.GetProperty("nameTh").GetString());
        Assert.True(korea.GetProperty("engagements").GetInt64() >= 1);
        Assert.Contains(korea.GetProperty("partners").EnumerateArray(), p => p.GetProperty("name").GetString() == "กรมการท่องเที่ยว");
    }

    [Fact]
    public async Task Entities_OfKindAgency_AreAllAgencies()
    {
        var page = await GetJson("/api/entities?kind=agency&limit=200");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e => Assert.StartsWith("agency:", e.GetProperty("key").GetString(), StringComparison.Ordinal));

        var found = await GetJson("/api/entities?q=KOFIC");
        Assert.Equal("Korean Film Council", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryApi()
    {
        var doc = await GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(
            new HashSet<string> { "/api/documents", "/api/documents/{id}", "/api/entities/{id}", "/api/engagements", "/api/commitments", "/api/network", "/api/overview", "/api/ingest" },
            paths.ToHashSet());
        Assert.Equal("SoftPowerAtlas API", doc.GetProperty("info").GetProperty("title").GetString());
    }
}

/// <summary>The same API tests over a PostgreSQL database.</summary>
public sealed class PostgresFactsApiTests : FactsApiTests
{
    protected override TestEngine Engine => TestEngine.Postgres;
}
