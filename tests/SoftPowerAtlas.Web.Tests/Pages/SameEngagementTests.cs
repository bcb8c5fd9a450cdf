using System.Text.RegularExpressions;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Pages;

/// <summary>
/// A Thai release and its English version of one meeting, through the real ingest (issue 25): the
/// timeline shows the meeting once, naming the other report, and the dashboard counts it once.
/// </summary>
public sealed partial class SameEngagementTests : IAsyncLifetime
{
    private const string Thai = """
        กระทรวงวัฒนธรรมหารือความร่วมมือด้านภาพยนตร์กับมูลนิธิญี่ปุ่นที่กรุงเทพมหานคร

        เมื่อวันที่ 12 มีนาคม 2568 นางสาวมาลี ศรีสุข ปลัดกระทรวงวัฒนธรรม หารือกับผู้แทนมูลนิธิญี่ปุ่น เรื่องความร่วมมือด้านภาพยนตร์และการแลกเปลี่ยนผู้สร้างภาพยนตร์รุ่นใหม่ระหว่างไทยกับญี่ปุ่น
        """;

    private const string English = """
        Ministry of Culture and the Japan Foundation discuss film cooperation in Bangkok

        On 12 March 2025 Malee Srisuk, Permanent Secretary of the Ministry of Culture, met representatives of the Japan Foundation on film cooperation and an exchange of young Thai and Japanese film makers.
        """;

    private TestDatabase _db = null!; // Set in InitializeAsync.
    private AtlasWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(withSamples: false, ("meeting-th.txt", Thai), ("meeting-en.txt", English));
        _factory = new AtlasWebFactory(_db.Path);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task TimelinePage_TwoReportsOfOneMeeting_OneLineNamingTheOtherReport()
    {
        using var client = _factory.CreateClient();
        var html = await client.GetStringAsync("/timeline");

        Assert.Single(Sentences().Matches(html));
        Assert.Contains("รายงานด้วยใน:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/documents/2?passage=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPagesAndEngagementsApi_TwoReportsOfOneMeeting_EachNamesTheOther()
    {
        using var client = _factory.CreateClient();

        var first = await client.GetStringAsync("/documents/1");
        var second = await client.GetStringAsync("/documents/2");
        using var api = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/engagements"));

        Assert.Contains("รายงานด้วยใน:", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/documents/2?passage=", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/documents/1?passage=", second, StringComparison.Ordinal);
        var rows = api.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            var other = Assert.Single(row.GetProperty("alsoReportedIn").EnumerateArray());
            Assert.NotEqual(row.GetProperty("documentId").GetInt64(), other.GetProperty("documentId").GetInt64());
            Assert.Equal("2025-03-12", other.GetProperty("date").GetString());
        }
    }

    [Fact]
    public async Task OverviewApi_TwoReportsOfOneMeeting_CountedOnce()
    {
        using var client = _factory.CreateClient();
        var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/overview")).RootElement;

        Assert.Equal(2, json.GetProperty("documents").GetInt64());
        Assert.Equal(1, json.GetProperty("engagements").GetInt64());
    }

    [GeneratedRegex("<blockquote class=\"sentence\">")]
    private static partial Regex Sentences();
}
