using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Apis;

public class IngestApiTests : WebTest
{
    private const string Release =
        "กระทรวงวัฒนธรรมร่วมกับสถานเอกอัครราชทูตฝรั่งเศสประจำประเทศไทย จัดเทศกาลภาพยนตร์ฝรั่งเศส ณ กรุงเทพมหานคร\n"
        + "เมื่อวันที่ 12 มีนาคม 2567 นายสมชาย ใจดี อธิบดีกรมส่งเสริมวัฒนธรรม ได้ประชุมหารือกับผู้แทนฝ่ายฝรั่งเศส "
        + "เรื่องความร่วมมือด้านภาพยนตร์และดนตรี โดยทั้งสองฝ่ายตกลงจะลงนามบันทึกความเข้าใจภายในเดือนกันยายน 2567\n";

    private static MultipartFormDataContent Form(params (string Name, string ContentType, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            form.Add(part, "files", name);
        }

        return form;
    }

    [Fact]
    public async Task Upload_NewThenSameThenBadFiles_ReportsEachFile()
    {
        using var response = await Client.PostAsync("/api/ingest", Form(
            ("france-film.txt", "text/plain", Encoding.UTF8.GetBytes(Release)),
            ("again.txt", "text/plain", Encoding.UTF8.GetBytes(Release)),
            ("scan.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46]),
            ("empty.md", "text/markdown", [])));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var files = body.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["stored", "duplicate", "failed", "failed"], files.Select(f => f.GetProperty("status").GetString()));
        var id = files[0].GetProperty("documentId").GetInt64();
        Assert.Equal(id, files[1].GetProperty("documentId").GetInt64());
        Assert.Contains("scan.pdf", files[2].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("empty", files[3].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((1, 1, 2), (body.GetProperty("stored").GetInt32(), body.GetProperty("duplicates").GetInt32(), body.GetProperty("failed").GetInt32()));

        var doc = await GetJson($"/api/documents/{id}");
        Assert.Equal("upload/france-film.txt", doc.GetProperty("source").GetString());
        Assert.Contains(doc.GetProperty("facts").EnumerateArray(), f => f.GetProperty("kind").GetString() == "country" && f.GetProperty("href").GetString() == "/countries/FR");
        Assert.Equal(11, (await GetJson("/api/documents")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Upload_FrontMatterThirtyThousandDeep_FailsThatFileStoresTheNext()
    {
        var deep = "---\ntitle: " + string.Concat(Enumerable.Repeat("{a: ", 30_000)) + "b" + new string('}', 30_000) + "\n---\nข่าว\n";

        using var response = await Client.PostAsync("/api/ingest", Form(
            ("deep.md", "text/markdown", Encoding.UTF8.GetBytes(deep)),
            ("france-film.txt", "text/plain", Encoding.UTF8.GetBytes(Release))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var files = body.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["failed", "stored"], files.Select(f => f.GetProperty("status").GetString()));
        Assert.Equal("upload/deep.md has front matter nested more than 32 levels deep", files[0].GetProperty("message").GetString());
        Assert.Equal(11, (await GetJson("/api/documents")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Upload_NotMultipart_Returns415Problem()
    {
        using var response = await Client.PostAsync("/api/ingest", new StringContent(Release, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_NoFiles_Returns400Problem()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        using var response = await Client.PostAsync("/api/ingest", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_LargerThanLimit_IsRefusedWithAProblem()
    {
        var huge = new byte[(int)AtlasWebHost.MaxRequestBytes + 1024];
        Array.Fill(huge, (byte)'a');
        using var response = await Client.PostAsync("/api/ingest", Form(("huge.txt", "text/plain", huge)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(10, (await GetJson("/api/documents")).GetProperty("total").GetInt64());
    }
}

/// <summary>The same API tests over a PostgreSQL database.</summary>
public sealed class PostgresIngestApiTests : IngestApiTests
{
    protected override TestEngine Engine => TestEngine.Postgres;
}
