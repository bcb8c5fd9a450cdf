using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Web.Tests.Browser;

public sealed partial class BrowserTests : BrowserTest
{
    [Fact]
    public async Task Document_ClickHighlightedAgency_OpensItsEntityPage()
    {
        await Page.GotoAsync("/documents");
        await AssertAccessible();
        await Page.ClickAsync("text=กรมการท่องเที่ยว จับมือ KOFIC");
        await Page.WaitForSelectorAsync("#doc-text");
        Assert.True(await Page.Locator("#doc-text .fact").CountAsync() > 20);
        Assert.True(await Page.Locator("#engagements .engagement").CountAsync() >= 1);
        await AssertAccessible();
        await Screenshot("document");

        await Page.Locator("#doc-text a.fact-organization", new() { HasTextString = "KOFIC" }).First.ClickAsync();
        await Page.WaitForURLAsync(EntityUrl());
        Assert.Equal("Korean Film Council", await Page.TextContentAsync("#entity-name"));
        Assert.Contains("KOFIC", await Page.TextContentAsync(".aliases") ?? string.Empty, StringComparison.Ordinal);
        await AssertAccessible();
        await Screenshot("entity");
    }

    [Fact]
    public async Task Dashboard_SwitchToThai_ShowsThaiLabelsChartsAndMap()
    {
        await Page.GotoAsync("/");
        Assert.Equal("Dashboard", await Page.TextContentAsync("h1"));
        await Page.ClickAsync("#lang-th");
        await Page.WaitForSelectorAsync("html[lang=th]");
        Assert.Equal("ภาพรวม", await Page.TextContentAsync("h1"));
        await Page.WaitForSelectorAsync("#world-map svg a.place");
        Assert.True(await Page.Locator("#world-map a.place").CountAsync() >= 5);
        Assert.Equal("10", await Page.TextContentAsync("#total-documents"));

        // A Thai label is drawn with a Thai font, not boxes: its rendered width is that of real glyphs.
        var width = await Page.EvaluateAsync<double>("() => { const c = document.createElement('canvas').getContext('2d'); c.font = '16px ' + getComputedStyle(document.body).fontFamily; return c.measureText('ภาพรวม').width; }");
        Assert.InRange(width, 20, 120);
        await Page.WaitForTimeoutAsync(300);
        await AssertAccessible();
        await Screenshot("dashboard-th");

        // The choice is remembered on the next page.
        await Page.GotoAsync("/documents");
        Assert.Equal("เอกสาร", await Page.TextContentAsync("h1"));
    }

    [Fact]
    public async Task Network_Loads_NodesClickThroughToCountry()
    {
        await Page.GotoAsync("/network");
        await Page.WaitForSelectorAsync("#network[data-ready=true]");
        var nodes = await Page.EvaluateAsync<int>("() => document.querySelectorAll('#network canvas').length");
        Assert.True(nodes >= 1);
        await AssertAccessible();
        await Screenshot("network");

        await Page.GotoAsync("/network?sector=games");
        await Page.WaitForSelectorAsync("#network[data-ready=true]");
        await Page.ClickAsync("#network-table >> xpath=.. >> summary");
        await Page.Locator("#network-table a", new() { HasTextString = "Finland" }).First.ClickAsync();
        await Page.WaitForURLAsync("**/countries/FI");
        Assert.Equal("Finland", await Page.TextContentAsync("#entity-name"));
        await AssertAccessible();
    }

    [Fact]
    public async Task Ingest_UploadFile_ShowsResultAndOpensTheNewDocument()
    {
        var file = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "กระทรวงวัฒนธรรมหารือกับสถานเอกอัครราชทูตญี่ปุ่นประจำประเทศไทย เรื่องความร่วมมือด้านดนตรีและภาพยนตร์ เมื่อวันที่ 5 มิถุนายน 2567 ณ กรุงเทพมหานคร โดยทั้งสองฝ่ายจะจัดเทศกาลดนตรีร่วมกันภายในเดือนธันวาคม 2567\n");
        try
        {
            await Page.GotoAsync("/ingest");
            await AssertAccessible();
            await Page.SetInputFilesAsync("#file-input", file);
            var row = Page.Locator("#upload-list li[data-status=stored]");
            await row.WaitForAsync();
            Assert.Contains("document 11", await row.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal(100, await Page.Locator("#upload-list progress").EvaluateAsync<double>("p => p.value"));
            await Screenshot("ingest");

            await row.Locator("a").ClickAsync();
            await Page.WaitForURLAsync("**/documents/11");
            Assert.True(await Page.Locator("#doc-text .fact").CountAsync() >= 3);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Document_HostileText_RunsNoScript()
    {
        var dialogs = 0;
        Page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        var errors = new List<string>();
        Page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        using var content = new MultipartFormDataContent
        {
            { new StringContent("Ministry of Culture met Japan in Tokyo on May 1, 2024. <script>alert('x')</script> <img src=x onerror=\"alert('y')\">"), "files", "hostile.txt" },
        };
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        (await http.PostAsync("/api/ingest", content)).EnsureSuccessStatusCode();

        await Page.GotoAsync("/documents/11");
        Assert.Contains("<script>alert('x')</script>", await Page.TextContentAsync("#doc-text") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, await Page.Locator("#doc-text script, #doc-text img").CountAsync());
        await Page.WaitForTimeoutAsync(300);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task ApiReference_Loads_ListsTheEndpoints()
    {
        await Page.GotoAsync("/api-docs");
        await Page.WaitForSelectorAsync(".opblock");
        Assert.True(await Page.Locator(".opblock").CountAsync() >= 10);
        await AssertAccessible();
    }

    [Theory]
    [InlineData("/engagements?lang=th", ".engagement")]
    [InlineData("/engagements?lang=en&sector=film", ".engagement")]
    [InlineData("/entities?lang=th", "table.list")]
    [InlineData("/provinces/TH-10?lang=th", "#entity-name")]
    [InlineData("/countries/JP?lang=en", "#entity-name")]
    public async Task ListAndPlacePages_Shown_PassTheAccessibilityCheck(string url, string content)
    {
        await Page.GotoAsync(url);
        await Page.Locator(content).First.WaitForAsync();
        await AssertAccessible();
    }

    [GeneratedRegex(@"/entities/\d+$")]
    private static partial Regex EntityUrl();
}
