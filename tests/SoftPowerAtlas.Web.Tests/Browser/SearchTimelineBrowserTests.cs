using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SoftPowerAtlas.Web.Tests.Browser;

public sealed partial class SearchTimelineBrowserTests : BrowserTest
{
    [Fact]
    public async Task Search_ThaiFromHeaderThenFacetThenHit_OpensTheDocument()
    {
        await Page.GotoAsync("/?lang=th");
        await Page.FillAsync("header .header-search input[name=q]", "ภาพยนตร์");
        await Page.PressAsync("header .header-search input[name=q]", "Enter");
        await Page.WaitForSelectorAsync("#search-total");
        Assert.Equal("ภาพยนตร์", await Page.InputValueAsync("#search-q"));
        Assert.Equal("ค้นหา", await Page.TextContentAsync("h1"));
        var marks = await Page.Locator(".snippet mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);
        Assert.Contains("ภาพยนตร์", marks);
        // ภาพยนตร์ names the film sector: English pages saying film match too, and the page says so.
        Assert.All(marks, m => Assert.Matches("^(ภาพยนตร์|[Ff]ilms?)$", m));
        Assert.Contains("film", await Page.Locator("#search-expansions [data-concept='sector:film']").TextContentAsync(), StringComparison.Ordinal);

        // A facet adds its filter to the query: the address says so and can be shared.
        await Page.Locator("#facets [data-facet=country] a[data-value=KR]").ClickAsync();
        await Page.WaitForURLAsync(new Regex("country(%3A|:)KR"));
        Assert.Equal("ภาพยนตร์ country:KR", await Page.InputValueAsync("#search-q"));
        Assert.Equal(1, await Page.Locator("#facets li.active").CountAsync());
        var total = int.Parse(await Page.GetAttributeAsync("#search-total", "data-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(total, await Page.Locator("li.hit").CountAsync());
        await AssertAccessible();
        await Screenshot("search");

        var title = await Page.Locator("li.hit a.hit-title").First.TextContentAsync();
        await Page.Locator("li.hit a.hit-title").First.ClickAsync();
        await Page.WaitForURLAsync(DocumentUrl());
        Assert.Equal(title, await Page.TextContentAsync("h1"));
    }

    [Fact]
    public async Task Search_MalformedQuery_ShowsMessageWithCaret()
    {
        await Page.GotoAsync("/search?q=" + Uri.EscapeDataString("\"ภาพยนตร์"));
        Assert.Contains("never closed", await Page.TextContentAsync("#query-error") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("^~~~~~~~", await Page.TextContentAsync("#query-error .caret")); // ภาพยนตร์'s mark takes no column
        await AssertAccessible();
    }

    [Fact]
    public async Task Timeline_MarkDone_FlagShowsDoneAndUndoReopens()
    {
        await Page.GotoAsync("/timeline?type=commitment");
        var item = Page.Locator("li.item[data-kind=commitment]:has(form.mark button.done)").First;
        var id = await item.GetAttributeAsync("id");
        Assert.NotNull(id);
        Assert.NotEqual("done", await item.GetAttributeAsync("data-status"));
        await item.Locator("input[name=note]").FillAsync("ส่งเอกสารแล้ว");
        await item.Locator("button.done").ClickAsync();
        // The redirect back carries the item's anchor; wait for the page it commits to show the item done
        // (not for its load event, which a busy machine has let pass before the wait began).
        await Page.WaitForURLAsync(new Regex("#" + id + "$"), new() { WaitUntil = WaitUntilState.Commit });
        await Page.Locator("#" + id + "[data-status=done]").WaitForAsync();

        var marked = Page.Locator("#" + id);
        Assert.Equal("done", await marked.GetAttributeAsync("data-status"));
        Assert.Contains("ส่งเอกสารแล้ว", await marked.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await Page.GotoAsync("/timeline#" + id);
        await Page.Locator("#" + id + " .badge-done").WaitForAsync();
        await AssertAccessible();
        await Screenshot("timeline");

        await Page.GotoAsync("/timeline?type=commitment");
        await Page.Locator("#" + id + " button.undo").ClickAsync();
        await Page.WaitForURLAsync(new Regex("#" + id + "$"), new() { WaitUntil = WaitUntilState.Commit });
        await Page.Locator("#" + id + " button.done").WaitForAsync();
        Assert.NotEqual("done", await Page.Locator("#" + id).GetAttributeAsync("data-status"));
    }

    [GeneratedRegex(@"/documents/\d+$")]
    private static partial Regex DocumentUrl();
}
