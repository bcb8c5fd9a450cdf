using System.Text.Json;
using SoftPowerAtlas.Analysis.Tests.Formats;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// <c>atlas export</c> on a three-page PDF printed by Chromium in the test run and a text file: every
/// fact of the PDF carries the page its passage starts on beside its offsets; the text file's none.
/// </summary>
public sealed class ExportPagesCommandTests : IDisposable
{
    private const string Cover = "รายงานผลการดำเนินงานด้านการทูตวัฒนธรรม ประจำไตรมาสที่ 2";

    private const string Meeting =
        "กระทรวงวัฒนธรรมหารือกับสถานเอกอัครราชทูตญี่ปุ่นประจำประเทศไทย เรื่องความร่วมมือด้านดนตรีและภาพยนตร์ เมื่อวันที่ 5 มิถุนายน 2567 ณ กรุงเทพมหานคร";

    /// <summary>Ends page 2 on a short line, so the next page starts a paragraph of its own (a page ending on a full line goes on over the turn).</summary>
    private const string Credit = "ที่มา: กองการต่างประเทศ";

    private const string Signing =
        "On 12 August 2024 the Department of Cultural Promotion signed a memorandum of understanding with the Korean Film Council in Chiang Mai. "
        + "Both sides will hold a joint film festival by December 2024.";

    private const string TextMeeting =
        "เมื่อวันที่ 12 มีนาคม 2567 อธิบดีกรมส่งเสริมวัฒนธรรม ได้ประชุมหารือกับผู้แทนสถานเอกอัครราชทูตฝรั่งเศสประจำประเทศไทย เรื่องความร่วมมือด้านภาพยนตร์ ณ กรุงเทพมหานคร";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Export_PdfAndTextDocuments_PdfFactsCarryTheirPageTextFactsNone()
    {
        var pdf = Printed.Pdf(_temp.Path, "report", Printed.Html([Cover, "\f", Meeting, Credit, "\f", Signing]));
        var txt = _temp.Write("meeting.txt", TextMeeting + "\n");
        var ingest = await Atlas.RunAsync("--db", _temp.Db, "ingest", "-q", pdf, txt);
        Assert.True(ingest.ExitCode == AtlasCommand.Ok, ingest.ToString());

        var engagements = await Atlas.RunAsync("--db", _temp.Db, "export", "engagements", "--format", "json");
        var commitments = await Atlas.RunAsync("--db", _temp.Db, "export", "commitments", "--format", "json");
        var csv = await Atlas.RunAsync("--db", _temp.Db, "export", "engagements", "--format", "csv");

        using var e = JsonDocument.Parse(engagements.Out);
        var pages = e.RootElement.EnumerateArray().ToDictionary(
            x => x.GetProperty("date").GetProperty("written").GetString()!,
            x => (Path: x.GetProperty("source").GetProperty("path").GetString()!, Page: x.GetProperty("source").GetProperty("page")));
        Assert.Equal(["2024-03-12", "2024-06-05", "2024-08-12"], pages.Keys.Order(StringComparer.Ordinal));
        Assert.EndsWith("report.pdf", pages["2024-06-05"].Path, StringComparison.Ordinal);
        Assert.Equal(2, pages["2024-06-05"].Page.GetInt32());
        Assert.Equal(3, pages["2024-08-12"].Page.GetInt32());
        Assert.EndsWith("meeting.txt", pages["2024-03-12"].Path, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, pages["2024-03-12"].Page.ValueKind);

        using var c = JsonDocument.Parse(commitments.Out);
        var promise = Assert.Single(c.RootElement.EnumerateArray());
        Assert.Equal("2024-12", promise.GetProperty("due_written").GetString());
        Assert.Equal(3, promise.GetProperty("source").GetProperty("page").GetInt32());

        var lines = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",offset_start,offset_end,page", lines[0], StringComparison.Ordinal);
        Assert.Equal(["", "2", "3"], lines.Skip(1).Select(l => l[(l.LastIndexOf(',') + 1)..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExportCalendar_PdfEngagement_DescriptionNamesThePage()
    {
        var pdf = Printed.Pdf(_temp.Path, "report", Printed.Html([Cover, "\f", Meeting, Credit, "\f", Signing]));
        var ingest = await Atlas.RunAsync("--db", _temp.Db, "ingest", "-q", pdf);
        Assert.True(ingest.ExitCode == AtlasCommand.Ok, ingest.ToString());

        var ics = await Atlas.RunAsync("--db", _temp.Db, "export", "calendar");

        var unfolded = ics.Out.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        var events = unfolded.Split("BEGIN:VEVENT").Skip(1).Select(v => v[..v.IndexOf("END:VEVENT", StringComparison.Ordinal)]).ToList();
        Assert.Contains(events, v => v.Contains("DTSTART;VALUE=DATE:20240605", StringComparison.Ordinal) && v.Contains("report.pdf\\, page 2)", StringComparison.Ordinal));
        Assert.Contains(events, v => v.Contains("DTSTART;VALUE=DATE:20240812", StringComparison.Ordinal) && v.Contains("report.pdf\\, page 3)", StringComparison.Ordinal));
    }
}
