using System.Net.Http.Headers;
using System.Text;

namespace SoftPowerAtlas.Web.Tests.Browser;

/// <summary>
/// The dashboard's two maps: Thai provinces coloured by the documents naming them (amCharts geodata) and
/// partner countries coloured by engagements, each with a legend whose steps are the colours drawn. Each
/// test ingests two releases written for it naming Mae Hong Son, a province no sample names.
/// </summary>
public sealed class MapsBrowserTests : BrowserTest
{
    private const string MaeHongSon = "TH-58";

    private async Task Ingest()
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, text) in new[]
        {
            ("maps-festival.txt", "จังหวัดแม่ฮ่องสอนร่วมกับกระทรวงวัฒนธรรมจัดเทศกาลอาหารพื้นถิ่น เมื่อวันที่ 8 กุมภาพันธ์ 2568 ณ อำเภอเมืองแม่ฮ่องสอน\n"),
            ("maps-visit.txt", "Officials from Mae Hong Son Province met a delegation from the Embassy of Japan in Mae Hong Son on 20 February 2025 to discuss community tourism.\n"),
        })
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
            form.Add(part, "files", name);
        }

        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        (await http.PostAsync("/api/ingest", form)).EnsureSuccessStatusCode();
    }

    /// <summary>The fill a map gives a place's shape, and the colour of the legend step its count falls in.</summary>
    private Task<string[]> FillAndLegendColour(string map, string legend, string code) => Page.EvaluateAsync<string[]>(
        """
        ([map, legend, code]) => {
          const link = document.querySelector('#' + map + ' a.place[data-code="' + code + '"]');
          const count = Number(link.dataset.count);
          const step = [...document.querySelectorAll('#' + legend + ' li.step[data-from]')].find(s => count >= Number(s.dataset.from) && count <= Number(s.dataset.to));
          const rgb = (c) => { const d = document.createElement('span'); d.style.color = c; document.body.appendChild(d); const v = getComputedStyle(d).color; d.remove(); return v; };
          return [getComputedStyle(link.querySelector('path')).fill, step ? rgb(step.dataset.colour) : 'no step'];
        }
        """,
        new[] { map, legend, code });

    [Theory]
    [InlineData("th", "แม่ฮ่องสอน", "จำนวนเอกสารที่กล่าวถึงจังหวัด")]
    [InlineData("en", "Mae Hong Son", "Documents naming the province")]
    public async Task Dashboard_ProvinceMap_ColoursAMentionedProvinceAndNamesItInTheReadersLanguage(string lang, string name, string legendTitle)
    {
        await Ingest();
        await Page.GotoAsync("/?lang=" + lang);
        await Page.WaitForSelectorAsync("#province-map[data-ready=true]");
        Assert.True(await Page.Locator("#province-map svg path").CountAsync() >= 77, "every province is drawn");

        var province = Page.Locator($"#province-map a.place[data-code=\"{MaeHongSon}\"]");
        Assert.Equal($"{name}: 2", await province.GetAttributeAsync("aria-label"));
        Assert.Equal($"{name}: 2", await province.Locator("title").TextContentAsync());
        var colours = await FillAndLegendColour("province-map", "province-legend", MaeHongSon);
        Assert.Equal(colours[1], colours[0]);
        Assert.NotEqual("rgb(223, 227, 234)", colours[0]); // not the grey of a province nobody names

        // A province no document names is drawn grey and is no link.
        Assert.Equal(0, await Page.Locator("#province-map a.place[data-code=\"TH-96\"]").CountAsync());

        // Its name and count on hover, and in the table.
        await province.HoverAsync();
        Assert.Equal($"{name}: 2", await Page.TextContentAsync("#province-map-status"));
        var row = Page.Locator($"#province-table tr[data-code=\"{MaeHongSon}\"] td");
        Assert.Equal(new[] { name, "2" }, await row.AllTextContentsAsync());

        Assert.Equal(legendTitle, await Page.TextContentAsync("#province-legend h3"));
        Assert.True(await Page.Locator("#province-legend li.step[data-from]").CountAsync() >= 2);
        Assert.Contains("amCharts", await Page.TextContentAsync("#province-attribution") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("/lib/amcharts5-geodata/LICENSE.txt", await Page.GetAttributeAsync("#province-attribution a[href$='LICENSE.txt']", "href"));
        await AssertAccessible();
        await Page.Locator("#provinces").ScrollIntoViewIfNeededAsync();
        await Screenshot("provinces-" + lang);
    }

    [Theory]
    [InlineData("th", "จำนวนกิจกรรมความร่วมมือกับประเทศ", "ญี่ปุ่น")]
    [InlineData("en", "Engagements with the country", "Japan")]
    public async Task Dashboard_WorldMap_HasALegendWhoseStepsAreTheColoursDrawn(string lang, string legendTitle, string japan)
    {
        await Ingest();
        await Page.GotoAsync("/?lang=" + lang);
        await Page.WaitForSelectorAsync("#world-map[data-ready=true]");
        Assert.Equal(legendTitle, await Page.TextContentAsync("#world-legend h3"));
        var steps = await Page.Locator("#world-legend li.step[data-from]").CountAsync();
        Assert.InRange(steps, 2, 5);

        // The last step ends at the largest count, and every partner's colour is its step's.
        var largest = await Page.Locator("#world-map a.place").EvaluateAllAsync<int>("links => Math.max(...links.map(a => Number(a.dataset.count)))");
        Assert.Equal(largest.ToString(System.Globalization.CultureInfo.InvariantCulture), await Page.Locator("#world-legend li.step[data-from]").Last.GetAttributeAsync("data-to"));
        foreach (var code in await Page.Locator("#world-map a.place").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.code)"))
        {
            var colours = await FillAndLegendColour("world-map", "world-legend", code);
            Assert.True(colours[0] == colours[1], $"{code}: {colours[0]} drawn, legend {colours[1]}");
        }

        Assert.StartsWith(japan + ": ", await Page.GetAttributeAsync("#world-map a.place[data-code=JP]", "aria-label") ?? string.Empty, StringComparison.Ordinal);
        await Page.FocusAsync("#world-map a.place[data-code=JP]");
        Assert.StartsWith(japan + ": ", await Page.TextContentAsync("#world-map-status") ?? string.Empty, StringComparison.Ordinal);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/countries/JP");
    }

    [Fact]
    public async Task Dashboard_ProvinceClick_OpensTheProvincePageWithItsLocation()
    {
        await Ingest();
        await Page.GotoAsync("/?lang=th");
        await Page.WaitForSelectorAsync("#province-map[data-ready=true]");
        await Page.ClickAsync($"#province-map a.place[data-code=\"{MaeHongSon}\"]");
        await Page.WaitForURLAsync("**/provinces/" + MaeHongSon);
        Assert.Equal("แม่ฮ่องสอน", await Page.TextContentAsync("#entity-name"));

        // The province's page shows where it is: it alone is filled on the map of Thailand.
        await Page.WaitForSelectorAsync("#place-map[data-ready=true]");
        var here = Page.Locator("#place-map path.here");
        Assert.Equal(MaeHongSon, await here.GetAttributeAsync("data-code"));
        Assert.Equal("rgb(114, 83, 184)", await here.EvaluateAsync<string>("p => getComputedStyle(p).fill"));
        Assert.Equal(1, await Page.Locator("#place-map path").EvaluateAllAsync<int>("ps => ps.filter(p => getComputedStyle(p).fill === 'rgb(114, 83, 184)').length"));
        await AssertAccessible();
        await Screenshot("province-th");
    }
}
