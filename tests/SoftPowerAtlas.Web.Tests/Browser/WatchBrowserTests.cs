using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Web.Tests.Watches;

namespace SoftPowerAtlas.Web.Tests.Browser;

/// <summary>
/// The issue's measurement for watchlists, in Chromium: a signed-in viewer saves a search, a matching
/// release is uploaded afterwards, the watchlist shows it as new, and the watch's Atom feed (read
/// without the browser's session) lists it.
/// </summary>
public sealed partial class WatchBrowserTests : BrowserTest
{
    private const string Password = "ผ่าน-watch-2567";

    private async Task SignInAs(string name, string lang)
    {
        Assert.Null(Services.GetRequiredService<UserStore>().Add(name, UserRole.Viewer, Password).Error);
        await Page.GotoAsync("/login?lang=" + lang);
        await Page.FillAsync("#login-name", name);
        await Page.FillAsync("#login-password", Password);
        await Page.ClickAsync("#login-submit");
        await Page.WaitForSelectorAsync("#user-name");
    }

    /// <summary>Uploads releases as an admin's script would, with an API key.</summary>
    private async Task Upload(params (string Name, string Text)[] files)
    {
        var users = Services.GetRequiredService<UserStore>();
        Assert.Null(users.Add("uploader", UserRole.Admin, Password).Error);
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", users.IssueKey("uploader")!.Key);
        using var response = await http.PostAsync("/api/ingest", WatchTexts.Upload(files));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("th", "บันทึกการค้นหานี้", "ใหม่ 1 รายการ", "ไม่มีรายการใหม่")]
    [InlineData("en", "Save this search", "1 new", "nothing new")]
    public async Task SavedSearch_MatchingDocumentIngestedAfter_ShownAsNewAndInTheFeed(string lang, string save, string oneNew, string nothingNew)
    {
        await SignInAs("สมศรี", lang);
        await Page.GotoAsync("/search?q=" + Uri.EscapeDataString("มวยไทย"));
        Assert.Equal(save, (await Page.TextContentAsync("#watch-add"))?.Trim());
        await AssertAccessible();
        await Screenshot("search-save-" + lang);
        await Page.ClickAsync("#watch-add");
        await Page.WaitForURLAsync(WatchPage());
        Assert.Equal("มวยไทย", await Page.TextContentAsync("#watch-name"));
        Assert.Equal("0", await Page.TextContentAsync("#watch-document-count"));

        await Upload(("muay-thai.txt", WatchTexts.MuayThai), ("film.txt", WatchTexts.Film));

        await Page.ClickAsync("#nav-watch");
        await Page.WaitForURLAsync("**/watch");
        var watch = Page.Locator("#watch-list li.watch").First;
        Assert.Equal("1", await watch.GetAttributeAsync("data-new"));
        Assert.Equal(oneNew, await watch.Locator(".badge-new").TextContentAsync());
        await AssertAccessible();
        await Screenshot("watchlist-" + lang);

        await watch.Locator("a.watch-name").ClickAsync();
        await Page.WaitForURLAsync(WatchPage());
        var documents = Page.Locator("#watch-documents li.item");
        Assert.Equal(1, await documents.CountAsync());
        Assert.Equal(WatchTexts.MuayThaiTitle, await documents.Locator("a.hit-title").TextContentAsync());
        await AssertAccessible();
        await Screenshot("watch-" + lang);
        await Page.ClickAsync("#watch-feed-new");
        await Page.WaitForSelectorAsync("#watch-feed-address");
        Assert.Equal(1, await documents.CountAsync()); // the answer keeps the list the page showed
        var address = await Page.InputValueAsync("#watch-feed-address");
        Assert.Matches("^http://127\\.0\\.0\\.1:\\d+/watch/\\d+/feed\\.atom\\?token=[A-Za-z0-9_-]{43}$", address);
        await AssertAccessible();
        await Screenshot("watch-feed-" + lang);

        using (var reader = new HttpClient()) // a feed reader: none of the browser's cookies
        {
            using var xml = XmlReader.Create(await reader.GetStreamAsync(new Uri(address)));
            var entries = SyndicationFeed.Load(xml).Items.ToList(); // the samples' Muay Thai pages too, ingested before
            var entry = entries[0];
            Assert.Equal(WatchTexts.MuayThaiTitle, entry.Title.Text);
            Assert.Equal(entries.OrderByDescending(e => e.LastUpdatedTime).Select(e => e.Id), entries.Select(e => e.Id));
            Assert.StartsWith(BaseUrl + "/documents/", entry.Links.Single().Uri.AbsoluteUri, StringComparison.Ordinal);
        }

        await Page.ClickAsync("a[href='/watch']");
        await Page.WaitForURLAsync("**/watch");
        Assert.Equal("0", await Page.Locator("#watch-list li.watch").First.GetAttributeAsync("data-new"));
        Assert.Equal(nothingNew, await Page.Locator("#watch-list li.watch .watch-nothing").First.TextContentAsync());
    }

    [GeneratedRegex(@"/watch/\d+$")]
    private static partial Regex WatchPage();
}
