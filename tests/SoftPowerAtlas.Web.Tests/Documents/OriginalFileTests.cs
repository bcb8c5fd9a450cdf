using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Documents;

/// <summary>A Word document uploaded: its page shows which page of the file a fact's passage is on, and offers the file itself for download.</summary>
public sealed class OriginalFileTests : WebTest
{
    private const string Cover = "รายงานผลการดำเนินงานด้านการทูตวัฒนธรรม ประจำไตรมาสที่ 2";

    private const string Meeting =
        "เมื่อวันที่ 12 มีนาคม 2567 นายสมชาย ใจดี อธิบดีกรมส่งเสริมวัฒนธรรม ได้ประชุมหารือกับผู้แทนสถานเอกอัครราชทูตฝรั่งเศสประจำประเทศไทย "
        + "เรื่องความร่วมมือด้านภาพยนตร์และดนตรี ณ กรุงเทพมหานคร";

    [Fact]
    public async Task Get_UploadedWordDocument_PageOfThePassageAndTheFileForDownload()
    {
        var docx = Docx(Cover, Meeting);
        var id = await Upload("report.docx", docx);

        var engagements = await GetJson($"/api/documents/{id}/engagements");
        var engagement = engagements.GetProperty("items").EnumerateArray().First();
        var (start, end) = (engagement.GetProperty("evidenceStart").GetInt32(), engagement.GetProperty("evidenceEnd").GetInt32());
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/documents/{id}?passage={start}-{end}"));

        Assert.True(start > Cover.Length, "the meeting is reported on the second page");
        Assert.Contains($"id=\"download-file\" href=\"/documents/{id}/file\" download>ดาวน์โหลดไฟล์ต้นฉบับ (Word, 2 หน้า)<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"passage-page\">ข้อความที่เน้นอยู่ในหน้า 2 ของไฟล์ต้นฉบับ<", html, StringComparison.Ordinal);

        using var file = await Client.GetAsync($"/documents/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(docx, await file.Content.ReadAsByteArrayAsync());

        var document = await GetJson($"/api/documents/{id}");
        Assert.Equal($"/documents/{id}/file", document.GetProperty("file").GetString());
        var pages = document.GetProperty("pageStarts").EnumerateArray().Select(p => p.GetInt32()).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Equal(0, pages[0]);
        Assert.InRange(pages[1], Cover.Length, start); // the meeting's passage starts on page 2
    }

    [Fact]
    public async Task ExportTimeline_UploadedWordDocument_FactsCarryTheirPageTextFactsNone()
    {
        var id = await Upload("report.docx", Docx(Cover, Meeting));

        var json = await GetJson("/api/export/timeline.json");
        var csv = await Client.GetStringAsync("/api/export/timeline.csv");

        var sources = json.EnumerateArray().Select(e => e.GetProperty("source")).ToList();
        var meeting = Assert.Single(sources, s => s.GetProperty("document_id").GetInt64() == id);
        Assert.Equal(2, meeting.GetProperty("page").GetInt32());
        Assert.Contains(sources, s => s.GetProperty("document_id").GetInt64() != id && s.GetProperty("page").ValueKind == JsonValueKind.Null);
        var lines = csv.Split("\r\n");
        Assert.EndsWith(",offset_start,offset_end,page", lines[0], StringComparison.Ordinal);
        var offsets = $",{meeting.GetProperty("start").GetInt32()},{meeting.GetProperty("end").GetInt32()}";
        Assert.Contains(lines, l => l.Contains($",{id},", StringComparison.Ordinal) && l.EndsWith(offsets + ",2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_TextDocument_NoDownloadLinkAndFileIs404()
    {
        var id = await SampleId("th_web_unesco_bid.txt");

        var html = await Client.GetStringAsync($"/documents/{id}");
        using var file = await Client.GetAsync($"/documents/{id}/file");

        Assert.DoesNotContain("id=\"download-file\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        var document = await GetJson($"/api/documents/{id}");
        Assert.Equal(JsonValueKind.Null, document.GetProperty("file").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.GetProperty("pageStarts").ValueKind);
    }

    private async Task<long> Upload(string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(part, "files", name);
        using var response = await Client.PostAsync("/api/ingest", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = body.GetProperty("files")[0];
        Assert.True(result.GetProperty("status").GetString() == "stored", result.ToString());
        return result.GetProperty("documentId").GetInt64();
    }

    /// <summary>The smallest .docx Word opens: the content types, the package relation and a body of two pages.</summary>
    private static byte[] Docx(string firstPage, string secondPage)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """);
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """);
            Add(zip, "word/document.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{firstPage}</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t>{secondPage}</w:t></w:r></w:p></w:body></w:document>
                """);
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
