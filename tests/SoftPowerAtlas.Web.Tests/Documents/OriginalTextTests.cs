using System.Net;
using System.Text;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Documents;

/// <summary>Pages name a document's source by address or file name, never by the server's folders, and link to its original as plain text.</summary>
public sealed class OriginalTextTests : WebTest
{
    [Theory]
    [InlineData("/documents")]
    [InlineData("/search?q=ภาพยนตร์")]
    [InlineData("/search?q=OTOP")]
    public async Task Get_ListPage_ShowsFileNamesNotServerPaths(string url)
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync(url));
        Assert.DoesNotContain(TestDatabase.SamplesFolder, html, StringComparison.Ordinal);
        Assert.Matches("class=\"source\">[a-z_]+\\.(md|txt|html)<", html);
    }

    [Theory]
    [InlineData("en_cea_mou_ishikawa.md")]
    [InlineData("th_news_fashion_week.html")]
    [InlineData("th_web_unesco_bid.txt")]
    public async Task Get_DocumentPage_NamesTheFileAndLinksItsOriginal(string file)
    {
        var id = await SampleId(file);
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/documents/{id}"));
        Assert.DoesNotContain(TestDatabase.SamplesFolder, html, StringComparison.Ordinal);
        Assert.Contains($"<span>{file}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"view-original\" href=\"/documents/{id}/original\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DocumentWithAnAddress_ShowsAndLinksTheAddress()
    {
        const string address = "https://www.cea.or.th/en/news/cea-ishikawa-mou-2024"; // the sample's front matter
        var id = await SampleId("en_cea_mou_ishikawa.md");
        var html = await Client.GetStringAsync($"/documents/{id}");
        Assert.Contains($"id=\"source-url\" href=\"{address}\"", html, StringComparison.Ordinal);
        var list = await Client.GetStringAsync("/search?q=Ishikawa");
        Assert.Contains($"class=\"source\">{address}<", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en_cea_mou_ishikawa.md")]
    [InlineData("th_news_fashion_week.html")]
    public async Task Get_Original_ServesTheStoredTextAsUtf8PlainText(string file)
    {
        var id = await SampleId(file);
        using var response = await Client.GetAsync($"/documents/{id}/original");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var onDisk = (await File.ReadAllTextAsync(Path.Combine(TestDatabase.SamplesFolder, file))).TrimStart('\uFEFF');
        Assert.Equal(onDisk.ReplaceLineEndings("\n"), body.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Get_OriginalOfUnknownDocument_Answers404Page()
    {
        using var response = await Client.GetAsync("/documents/99999/original");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
