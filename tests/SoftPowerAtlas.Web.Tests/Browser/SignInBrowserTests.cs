using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Web.Tests.Browser;

/// <summary>Signing in and out through the pages in a real browser, on a server that has users.</summary>
public sealed class SignInBrowserTests : BrowserTest
{
    [Fact]
    public async Task Login_ThroughPage_ShowsNameThenLogoutEndsSession()
    {
        Assert.Null(Services.GetRequiredService<UserStore>().Add("สมศรี Editor", UserRole.Editor, "ผ่าน-pass-2567").Error);

        await Page.GotoAsync("/documents");
        await Page.WaitForURLAsync(url => url.Contains("/login?ReturnUrl=%2Fdocuments", StringComparison.Ordinal));
        await Page.FillAsync("#login-name", "สมศรี editor");
        await Page.FillAsync("#login-password", "wrong password");
        await Page.ClickAsync("#login-submit");
        Assert.Equal("Wrong user name or password.", await Page.TextContentAsync("#login-error"));
        await AssertAccessible();

        await Page.FillAsync("#login-password", "ผ่าน-pass-2567");
        await Page.ClickAsync("#login-submit");
        await Page.WaitForURLAsync(url => url.EndsWith("/documents", StringComparison.Ordinal));
        Assert.Equal("สมศรี Editor", await Page.TextContentAsync("#user-name"));
        Assert.Equal(0, await Page.Locator("a[href='/admin/users']").CountAsync());
        await Screenshot("signed-in");

        await Page.ClickAsync("#logout");
        await Page.WaitForSelectorAsync("#signed-out");
        Assert.Equal(0, await Page.Locator("#user-name").CountAsync());
        await Page.GotoAsync("/documents");
        await Page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_ThaiPage_LabelsInThai()
    {
        Services.GetRequiredService<UserStore>().Add("anna", UserRole.Viewer, "anna-pass-1");

        await Page.GotoAsync("/login?lang=th");

        Assert.Equal("เข้าสู่ระบบ", await Page.TextContentAsync("h1"));
        Assert.Equal("เข้าสู่ระบบ", await Page.TextContentAsync("#login-submit"));
        await AssertAccessible();
    }
}
