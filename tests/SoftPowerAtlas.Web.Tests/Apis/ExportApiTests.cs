using System.Net;
using System.Text;
using System.Text.Json;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Apis;

public sealed class ExportApiTests : WebTest
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task ExportEngagementsCsv_ThaiCountryFilter_BomHeaderAndOneRowPerEngagement()
    {
        using var response = await Client.GetAsync("/api/export/engagements.csv?country=" + Uri.EscapeDataString("เกาหลีใต้"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches("^atlas-engagements-\\d{4}-\\d{2}-\\d{2}\\.csv$", disposition.FileName!.Trim('"'));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Bom, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,type,date,start,end,time,place,thai_side", lines[0], StringComparison.Ordinal);
        var api = await GetJson("/api/engagements?country=KR&limit=200");
        Assert.Equal(api.GetProperty("total").GetInt64(), lines.Length - 1); // No evidence of the samples spans lines.
        Assert.All(lines.Skip(1), l => Assert.Contains("KR", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportTimelineIcs_IsACalendarOfEventsAndDeadlines()
    {
        using var response = await Client.GetAsync("/api/export/timeline.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".ics", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT\r\n", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTODO\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal); // CRLF only
    }

    [Fact]
    public async Task ExportTimelineJson_SameEntriesAsTheApiInOrder()
    {
        var api = await GetJson("/api/timeline?sector=music&limit=200");
        using var response = await Client.GetAsync("/api/export/timeline.json?sector=music");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal(
            api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString() + i.GetProperty("id").GetString()),
            export.Select(i => i.GetProperty("kind").GetString() + i.GetProperty("id").GetString()));
        Assert.All(export, i => Assert.True(i.GetProperty("source").GetProperty("document_id").GetInt64() > 0));
    }

    [Fact]
    public async Task ExportSearch_CsvAndJson_HoldTheHitsInRankOrder()
    {
        var api = await GetJson("/api/search?q=from:2000&limit=100");
        var ids = api.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("documentId").GetInt64()).ToList();

        var json = JsonDocument.Parse(await Client.GetStringAsync("/api/export/search.json?q=from:2000")).RootElement;
        Assert.Equal("from:2000", json.GetProperty("query").GetString());
        Assert.Equal(ids, json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("document_id").GetInt64()));

        var csv = await Client.GetByteArrayAsync("/api/export/search.csv?q=from:2000");
        Assert.Equal(Bom, csv[..3]);
        var rows = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,document_id,title,date,date_from,source,source_url,score,snippet,snippet_start,snippet_end", rows[0]);
        Assert.Equal(ids.Count + 1, rows.Length);
        Assert.StartsWith("1," + ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportSearch_Exact_SameHitsAsTheExactSearch()
    {
        static List<long> Ids(JsonElement hits, string name) => [.. hits.EnumerateArray().Select(h => h.GetProperty(name).GetInt64())];
        var expanded = Ids((await GetJson("/api/search?q=France&limit=100")).GetProperty("hits"), "documentId");
        var exact = Ids((await GetJson("/api/search?q=France&exact=true&limit=100")).GetProperty("hits"), "documentId");

        var exported = JsonDocument.Parse(await Client.GetStringAsync("/api/export/search.json?q=France")).RootElement;
        var exportedExact = JsonDocument.Parse(await Client.GetStringAsync("/api/export/search.json?q=France&exact=true")).RootElement;

        Assert.NotEqual(expanded, exact); // France also finds ฝรั่งเศส
        Assert.Equal(expanded, Ids(exported.GetProperty("hits"), "document_id"));
        Assert.Equal(exact, Ids(exportedExact.GetProperty("hits"), "document_id"));
        Assert.Contains("href=\"/api/export/search.csv?q=film&amp;exact=true\"", await Client.GetStringAsync("/search?q=film&exact=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportDocumentsAndEntities_EveryStoredRow()
    {
        var documents = JsonDocument.Parse(await Client.GetStringAsync("/api/export/documents.json")).RootElement;
        Assert.Equal(10, documents.GetArrayLength());
        var entities = await Client.GetByteArrayAsync("/api/export/entities.csv");
        Assert.Equal(Bom, entities[..3]);
        Assert.StartsWith("id,key,kind,name", Encoding.UTF8.GetString(entities, 3, entities.Length - 3), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/export/people.csv", HttpStatusCode.NotFound)]
    [InlineData("/api/export/documents.ics", HttpStatusCode.BadRequest)]
    [InlineData("/api/export/search.csv", HttpStatusCode.BadRequest)]
    [InlineData("/api/export/search.json?q=%22open", HttpStatusCode.BadRequest)]
    [InlineData("/api/export/commitments.csv?agency=Nobody%20Agency", HttpStatusCode.BadRequest)]
    public async Task Export_BadRequest_IsAProblem(string url, HttpStatusCode status)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListPages_HaveExportLinksWithTheirFilters()
    {
        Assert.Contains("href=\"/api/export/documents.csv\"", await Client.GetStringAsync("/documents"), StringComparison.Ordinal);
        Assert.Contains("href=\"/api/export/entities.json\"", await Client.GetStringAsync("/entities"), StringComparison.Ordinal);
        Assert.Contains("href=\"/api/export/engagements.csv?country=KR&amp;sector=film\"", await Client.GetStringAsync("/engagements?country=KR&sector=film"), StringComparison.Ordinal);
        var timeline = await Client.GetStringAsync("/timeline?sector=music");
        Assert.Contains("href=\"/api/export/timeline.ics?sector=music\"", timeline, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/export/commitments.csv?sector=music\"", timeline, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/export/search.csv?q=film\"", await Client.GetStringAsync("/search?q=film"), StringComparison.Ordinal);
    }
}
