using System.Net;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Web.Localization;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Pages;

public partial class PagesTests : WebTest
{
    [Theory]
    [InlineData("/")]
    [InlineData("/documents")]
    [InlineData("/documents?offset=5")]
    [InlineData("/documents?offset=-4")]
    [InlineData("/documents/1")]
    [InlineData("/entities")]
    [InlineData("/entities?kind=agency&q=กรม")]
    [InlineData("/engagements?sector=film&country=KR")]
    [InlineData("/engagements?sector=%3Cscript%3E")]
    [InlineData("/countries/JP")]
    [InlineData("/provinces/TH-10")]
    [InlineData("/network?sector=games")]
    [InlineData("/ingest")]
    [InlineData("/api-docs")]
    [InlineData("/search")]
    [InlineData("/search?q=%E0%B8%A0%E0%B8%B2%E0%B8%9E%E0%B8%A2%E0%B8%99%E0%B8%95%E0%B8%A3%E0%B9%8C+country:KR")]
    [InlineData("/search?q=film&page=999")]
    [InlineData("/timeline")]
    [InlineData("/timeline?country=ญี่ปุ่น&type=commitment&page=2")]
    [InlineData("/timeline?from=2024-04&to=FY2025&sector=music")]
    public async Task Get_Page_RendersWithSecurityHeadersAndNoMissingLabel(string url)
    {
        using var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotMatch(MissingLabel(), html);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal); // No inline script anywhere: the policy forbids it.
    }

    [Theory]
    [InlineData("/documents/99999")]
    [InlineData("/entities/99999")]
    [InlineData("/countries/ZZ")]
    [InlineData("/provinces/XX")]
    public async Task Get_MissingThing_Returns404(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Document_KoreaFilm_HighlightsFactsInPlaceWithLinksAndOffsets()
    {
        var id = await SampleId("th_blog_film_korea.txt");
        var html = await Client.GetStringAsync($"/documents/{id}");
        var kofic = KoficLink().Match(html);
        Assert.True(kofic.Success, "no highlighted KOFIC link");
        Assert.Equal("24", kofic.Groups["start"].Value);
        Assert.Equal("29", kofic.Groups["end"].Value);
        Assert.Matches("<a class=\"fact fact-country\"[^>]* href=\"/countries/KR\"", html);
        Assert.Contains("<mark class=\"fact fact-date\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"engagements\"", html, StringComparison.Ordinal);
        Assert.Contains("2024-10-04", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_QueryThenCookie_SwitchesEveryLabelToEnglish()
    {
        var thai = await Client.GetStringAsync("/");
        Assert.Contains("<html lang=\"th\">", thai, StringComparison.Ordinal);
        Assert.Contains("<h1>ภาพรวม</h1>", thai, StringComparison.Ordinal);

        using var switched = await Client.GetAsync("/?lang=en");
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(LanguageMiddleware.CookieName, StringComparison.Ordinal));
        var english = await switched.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<h1>Dashboard</h1>", english, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/documents");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var next = await Client.SendAsync(request);
        Assert.Contains("<h1>Documents</h1>", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_EveryKeyUsedInPages_IsDefinedInBothLanguages()
    {
        var pages = Path.Combine(Path.GetDirectoryName(TestDatabase.SamplesFolder)!, "src", "SoftPowerAtlas.Web", "Pages");
        var used = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(used.Count > 40, $"only {used.Count} keys found: is the pattern still right?");
        Assert.DoesNotContain(used, k => !UiLabels.Default.Contains(k));
        foreach (var key in UiLabels.Default.Keys)
        {
            Assert.NotEqual(UiLabels.Default.Get(key, "en"), $"[{key}]");
            Assert.NotEqual(UiLabels.Default.Get(key, "th"), $"[{key}]");
        }
    }

    [Theory]
    [InlineData("key\tonly English")]
    [InlineData("key\t\tไทย")]
    [InlineData("a\tA\tก\na\tA\tก")]
    public void ParseLabels_BadRow_ThrowsNamingTheLine(string text)
    {
        var e = Assert.Throws<InvalidDataException>(() => UiLabels.Parse(new StringReader(text), "labels.tsv"));
        Assert.StartsWith("labels.tsv:", e.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[[a-z]+\.[a-z\-_.]+\]")]
    private static partial Regex MissingLabel();

    [GeneratedRegex("""T(?:\[|\.Format\()"([a-z\-]+\.[a-z\-_]+)"[\],]""")]
    private static partial Regex UsedKey();

    [GeneratedRegex("""<a class="fact fact-organization" data-end="(?<end>\d+)" data-kind="organization" data-start="(?<start>\d+)" href="/entities/\d+"[^>]*>KOFIC</a>""")]
    private static partial Regex KoficLink();
}

/// <summary>The same pages over a PostgreSQL database.</summary>
public sealed class PostgresPagesTests : PagesTests
{
    protected override TestEngine Engine => TestEngine.Postgres;
}
