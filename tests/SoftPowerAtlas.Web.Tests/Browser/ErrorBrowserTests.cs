using Microsoft.Playwright;

namespace SoftPowerAtlas.Web.Tests.Browser;

/// <summary>The 404 page as a person meets it in Chromium: in their language, inside the app, with a way back that works.</summary>
public sealed class ErrorBrowserTests : BrowserTest
{
    [Theory]
    [InlineData("th", "ไม่พบหน้าที่ต้องการ", "ภาพรวม")]
    [InlineData("en", "Page not found", "Dashboard")]
    public async Task UnknownAddress_ShowsThe404PageAndItsWayBackLeadsToTheDashboard(string lang, string title, string dashboardMenu)
    {
        var response = await Page.GotoAsync("/documents/no/such/page?lang=" + lang);
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        Assert.Equal(title, await Page.TextContentAsync("h1"));
        Assert.Equal(lang, await Page.GetAttributeAsync("html", "lang"));
        Assert.Equal(dashboardMenu, await Page.Locator("header.top nav a[href='/']").TextContentAsync());
        await AssertAccessible();
        await Screenshot("error-404-" + lang);

        await Page.ClickAsync("#error-home");
        // The dashboard's document, not every map and font it loads: under a loaded CI machine the load event can take longer than the 30 s timeout.
        await Page.WaitForURLAsync(BaseUrl.TrimEnd('/') + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Page.Locator("#tile-commitments").WaitForAsync();
        Assert.Equal(1, await Page.Locator("#tile-commitments").CountAsync());
    }
}
