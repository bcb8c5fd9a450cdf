using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Pages;

/// <summary>
/// A message from the store reaches a Thai page in Thai and an English page in English, one test per kind:
/// a malformed search query, a list filter the store cannot read, a curation it refuses. (Uploads: the
/// ingest page's browser test.)
/// </summary>
public sealed partial class ThaiStoreMessagesTests : WebTest
{
    private async Task<string> Text(string url, string selector)
    {
        using var response = await Client.GetAsync(url);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return Regex.Replace(document.QuerySelector(selector)?.TextContent ?? $"(no {selector})", @"\s+", " ").Trim();
    }

    [Theory]
    [InlineData("th", "อ่านคำค้นไม่ได้: เครื่องหมายคำพูดที่ตัวอักษรที่ 1 ไม่มีตัวปิด")]
    [InlineData("en", "the quote at character 1 is never closed; add a closing \" or remove it")]
    public async Task SearchPage_UnclosedQuote_SaysItInTheReadersLanguage(string lang, string expected)
    {
        var text = await Text("/search?q=%22%E0%B8%94%E0%B8%99%E0%B8%95%E0%B8%A3%E0%B8%B5&lang=" + lang, "#query-error p");
        Assert.Contains(expected, text, StringComparison.Ordinal);
        if (lang == "th")
        {
            Assert.DoesNotContain("never closed", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/due?country=Atlantis&lang=th", "ไม่พบประเทศ 'Atlantis' (ใส่รหัส ISO เช่น FR หรือชื่อภาษาอังกฤษหรือภาษาไทย)")]
    [InlineData("/timeline?from=2024-13&lang=th", "วันเริ่มต้น: '2024-13' ไม่ใช่วันที่: ไม่มีเดือน 13")]
    [InlineData("/due?country=Atlantis&lang=en", "no country 'Atlantis' (give an ISO code like FR, or an English or Thai name)")]
    public async Task FilterPages_ValueTheStoreCannotRead_SayWhyInTheReadersLanguage(string url, string expected)
    {
        var text = await Text(url, "#filter-error p");
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("th", "'2024-02-30' ไม่ใช่วันที่:")]
    [InlineData("en", "'2024-02-30' is not a date:")]
    public async Task CurationPage_RefusedDate_SaysWhyInTheReadersLanguage(string lang, string expected)
    {
        var id = await SampleId("en_cea_mou_ishikawa.md");
        var page = await Client.GetStringAsync($"/documents/{id}?lang={lang}");
        var key = FormFor().Match(page).Groups["key"].Value;
        var token = Token().Match(page).Groups["token"].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/curation/facts/{key}?lang={lang}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["documentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["date"] = "2024-02-30",
            }),
        };
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var text = document.QuerySelector("#curation-error")?.TextContent.Trim() ?? string.Empty;
        Assert.True(text.StartsWith(expected, StringComparison.Ordinal), text);
        if (lang == "th")
        {
            Assert.Null(document.QuerySelector("#curation-error [lang=en]")); // read, not passed through in English
            Assert.DoesNotContain("write 2024", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DuePage_UnknownStatus_SaysWhyInThai()
    {
        var text = await Text("/due?status=later&lang=th", "#filter-error p");
        Assert.Equal("ใช้ตัวกรองนี้ไม่ได้: สถานะ 'later' ใช้ไม่ได้ ใช้ได้: overdue, due_soon, open, reported_done, reported_delayed, reported_changed, done, dropped", text);
    }

    [GeneratedRegex("<form method=\"post\" action=\"/curation/facts/(?<key>[0-9a-f]{16})\"")]
    private static partial Regex FormFor();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
