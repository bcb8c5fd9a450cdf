using System.Net;

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
}
