using System.Text.Json;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Pages;

/// <summary>
/// One release in Thai and English and another outlet's story (tests/corpus/versions), through the real ingest (issue 25,
/// point 2): each release's page links the other as its translation, the API says the same, and the Due page lists the
/// promise both make once, with the English release beside it.
/// </summary>
public sealed class VersionPageTests : IAsyncLifetime
{
    private TestDatabase _db = null!; // Set in InitializeAsync.
    private AtlasWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(withSamples: false, TestDatabase.CorpusFile("versions", "release-th.txt"), TestDatabase.CorpusFile("versions", "release-en.txt"), TestDatabase.CorpusFile("versions", "story-en.txt"));
        _factory = new AtlasWebFactory(_db.Path);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task DocumentPages_ThaiReleaseAndItsEnglishVersion_EachLinksTheOther()
    {
        using var client = _factory.CreateClient();
        var ids = await TestDatabase.DocumentIdsAsync(client);

        var thai = await client.GetStringAsync($"/documents/{ids["release-th.txt"]}");
        var english = await client.GetStringAsync($"/documents/{ids["release-en.txt"]}");
        var story = await client.GetStringAsync($"/documents/{ids["story-en.txt"]}");

        // One batch stores them in the order analysis finishes: either release can be the original, the other its translation.
        Assert.Contains("ฉบับอื่นของข่าวเดียวกัน", thai, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/documents/{ids["release-en.txt"]}\" lang=\"en\">", thai, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/documents/{ids["release-th.txt"]}\" lang=\"th\">", english, StringComparison.Ordinal);
        Assert.Contains(ids["release-th.txt"] < ids["release-en.txt"] ? "ต้นฉบับ (เอกสารนี้เป็นฉบับแปล)" : "(ฉบับแปล)", english, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"versions\"", story, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentApi_BothReleases_VersionsNameEachOther()
    {
        using var client = _factory.CreateClient();
        var ids = await TestDatabase.DocumentIdsAsync(client);

        foreach (var (own, other) in new[] { ("release-th.txt", "release-en.txt"), ("release-en.txt", "release-th.txt") })
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{ids[own]}"));
            var version = Assert.Single(json.RootElement.GetProperty("versions").EnumerateArray());
            Assert.Equal(ids[other], version.GetProperty("document").GetProperty("id").GetInt64());
            Assert.Equal("translation", version.GetProperty("kind").GetString());
            Assert.Equal(ids[other] < ids[own], version.GetProperty("isOriginal").GetBoolean());
        }
    }

    [Fact]
    public async Task DuePage_PromiseOfBothVersions_ListedOnceWithTheEnglishReleaseBesideIt()
    {
        using var client = _factory.CreateClient();

        var ids = await TestDatabase.DocumentIdsAsync(client);

        var html = await client.GetStringAsync("/due?status=overdue,due_soon,open");

        // The exhibition and the training: each listed once, under the original, with the other release's passage beside it.
        var original = Math.Min(ids["release-th.txt"], ids["release-en.txt"]);
        var translation = Math.Max(ids["release-th.txt"], ids["release-en.txt"]);
        var beside = html.Split("ระบุไว้ด้วยในข่าวฉบับอื่น:").Skip(1).ToList();
        Assert.Equal(2, beside.Count);
        Assert.All(beside, b => Assert.StartsWith($" <a href=\"/documents/{translation}?passage=", b, StringComparison.Ordinal));
        Assert.DoesNotContain($"class=\"source-link\" href=\"/documents/{translation}?", html, StringComparison.Ordinal);
        Assert.Contains($"class=\"source-link\" href=\"/documents/{original}?", html, StringComparison.Ordinal);
    }
}
