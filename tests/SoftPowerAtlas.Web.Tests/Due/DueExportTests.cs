using System.Net;
using System.Text;
using System.Text.Json;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Due;

/// <summary>The Due page's list through its exports, judged on 1 June 2025 in Bangkok.</summary>
public sealed class DueExportTests : WebTest
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(7));

    protected override TimeProvider? Clock => new FixedClock(Now);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var response = await Client.PostAsync("/api/ingest", DueTexts.Upload());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<JsonElement>> Due(string query)
    {
        using var response = await Client.GetAsync("/api/export/due.json" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()];
    }

    [Fact]
    public async Task ExportDueJson_Default_OverdueLongestFirstThenDueSoon()
    {
        var items = await Due(string.Empty);
        var states = items.Select(i => i.GetProperty("status").GetString()).ToList();
        Assert.Contains("overdue", states);
        Assert.Contains("due_soon", states);
        Assert.All(states, s => Assert.Contains(s, new[] { "overdue", "due_soon" }));
        Assert.Equal(states.OrderBy(s => s == "overdue" ? 0 : 1), states); // overdue first
        var overdueDays = items.Where(i => i.GetProperty("status").GetString() == "overdue").Select(i => i.GetProperty("due_by").GetString()).ToList();
        Assert.Equal(overdueDays.Order(StringComparer.Ordinal), overdueDays); // the longest overdue first

        var france = Assert.Single(items, i => i.GetProperty("sentence").GetString()!.Contains("joint film festival plan", StringComparison.Ordinal));
        Assert.Equal(("due_soon", "2025-06-20"), (france.GetProperty("status").GetString(), france.GetProperty("due_by").GetString()));
        var japan = Assert.Single(items, i => i.GetProperty("sentence").GetString()!.Contains("เทศกาลดนตรีร่วมกัน", StringComparison.Ordinal));
        Assert.Equal(("overdue", "2024-12-31"), (japan.GetProperty("status").GetString(), japan.GetProperty("due_by").GetString()));
    }

    [Theory]
    [InlineData("?country=JP&status=overdue", "เทศกาลดนตรีร่วมกัน", "joint film festival plan")]
    [InlineData("?country=" + "%E0%B8%9D%E0%B8%A3%E0%B8%B1%E0%B9%88%E0%B8%87%E0%B9%80%E0%B8%A8%E0%B8%AA", "joint film festival plan", "เทศกาลดนตรีร่วมกัน")] // ฝรั่งเศส
    [InlineData("?status=due-soon&from=2025-06", "joint film festival plan", "เทศกาลดนตรีร่วมกัน")]
    public async Task ExportDueJson_Filters_KeepOnlyMatchingRows(string query, string kept, string left)
    {
        var items = await Due(query);
        var sentences = items.Select(i => i.GetProperty("sentence").GetString()!).ToList();
        Assert.Contains(sentences, s => s.Contains(kept, StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.Contains(left, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportDueCsvAndIcs_CountryFilter_HoldOnlyTheFilteredRows()
    {
        var expected = await Due("?country=FR");
        Assert.NotEmpty(expected);
        using var csv = await Client.GetAsync("/api/export/due.csv?country=FR");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Matches("^atlas-due-2025-06-01\\.csv$", csv.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,who,what,due_written,due_by,status", lines[0], StringComparison.Ordinal);
        Assert.Equal(expected.Select(e => e.GetProperty("id").GetString()), lines.Skip(1).Select(l => l.Split(',')[0]));

        using var ics = await Client.GetAsync("/api/export/due.ics?country=FR");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var calendar = await ics.Content.ReadAsStringAsync();
        Assert.Equal(expected.Count, calendar.Split("BEGIN:VTODO").Length - 1);
        Assert.Equal(0, calendar.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DUE;VALUE=DATE:20250620", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportDue_UnknownStatus_IsAProblemNamingTheStatuses()
    {
        using var response = await Client.GetAsync("/api/export/due.csv?status=late");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("overdue, due_soon, open, reported_done, reported_delayed, reported_changed, done, dropped", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/export/due.json?from=next-tuesday")]
    [InlineData("/due?from=next-tuesday")]
    [InlineData("/due?status=late")]
    public async Task Due_MalformedFilter_400NamingTheValueAndTheListStillThere(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(url.Contains("late", StringComparison.Ordinal) ? "late" : "next-tuesday", body, StringComparison.Ordinal);
        Assert.NotEmpty(await Due(string.Empty)); // a refused filter changed nothing stored
    }
}
