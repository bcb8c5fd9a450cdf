using System.Net;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>A signed-in viewer who opens a page of a higher role gets the app's 403 page, in their language, with a way back.</summary>
public sealed class DeniedPageTests : SignedInTest
{
    [Theory]
    [InlineData("/ingest", "th", "ไม่มีสิทธิ์", "ไปที่หน้าภาพรวม")]
    [InlineData("/admin/users?lang=en", "th", "Not allowed", "Go to the dashboard")]
    [InlineData("/ingest", "en-US", "Not allowed", "Go to the dashboard")]
    public async Task Get_ViewerOpensHigherRolePage_Gets403PageWithAWayBack(string url, string acceptLanguage, string title, string wayBack)
    {
        using var viewer = await SignIn("vera");
        viewer.DefaultRequestHeaders.AcceptLanguage.Clear();
        viewer.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        using var redirect = await viewer.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/denied", redirect.Headers.Location?.AbsolutePath);

        using var response = await viewer.GetAsync(redirect.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("vera", html, StringComparison.Ordinal); // says who is signed in
        Assert.Contains(wayBack, html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"403\"", html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ViewerCallsAdminApi_Gets403ProblemJson()
    {
        using var viewer = await SignIn("vera");
        using var empty = new MultipartFormDataContent();
        using var response = await viewer.PostAsync("/api/ingest", empty);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_Original_AnonymousSignsInViewerReads()
    {
        using var anonymous = Anonymous();
        using var refused = await anonymous.GetAsync("/documents/1/original");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/login", refused.Headers.Location?.AbsolutePath);

        var path = Path.Combine(Path.GetDirectoryName(Database.Path)!, "original.txt");
        await File.WriteAllTextAsync(path, "กระทรวงวัฒนธรรมจะจัดงานเทศกาลภาพยนตร์ไทยในเดือนมีนาคม 2568 <script>alert(1)</script>\n");
        using var store = SoftPowerAtlas.Storage.AtlasStores.Open(Database.Path, TestText.Shared);
        var summary = await new SoftPowerAtlas.Storage.Ingest.IngestRunner(store, SoftPowerAtlas.Analysis.AtlasPipeline.CreateDefault(TestText.Shared), new SoftPowerAtlas.Analysis.Loading.DocumentLoader())
            .RunAsync(SoftPowerAtlas.Storage.Ingest.InputWalker.Expand([path]));
        Assert.Empty(summary.Failed);

        using var viewer = await SignIn("vera");
        using var response = await viewer.GetAsync("/documents/1/original");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script>alert(1)</script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
