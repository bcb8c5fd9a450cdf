using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary><c>atlas report</c> and <c>atlas export</c> on a database ingested from the samples and seeds.</summary>
public sealed class ReportExportCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> IngestAsync()
    {
        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", "-q", RepoPaths.Samples, RepoPaths.Seeds);
        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        return _temp.Db;
    }

    [Fact]
    public async Task ReportAgency_ThaiAbbreviationHtmlToFile_PageWithSources()
    {
        var db = await IngestAsync();
        var file = _temp.Combine("out/dasta.html");

        var run = await Atlas.RunAsync("--db", db, "report", "agency", "อพท.", "--format", "html", "--out", file);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var html = File.ReadAllText(file, Encoding.UTF8);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("องค์การบริหารการพัฒนาพื้นที่พิเศษเพื่อการท่องเที่ยวอย่างยั่งยืน", html, StringComparison.Ordinal);
        Assert.Contains("003_accc265172f61bde.txt</code>, doc #", html, StringComparison.Ordinal);
        Assert.Contains("(written FY2021, overdue by", html, StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".tmp"));
    }

    [Theory]
    [InlineData(AtlasCommand.SomeInputsFailed, "did you mean: Japan (JP)", "report", "country", "Japn")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no agency or organisation 'xyzzy'", "report", "agency", "xyzzy")]
    [InlineData(AtlasCommand.UsageError, "unknown report format 'pdf'", "report", "country", "FR", "--format", "pdf")]
    [InlineData(AtlasCommand.UsageError, "cannot export 'people'", "export", "people")]
    [InlineData(AtlasCommand.UsageError, "engagements cannot be written as 'xlsx'", "export", "engagements", "--format", "xlsx")]
    [InlineData(AtlasCommand.UsageError, "calendar cannot be written as 'csv'", "export", "calendar", "--format", "csv")]
    public async Task BadInput_ClearMessageAndExitCode(int exit, string message, params string[] args)
    {
        var db = await IngestAsync();

        var run = await Atlas.RunAsync(["--db", db, .. args]);

        Assert.True(run.ExitCode == exit, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_ToFile_BomThaiAndOffsetsThatPointAtTheEvidence()
    {
        var db = await IngestAsync();
        var file = _temp.Combine("engagements.csv");

        var run = await Atlas.RunAsync("--db", db, "export", "engagements", "--format", "csv", "--out", file, "--country", "ฝรั่งเศส");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("id,type,date,start,end,time,place,thai_side,foreign_side,people,countries,sectors,evidence,document_id,source,source_url,offset_start,offset_end,page\r\n", text, StringComparison.Ordinal);
        Assert.Contains("forum_or_exhibition,2024-09-07/2024-09-08,2024-09-07,2024-09-08,", text, StringComparison.Ordinal);
        Assert.Contains("สถานเอกอัครราชทูต ณ กรุงปารีส", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportJson_Commitments_StateAsOfClockAndStableIds()
    {
        var db = await IngestAsync();
        var clock = new FixedClock(new DateTimeOffset(2024, 11, 15, 2, 0, 0, TimeSpan.Zero));

        var first = await Atlas.RunAsync(clock, "--db", db, "export", "commitments");
        var second = await Atlas.RunAsync(clock, "--db", db, "export", "commitments", "--format", "json");

        Assert.Equal(first.Out, second.Out);
        using var json = JsonDocument.Parse(first.Out);
        var fy = json.RootElement.EnumerateArray().Single(c => c.GetProperty("due_written").GetString() == "FY2021");
        Assert.Equal("overdue", fy.GetProperty("status").GetString());
        Assert.Equal("2021-09-30", fy.GetProperty("due_by").GetString());
    }

    [Fact]
    public async Task ExportCalendarAndNetwork_ParseBack()
    {
        var db = await IngestAsync();
        var clock = new FixedClock(new DateTimeOffset(2024, 11, 15, 2, 0, 0, TimeSpan.Zero));

        var ics = await Atlas.RunAsync(clock, "--db", db, "export", "calendar");
        var graphml = await Atlas.RunAsync(clock, "--db", db, "export", "network", "--format", "graphml");

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics.Out, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20241115T020000Z\r\n", ics.Out, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Bangkok:20240302T140000\r\n", ics.Out, StringComparison.Ordinal);
        var doc = XDocument.Parse(graphml.Out);
        Assert.Contains(doc.Descendants(), e => e.Name.LocalName == "node" && (string?)e.Attribute("id") == "country:FR");
    }

    [Fact]
    public async Task ExportCalendar_ReadBackByARealClient_EveryEventAndToDoWithThaiTextWhole()
    {
        var db = await IngestAsync();
        var file = _temp.Combine("atlas.ics");

        var export = await Atlas.RunAsync("--db", db, "export", "calendar", "--out", file);
        var client = await Python.RunAsync(Path.Combine(RepoPaths.Root, "scripts", "check-ical.py"), file);

        Assert.True(export.ExitCode == AtlasCommand.Ok, export.ToString());
        Assert.True(client.ExitCode == 0, client.ToString());
        var text = File.ReadAllText(file, Encoding.UTF8);
        int Count(string component) => text.Split("BEGIN:" + component + "\r\n").Length - 1;
        Assert.Contains($"parsed; {Count("VEVENT")} events, {Count("VTODO")} to-dos", client.Out, StringComparison.Ordinal);
        Assert.True(Count("VEVENT") > 10 && Count("VTODO") > 5, client.Out);
        Assert.Contains("lines over 75 octets 0, without CRLF 0, folds cutting a character 0; text with U+FFFD 0; events in an undeclared time zone 0", client.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 with Thai descriptions", client.Out, StringComparison.Ordinal);

        // The client is a measure only if it can say no: a cut-off calendar is refused, naming the file.
        var cut = _temp.Combine("cut.ics");
        File.WriteAllText(cut, text[..(text.Length / 2)], Encoding.UTF8);
        var refused = await Python.RunAsync(Path.Combine(RepoPaths.Root, "scripts", "check-ical.py"), cut);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"check-ical: {cut}: not a calendar a client can read", refused.Error, StringComparison.Ordinal);
    }
}
