using System.Net;
using System.Text.Json;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Apis;

public class DocumentsApiTests : WebTest
{
    [Fact]
    public async Task List_SmallPages_ReturnTotalAndNextOffset()
    {
        var first = await GetJson("/api/documents?limit=3");
        Assert.Equal(10, first.GetProperty("total").GetInt64());
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.Equal(3, first.GetProperty("nextOffset").GetInt32());

        var last = await GetJson("/api/documents?offset=9&limit=3");
        Assert.Equal(1, last.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("nextOffset").ValueKind);
        Assert.Equal(10, last.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("/api/documents?limit=0", "limit")]
    [InlineData("/api/documents?limit=201", "limit")]
    [InlineData("/api/documents?offset=-1", "offset")]
    [InlineData("/api/engagements?sector=poetry", "sector")]
    [InlineData("/api/engagements?country=XX", "country")]
    [InlineData("/api/engagements?country=%22%3E", "country")]
    [InlineData("/api/engagements?yearFrom=99999", "yearFrom")]
    [InlineData("/api/entities?kind=robot", "kind")]
    public async Task Get_InvalidParameter_Returns400ProblemNamingIt(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/documents/99999")]
    [InlineData("/api/documents/99999/engagements")]
    [InlineData("/api/entities/99999")]
    [InlineData("/api/countries/ZZ")]
    [InlineData("/api/provinces/TH-99")]
    [InlineData("/api/no-such-thing")]
    public async Task Get_Missing_Returns404Problem(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Get_NotANumber_Returns400Or404Problem()
    {
        using var response = await Client.GetAsync("/api/documents?limit=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_QueryLongerThanLimit_Returns414Problem()
    {
        using var response = await Client.GetAsync("/api/documents?x=" + new string('ก', 1200));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_ThaiFilmSample_FactsPointAtTheirTextInTheFileAndLinkToEntities()
    {
        var id = await SampleId("th_blog_film_korea.txt");
        var doc = await GetJson($"/api/documents/{id}");
        var original = await File.ReadAllTextAsync(Path.Combine(TestDatabase.SamplesFolder, "th_blog_film_korea.txt"));
        var clean = doc.GetProperty("cleanText").GetString()!;
        var facts = doc.GetProperty("facts").EnumerateArray().ToList();

        // A plain-text Thai file: the cleaned words of each fact are the file's words at its original offsets.
        foreach (var f in facts)
        {
            var inClean = clean[f.GetProperty("start").GetInt32()..f.GetProperty("end").GetInt32()];
            var inFile = original[f.GetProperty("originalStart").GetInt32()..f.GetProperty("originalEnd").GetInt32()];
            Assert.Equal(inFile, inClean);
        }

        var kofic = facts.First(f => clean[f.GetProperty("start").GetInt32()..f.GetProperty("end").GetInt32()] == "KOFIC");
        Assert.Equal("organization", kofic.GetProperty("kind").GetString());
        Assert.Equal(24, kofic.GetProperty("originalStart").GetInt32());
        var entity = await GetJson(kofic.GetProperty("href").GetString()!.Replace("/entities/", "/api/entities/", StringComparison.Ordinal));
        Assert.Equal("Korean Film Council", entity.GetProperty("entity").GetProperty("name").GetString());
        Assert.Contains("KOFIC", entity.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains(entity.GetProperty("countries").EnumerateArray(), c => c.GetProperty("key").GetString() == "KR");

        var kinds = facts.Select(f => f.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "date", "organization", "person", "country" }, kinds);
        var korea = facts.First(f => f.GetProperty("kind").GetString() == "country");
        Assert.Equal("/countries/KR", korea.GetProperty("href").GetString());
    }

    [Fact]
    public async Task Engagements_OfDocument_CarryEvidenceOffsetsIntoTheFile()
    {
        var id = await SampleId("th_blog_film_korea.txt");
        var page = await GetJson($"/api/documents/{id}/engagements");
        var original = await File.ReadAllTextAsync(Path.Combine(TestDatabase.SamplesFolder, "th_blog_film_korea.txt"));
        var visit = page.GetProperty("items").EnumerateArray().First(e => e.GetProperty("type").GetString() == "visit");
        Assert.Equal("2024-07-12", visit.GetProperty("date").GetString());
        var evidence = original[visit.GetProperty("evidenceStart").GetInt32()..visit.GetProperty("evidenceEnd").GetInt32()];
        Assert.Contains("12-14 กรกฎาคม 2567", evidence, StringComparison.Ordinal);
    }
}

/// <summary>The same API tests over a PostgreSQL database.</summary>
public sealed class PostgresDocumentsApiTests : DocumentsApiTests
{
    protected override TestEngine Engine => TestEngine.Postgres;
}
