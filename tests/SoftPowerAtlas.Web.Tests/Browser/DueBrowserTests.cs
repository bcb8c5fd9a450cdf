using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Web.Tests.Due;

namespace SoftPowerAtlas.Web.Tests.Browser;

/// <summary>
/// "Which commitments are overdue?" from the dashboard, on the system clock: the two releases of
/// <see cref="DueTexts"/> are ingested by each test, and both their promises (December 2024, 20 June 2025) are past.
/// </summary>
public sealed partial class DueBrowserTests : BrowserTest
{
    private const string JapanWords = "เทศกาลดนตรีร่วมกัน";
    private const string FranceWords = "joint film festival plan";

    private async Task Ingest()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        (await http.PostAsync("/api/ingest", DueTexts.Upload())).EnsureSuccessStatusCode();
    }

    private ILocator Item(string words) => Page.Locator("#due-list li.item", new() { HasTextString = words });

    [Theory]
    [InlineData("th", "เลยกำหนดมา", "เลยกำหนด", "31 ธ.ค. 2567", "ธ.ค. 2567")]
    [InlineData("en", "Overdue by", "Overdue", "31 December 2024", "December 2024")]
    public async Task Dashboard_CommitmentsTile_OpensDueWithTheOverdueCommitmentAndItsPassage(string lang, string badgeStart, string stateWord, string dueBy, string written)
    {
        await Ingest();
        await Page.GotoAsync("/?lang=" + lang);
        await Page.ClickAsync("#tile-commitments"); // click 1
        await Page.WaitForURLAsync("**/due");
        Assert.Equal(lang == "th" ? "ครบกำหนด" : "Due", await Page.TextContentAsync("h1"));

        var japan = Item(JapanWords);
        Assert.Equal("overdue", await japan.GetAttributeAsync("data-status"));
        Assert.Equal("2024-12-31", await japan.Locator("time.due-by").GetAttributeAsync("datetime"));
        Assert.Equal(dueBy, await japan.Locator("time.due-by").TextContentAsync());
        Assert.Equal(written, await japan.Locator(".due-written").TextContentAsync());
        var badge = await japan.Locator(".badge").TextContentAsync() ?? string.Empty;
        Assert.StartsWith(badgeStart, badge, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(badge, stateWord)); // the state is said once, not "เลยกำหนด · เลยกำหนด"
        Assert.True(await Page.Locator("#due-list li.item").CountAsync() >= 2);
        var states = await Page.Locator("#due-list li.item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.status)");
        Assert.All(states, s => Assert.Contains(s, new[] { "overdue", "due_soon" }));
        await AssertAccessible();
        await Screenshot("due-" + lang);

        await japan.Locator("a.source-link").ClickAsync(); // click 2: the sentence in its document
        await Page.WaitForURLAsync(PassageUrl());
        var passage = await Page.Locator("#doc-text .passage").AllTextContentsAsync();
        Assert.Contains(JapanWords, string.Concat(passage), StringComparison.Ordinal);
        Assert.Equal(1, await Page.Locator("#passage").CountAsync());
    }

    [Fact]
    public async Task Due_CountryAndStatusFilters_ChangeTheListAndMarkDoneMovesItOut()
    {
        await Ingest();
        await Page.GotoAsync("/due?lang=en");
        Assert.Equal(1, await Item(FranceWords).CountAsync());

        await Page.FillAsync("#due-filters input[name=country]", "ญี่ปุ่น");
        await Page.ClickAsync("#due-filters button[type=submit]");
        await Page.WaitForURLAsync(new Regex("country="));
        Assert.Equal(1, await Item(JapanWords).CountAsync());
        Assert.Equal(0, await Item(FranceWords).CountAsync());
        var csv = await Page.GetAttributeAsync("#export-csv", "href");
        Assert.Contains("country=", csv, StringComparison.Ordinal);

        // Only "done": nothing is done yet.
        await Page.GotoAsync("/due?status=done");
        Assert.Equal("0", await Page.GetAttributeAsync("#due-counts", "data-total"));
        await Page.Locator("#due-empty").WaitForAsync();

        await Page.GotoAsync("/due?country=JP");
        var japan = Item(JapanWords);
        await japan.Locator("input[name=note]").FillAsync("จัดแล้วเมื่อ ธ.ค. 2567");
        await japan.Locator("button.done").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/due\\?country=JP$"));
        Assert.Equal(0, await Item(JapanWords).CountAsync()); // no longer overdue

        await Page.GotoAsync("/due?country=JP&status=done");
        Assert.Equal("done", await Item(JapanWords).GetAttributeAsync("data-status"));
        Assert.Contains("จัดแล้วเมื่อ ธ.ค. 2567", await Item(JapanWords).TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await Page.GotoAsync("/timeline?status=done");
        Assert.Equal("done", await Page.Locator("li.item[data-kind=commitment]").First.GetAttributeAsync("data-status"));
    }

    [Theory]
    [InlineData("th", "ผู้รับผิดชอบ")]
    [InlineData("en", "By")]
    public async Task Due_CommitmentWithAnActor_ShowsTheActorInTheTextColour(string lang, string label)
    {
        // The header's signed-in box once shared the class "who" and painted every actor white on white.
        await Ingest();
        await Page.GotoAsync("/due?lang=" + lang);
        var france = Item(FranceWords);
        Assert.Equal(label, await france.Locator(".who").Locator("xpath=preceding-sibling::span[@class='label']").TextContentAsync());
        Assert.Equal("กรมส่งเสริมวัฒนธรรม", await france.Locator(".who").TextContentAsync());
        var japanWho = await Item(JapanWords).Locator(".who").TextContentAsync();
        Assert.StartsWith("กระทรวงวัฒนธรรม", japanWho, StringComparison.Ordinal);
        var colours = await france.EvaluateAsync<string[]>(
            "li => [getComputedStyle(li.querySelector('.who')).color, getComputedStyle(li.querySelector('.what')).color, getComputedStyle(li).backgroundColor]");
        Assert.Equal(colours[1], colours[0]);
        Assert.NotEqual("rgb(255, 255, 255)", colours[0]);
        Assert.True(await france.Locator(".who").IsVisibleAsync());
    }

    [Fact]
    public async Task Due_SignedInViewer_SeesNoMarkButton()
    {
        await Ingest();
        var users = Services.GetRequiredService<UserStore>();
        Assert.Null(users.Add("viewer", UserRole.Viewer, "viewer-pass-2567").Error);
        await Page.GotoAsync("/login?ReturnUrl=%2Fdue");
        await Page.FillAsync("#login-name", "viewer");
        await Page.FillAsync("#login-password", "viewer-pass-2567");
        await Page.ClickAsync("#login-submit");
        await Page.WaitForURLAsync("**/due");
        Assert.True(await Page.Locator("#due-list li.item").CountAsync() >= 2);
        Assert.Equal(0, await Page.Locator("#due-list form.mark, #due-list button").CountAsync());
    }

    [Fact]
    public async Task Timeline_Default_NewestFirstAndStatusFilterKeepsOnlyThatState()
    {
        await Ingest();
        await Page.GotoAsync("/timeline");
        var days = await Page.Locator("#timeline li.item time").AllTextContentsAsync();
        var dated = days.Where(d => Regex.IsMatch(d, "^\\d{4}")).ToList();
        Assert.True(dated.Count >= 2);
        Assert.True(string.CompareOrdinal(dated[0], dated[^1]) > 0, $"{dated[0]} should be newer than {dated[^1]}");

        await Page.SelectOptionAsync("#timeline-status", "overdue");
        await Page.ClickAsync("#timeline-filters button[type=submit]");
        await Page.WaitForURLAsync(new Regex("status=overdue"));
        var states = await Page.Locator("#timeline li.item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.status)");
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Equal("overdue", s));
    }

    [Theory]
    [InlineData("th")]
    [InlineData("en")]
    public async Task Menu_At1280Pixels_FitsOneLineWithTheDueLink(string lang)
    {
        await Page.SetViewportSizeAsync(1280, 800);
        await Page.GotoAsync("/?lang=" + lang);
        var tops = await Page.Locator("header.top nav a").EvaluateAllAsync<double[]>("links => links.map(a => a.getBoundingClientRect().top)");
        Assert.True(tops.Length >= 10, "the local admin sees every item");
        Assert.True(tops.Max() - tops.Min() < 4, $"menu items on more than one line: {string.Join(", ", tops)}");
        Assert.Equal("/due", await Page.GetAttributeAsync("#nav-due", "href"));
    }

    [GeneratedRegex(@"/documents/\d+\?passage=\d+-\d+#passage$")]
    private static partial Regex PassageUrl();
}
