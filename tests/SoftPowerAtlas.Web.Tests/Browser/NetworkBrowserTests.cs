using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Web.Tests.Browser;

/// <summary>
/// The partner network read as a person would: its legend in Thai and English, the country filter kept in
/// the address, labels that fit, and a click or Enter on a node going to its page. Each test ingests two
/// releases written for it (Mexico and Portugal, partners no sample has) on top of the samples.
/// </summary>
public sealed partial class NetworkBrowserTests : BrowserTest
{
    private const string MexicoRelease =
        "กรมส่งเสริมวัฒนธรรมหารือกับสถานเอกอัครราชทูตเม็กซิโกประจำประเทศไทย เรื่องความร่วมมือด้านอาหารและเทศกาล "
        + "เมื่อวันที่ 12 มีนาคม 2568 ณ กรุงเทพมหานคร\n";

    private const string PortugalRelease =
        "Bangkok, 3 April 2025 - The Creative Economy Agency met the Ambassador of Portugal to Thailand in Bangkok on 3 April 2025 "
        + "to discuss cooperation on design and crafts.\n";

    private async Task Ingest()
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, text) in new[] { ("network-mexico.txt", MexicoRelease), ("network-portugal.txt", PortugalRelease) })
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
            form.Add(part, "files", name);
        }

        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        (await http.PostAsync("/api/ingest", form)).EnsureSuccessStatusCode();
    }

    /// <summary>The graph's nodes as the page received them (its data block): id, label, kind.</summary>
    private async Task<List<(string Id, string Label, string Kind)>> ReceivedNodes()
    {
        using var json = JsonDocument.Parse(await Page.TextContentAsync("#network-data") ?? "{}");
        return [.. json.RootElement.GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("id").GetString()!, n.GetProperty("label").GetString()!, n.GetProperty("kind").GetString()!))];
    }

    private Task<int> DrawnNodes() => Page.EvaluateAsync<int>("() => document.getElementById('network').cytoscape.nodes().length");

    [Theory]
    [InlineData("th", "คำอธิบายสัญลักษณ์", "หน่วยงานหรือองค์กรไทย", "ประเทศคู่ความร่วมมือ", "ความหนาของเส้น")]
    [InlineData("en", "Legend", "Thai agency or body", "Partner country", "Line width")]
    public async Task Network_Legend_SaysWhatColoursSizesAndWidthsMeanInTheReadersLanguage(string lang, string title, string agency, string country, string width)
    {
        await Ingest();
        await Page.GotoAsync("/network?lang=" + lang);
        await Page.WaitForSelectorAsync("#network[data-ready=true]");
        Assert.Equal(title, await Page.TextContentAsync("#network-legend h2"));
        var items = await Page.Locator("#network-legend li").AllTextContentsAsync();
        Assert.Equal(4, items.Count);
        Assert.Equal(agency, items[0].Trim());
        Assert.Equal(country, items[1].Trim());
        Assert.StartsWith(width, items[3].Trim(), StringComparison.Ordinal);

        // The numbers the legend states are those of the graph drawn.
        var weights = await Page.EvaluateAsync<double[]>("() => { const cy = document.getElementById('network').cytoscape; const w = cy.edges().map(e => e.data('weight')); return [Math.min(...w), Math.max(...w)]; }");
        Assert.EndsWith($"({weights[0]:0} {(lang == "th" ? "ถึง" : "to")} {weights[1]:0})", items[3].Trim(), StringComparison.Ordinal);
        await AssertAccessible();
        await Screenshot("network-" + lang);
    }

    [Fact]
    public async Task Network_CountryFilter_NarrowsTheNodesAndStaysInTheAddress()
    {
        await Ingest();
        await Page.GotoAsync("/network?lang=en");
        await Page.WaitForSelectorAsync("#network[data-ready=true]");
        var all = await ReceivedNodes();
        Assert.Contains(all, n => n.Label == "Mexico");
        Assert.Contains(all, n => n.Label == "Portugal");

        await Page.SelectOptionAsync("#network-country", "MX");
        await Page.ClickAsync("#network-filters button[type=submit]");
        await Page.WaitForURLAsync(new Regex("country=MX"));
        await Page.WaitForSelectorAsync("#network[data-ready=true]");
        var mexico = await ReceivedNodes();
        Assert.Contains(mexico, n => n.Id == "cMX" && n.Label == "Mexico");
        Assert.DoesNotContain(mexico, n => n.Label == "Portugal");
        Assert.Contains(mexico, n => n.Kind == "agency" && n.Label == "กรมส่งเสริมวัฒนธรรม");
        Assert.True(mexico.Count < all.Count, $"{mexico.Count} of {all.Count}");
        Assert.Equal(mexico.Count, await DrawnNodes());
        Assert.Equal(mexico.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await Page.GetAttributeAsync("#network-count", "data-nodes"));
        Assert.Equal("MX", await Page.InputValueAsync("#network-country"));

        // A shared address opens the same view; in Thai the country is named in Thai.
        await Page.GotoAsync("/network?country=MX&lang=th");
        Assert.Contains(await ReceivedNodes(), n => n.Id == "cMX" && n.Label == "เม็กซิโก");
    }

    [Fact]
    public async Task Network_BuddhistEraYears_FilterLikeTheirGregorianYears()
    {
        await Ingest();
        await Page.GotoAsync("/network?yearFrom=2568&yearTo=2568&lang=th");
        var be = await ReceivedNodes();
        await Page.GotoAsync("/network?yearFrom=2025&yearTo=2025&lang=th");
        Assert.Equal(be, await ReceivedNodes());
        Assert.Contains(be, n => n.Id == "cMX");
        Assert.Equal("2568", await Page.InputValueAsync("#network-filters input[name=yearFrom]"));
        Assert.Equal(0, await Page.Locator("#network-ignored").CountAsync());
    }

    [Fact]
    public async Task Network_ClickAgencyNode_OpensItsEntityPage()
    {
        await Ingest();
        await Page.GotoAsync("/network?country=MX&lang=th");
        await Page.WaitForSelectorAsync("#network[data-ready=true]");
        var at = await Page.EvaluateAsync<double[]>("""
            () => {
              const holder = document.getElementById('network');
              const node = holder.cytoscape.nodes("[kind = 'agency']").filter(n => n.data('label') === 'กรมส่งเสริมวัฒนธรรม')[0];
              const box = holder.getBoundingClientRect();
              const p = node.renderedPosition();
              return [box.left + p.x, box.top + p.y];
            }
            """);
        await Page.Mouse.MoveAsync((float)at[0], (float)at[1]);
        await Page.Locator("#network-focus", new() { HasTextString = "กรมส่งเสริมวัฒนธรรม" }).WaitForAsync(); // its name on hover
        await Page.Mouse.ClickAsync((float)at[0], (float)at[1]);
        await Page.WaitForURLAsync(EntityUrl());
        Assert.Equal("กรมส่งเสริมวัฒนธรรม", await Page.TextContentAsync("#entity-name"));
    }

    [Fact]
    public async Task Network_EnterOnKeyboardFocus_OpensTheFocusedNodesPage()
    {
        await Ingest();
        await Page.GotoAsync("/network?country=PT&lang=en");
        await Page.WaitForSelectorAsync("#network[data-ready=true]");
        await Page.FocusAsync("#network");
        await Page.Keyboard.PressAsync("ArrowRight");
        var first = await Page.GetAttributeAsync("#network", "data-focused");
        await Page.Keyboard.PressAsync("ArrowRight");
        var second = await Page.GetAttributeAsync("#network", "data-focused");
        Assert.NotEqual(first, second);
        var target = second == "cPT" ? "Portugal" : (await ReceivedNodes()).Single(n => n.Id == second).Label;
        Assert.StartsWith(target + " (", await Page.TextContentAsync("#network-focus") ?? string.Empty, StringComparison.Ordinal);

        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(second == "cPT" ? new Regex("/countries/PT$") : EntityUrl());
        Assert.Equal(target, await Page.TextContentAsync("#entity-name"));
    }

    [Fact]
    public async Task Network_Labels_AreThirteenPixelsOnScreenNeverOverlapAndThinOutWhenZoomedOut()
    {
        await Ingest();
        await Page.GotoAsync("/network?lang=en");
        await Page.WaitForSelectorAsync("#network[data-ready=true]");
        const string Labels = """
            () => {
              const cy = document.getElementById('network').cytoscape;
              const shown = cy.nodes('.labelled');
              const boxes = shown.map(n => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
              let overlaps = 0;
              for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], b = boxes[j];
                if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
              }
              const px = shown.map(n => parseFloat(n.style('font-size')) * cy.zoom());
              const small = shown.filter(n => n.data('size') < 24).length;
              return [shown.length, overlaps, Math.min(...px, 13), Math.max(...px, 13), small];
            }
            """;
        var atFit = await Page.EvaluateAsync<double[]>(Labels);
        Assert.True(atFit[0] >= 3, $"{atFit[0]} labels shown");
        Assert.Equal(0, atFit[1]);
        Assert.InRange(atFit[2], 12.9, 13.1);
        Assert.InRange(atFit[3], 12.9, 13.1);
        Assert.Equal(0, atFit[4]);

        await Page.EvaluateAsync("() => { const cy = document.getElementById('network').cytoscape; cy.zoom({ level: cy.zoom() / 4, renderedPosition: { x: 300, y: 300 } }); }");
        await Page.WaitForTimeoutAsync(200);
        var zoomedOut = await Page.EvaluateAsync<double[]>(Labels);
        Assert.True(zoomedOut[0] < atFit[0], $"{zoomedOut[0]} labels zoomed out, {atFit[0]} at fit");
        Assert.Equal(0, zoomedOut[1]);
        Assert.InRange(zoomedOut[2], 12.9, 13.1);
    }

    [GeneratedRegex(@"/entities/\d+$")]
    private static partial Regex EntityUrl();
}
