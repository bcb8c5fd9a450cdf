using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Pages;

/// <summary>
/// A promise and a later report of it, through the real ingest (issue 25): the Due page lists the promise as
/// reported done with the report as evidence and a link to its passage, not among the overdue; the timeline names the report.
/// </summary>
public sealed class OutcomePageTests : IAsyncLifetime
{
    // Invented releases: the ministry will sign on 20 June 2024; the next day's report says it did.
    private const string Announcement = """
        กระทรวงวัฒนธรรมเตรียมลงนามบันทึกความเข้าใจกับญี่ปุ่น

        กรุงเทพฯ 3 มิถุนายน 2567 — นายสมชาย ใจดี ปลัดกระทรวงวัฒนธรรม เปิดเผยว่า กระทรวงวัฒนธรรมจะลงนามบันทึกความเข้าใจว่าด้วยความร่วมมือด้านภาพยนตร์กับสำนักงานกิจการวัฒนธรรมญี่ปุ่น ในวันที่ 20 มิถุนายน 2567 ณ กรุงโตเกียว ประเทศญี่ปุ่น
        """;

    private const string Report = """
        ไทยและญี่ปุ่นลงนามความร่วมมือด้านภาพยนตร์

        กรุงเทพฯ 21 มิถุนายน 2567 — เมื่อวันที่ 20 มิถุนายน 2567 กระทรวงวัฒนธรรมได้ลงนามบันทึกความเข้าใจว่าด้วยความร่วมมือด้านภาพยนตร์กับสำนักงานกิจการวัฒนธรรมญี่ปุ่น ณ กรุงโตเกียว ประเทศญี่ปุ่น โดยมีนายสมชาย ใจดี ปลัดกระทรวงวัฒนธรรม เป็นผู้ลงนาม
        """;

    private TestDatabase _db = null!; // Set in InitializeAsync.
    private AtlasWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(withSamples: false, ("announce.txt", Announcement), ("report.txt", Report));
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

        var urgent = await client.GetStringAsync("/due");
        var reported = await client.GetStringAsync("/due?status=reported_done");

        Assert.DoesNotContain("รายงานผลใน:", urgent, StringComparison.Ordinal);
        Assert.Contains("มีรายงานว่าทำแล้ว (รอยืนยัน)", reported, StringComparison.Ordinal);
        Assert.Contains("รายงานผลใน:", reported, StringComparison.Ordinal);
        Assert.Contains("href=\"/documents/2?passage=", reported, StringComparison.Ordinal);
        Assert.Contains("ได้ลงนามบันทึกความเข้าใจ", reported, StringComparison.Ordinal);
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
