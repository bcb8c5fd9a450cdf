using System.Text.Json;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Pages;

/// <summary>
/// A promise and a later report of it (tests/corpus/promises), through the real ingest (issue 25): the Due page lists the promise as
/// reported done with the report as evidence and a link to its passage, not among the overdue; the timeline names the report.
/// </summary>
public sealed class OutcomePageTests : IAsyncLifetime
{
    private TestDatabase _db = null!; // Set in InitializeAsync.
    private AtlasWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(withSamples: false, TestDatabase.CorpusFile("promises", "announce.txt"), TestDatabase.CorpusFile("promises", "report.txt"),
            TestDatabase.CorpusFile("promises", "fair-announce.txt"), TestDatabase.CorpusFile("promises", "fair-postponed.txt"));
        _factory = new AtlasWebFactory(_db.Path);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task DuePage_PromiseReportedLater_ReportedDoneWithTheReportNotOverdue()
    {
        using var client = _factory.CreateClient();
        var ids = await TestDatabase.DocumentIdsAsync(client);

        var urgent = await client.GetStringAsync("/due");
        var reported = await client.GetStringAsync("/due?status=reported_done");

        Assert.DoesNotContain("รายงานผลใน:", urgent, StringComparison.Ordinal);
        Assert.Contains("มีรายงานว่าทำแล้ว (รอยืนยัน)", reported, StringComparison.Ordinal);
        Assert.Contains("รายงานผลใน:", reported, StringComparison.Ordinal);
        Assert.Contains($"href=\"/documents/{ids["report.txt"]}?passage=", reported, StringComparison.Ordinal);
        Assert.Contains("ได้ลงนามบันทึกความเข้าใจ", reported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPageAndApi_Announcement_PromiseReportedDoneWithTheReport()
    {
        using var client = _factory.CreateClient();
        var ids = await TestDatabase.DocumentIdsAsync(client);

        var page = await client.GetStringAsync($"/documents/{ids["announce.txt"]}");
        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/commitments?document={ids["announce.txt"]}"));
        using var perDocument = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{ids["announce.txt"]}/commitments"));

        Assert.Contains("มีรายงานว่าทำแล้ว (รอยืนยัน)", page, StringComparison.Ordinal);
        Assert.Contains($"รายงานผลใน: <a href=\"/documents/{ids["report.txt"]}?passage=", page, StringComparison.Ordinal);
        foreach (var json in new[] { api, perDocument })
        {
            var tracking = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray()).GetProperty("tracking");
            Assert.Equal("reported_done", tracking.GetProperty("status").GetString());
            Assert.Equal("2024-06-20", tracking.GetProperty("dueBy").GetString());
            var outcome = Assert.Single(tracking.GetProperty("outcomes").EnumerateArray());
            Assert.Equal(ids["report.txt"], outcome.GetProperty("source").GetProperty("documentId").GetInt64());
            Assert.Contains("ได้ลงนามบันทึกความเข้าใจ", outcome.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DuePageAndDocumentPage_FairPostponedLater_ReportedDelayedWithTheNotice()
    {
        using var client = _factory.CreateClient();
        var ids = await TestDatabase.DocumentIdsAsync(client);

        var urgent = await client.GetStringAsync("/due");
        var delayed = await client.GetStringAsync("/due?status=reported_delayed");
        var page = await client.GetStringAsync($"/documents/{ids["fair-announce.txt"]}");

        Assert.DoesNotContain("รายงานการเลื่อนใน:", urgent, StringComparison.Ordinal);
        Assert.Contains("มีรายงานว่าเลื่อนออกไป (รอยืนยัน)", delayed, StringComparison.Ordinal);
        Assert.Contains($"รายงานการเลื่อนใน: <a href=\"/documents/{ids["fair-postponed.txt"]}?passage=", delayed, StringComparison.Ordinal);
        Assert.Contains("แจ้งเลื่อนการจัดงาน", delayed, StringComparison.Ordinal);
        Assert.Contains("มีรายงานว่าเลื่อนออกไป (รอยืนยัน)", page, StringComparison.Ordinal);
        Assert.Contains($"รายงานการเลื่อนใน: <a href=\"/documents/{ids["fair-postponed.txt"]}?passage=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimelinePage_PromiseReportedLater_CommitmentNamesTheReport()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/timeline");

        Assert.Contains("มีรายงานว่าทำแล้ว (รอยืนยัน)", html, StringComparison.Ordinal);
        Assert.Contains("รายงานผลใน:", html, StringComparison.Ordinal);
    }
}
