using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SoftPowerAtlas.Storage.Sqlite;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>
/// SQL injection and script payloads in every text a caller controls (user names, uploaded text and
/// file names, query strings, form fields) are stored as written and shown as encoded text, with the
/// tables intact; upload names cannot reach the file system; oversized uploads are refused.
/// </summary>
public sealed class HostileInputTests : SignedInTest
{
    private const string Script = "<script>alert('x')</script>";
    private const string Injection = "'); DROP TABLE users; --";
    private const string EncodedScript = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;";

    private string _adminKey = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _adminKey = Users.IssueKey("root")!.Key;
    }

    [Fact]
    public async Task UserName_ScriptAndSql_StoredAndShownAsText()
    {
        const string name = Script + Injection;
        using var admin = await SignIn("root");
        var token = await FormToken(admin, "/admin/users");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name, ["role"] = "viewer", ["password"] = Password, ["confirm"] = Password, ["__RequestVerificationToken"] = token,
        });

        using var response = await admin.PostAsync("/admin/users?handler=Add", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, Users.Find(name)?.Name);
        Assert.Equal(4, Users.List().Count);
        var list = await admin.GetStringAsync("/admin/users");
        Assert.Contains($"<td class=\"user-name\">{EncodedScript}&#x27;); DROP TABLE users; --</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, list, StringComparison.Ordinal);

        // Signed in as that user, the header shows the name as text too.
        using var hostile = await SignIn(name);
        var page = await hostile.GetStringAsync("/documents");
        Assert.Contains($"<span id=\"user-name\">{EncodedScript}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginForm_HostileName_EchoedEncodedNothingStored()
    {
        using var client = Anonymous();

        using var response = await PostLogin(client, "\"><script>alert(1)</script>' OR '1'='1", Password);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#x27; OR &#x27;1&#x27;=&#x27;1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Equal(3, Users.List().Count);
    }

    [Fact]
    public async Task Upload_HostileTextAndName_StoredAsWrittenShownEncoded()
    {
        const string fileName = "<img src=x onerror=alert(1)>'; DROP TABLE documents; --.txt";
        var text = $"ข่าวประชาสัมพันธ์ {Script} และ <a href=\"javascript:alert(2)\">ลิงก์</a> '; DELETE FROM documents; -- วันที่ 5 มกราคม 2567";

        var result = await Ingest(fileName, Encoding.UTF8.GetBytes(text));

        var file = result.GetProperty("files")[0];
        Assert.Equal("stored", file.GetProperty("status").GetString());
        Assert.Equal(fileName, file.GetProperty("file").GetString());
        var id = file.GetProperty("documentId").GetInt64();
        using var client = KeyClient();
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");
        Assert.Equal("upload/" + fileName, api.GetProperty("source").GetString());
        Assert.Contains(Script, api.GetProperty("cleanText").GetString(), StringComparison.Ordinal);

        var page = await client.GetStringAsync($"/documents/{id}");
        Assert.Contains(EncodedScript, page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", page, StringComparison.Ordinal);
        var list = await client.GetStringAsync("/documents");
        Assert.DoesNotContain("<img src=x", list, StringComparison.Ordinal);
        Assert.Equal(1, Documents());
        Assert.Equal(3, Users.List().Count);
    }

    [Theory]
    [InlineData("/documents?offset=1%27%20OR%201=1--")]
    [InlineData("/entities?q=%27%20OR%20%271%27=%271&kind=%3Cscript%3E")]
    [InlineData("/entities?q=%3Cscript%3Ealert(%27x%27)%3C/script%3E")]
    [InlineData("/engagements?country=%27);DROP%20TABLE%20engagements;--&sector=%3Cb%3E&type=x%22%3E")]
    [InlineData("/network?sector=%3Cscript%3Ealert(%27x%27)%3C/script%3E")]
    [InlineData("/api/entities?q=%27%20OR%20%271%27=%271")]
    [InlineData("/api/engagements?country=%27);DROP%20TABLE%20engagements;--")]
    [InlineData("/places/country/%3Cscript%3E")]
    public async Task QueryString_HostileValues_NoScriptNoDamage(string url)
    {
        await Ingest("a.txt", Encoding.UTF8.GetBytes("กรมการพัฒนาชุมชนจัดงานโอทอปร่วมกับสถานทูตฝรั่งเศส วันที่ 5 มกราคม 2567"));
        using var client = KeyClient();

        using var response = await client.GetAsync(url);

        Assert.True((int)response.StatusCode is 200 or 400 or 404, $"{url}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
        Assert.Equal(1, Documents());
        Assert.Equal(3, Users.List().Count);
        var engagements = await client.GetFromJsonAsync<JsonElement>("/api/engagements");
        Assert.Equal(JsonValueKind.Array, engagements.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task QueryString_ScriptInFilterBox_EchoedEncoded()
    {
        using var client = KeyClient();

        var html = await client.GetStringAsync("/entities?q=%22%3E%3Cscript%3Ealert(%27x%27)%3C/script%3E");

        Assert.Contains("value=\"&quot;&gt;" + EncodedScript + "\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../atlas-trav-{0}.txt", "atlas-trav-{0}.txt")]
    [InlineData("..\\..\\atlas-trav-{0}.txt", "atlas-trav-{0}.txt")]
    [InlineData("/tmp/atlas-trav-{0}.txt", "atlas-trav-{0}.txt")]
    [InlineData("C:\\Windows\\atlas-trav-{0}.txt", "atlas-trav-{0}.txt")]
    [InlineData("atlas-trav-{0}.txt\0.html", "atlas-trav-{0}.txt.html")]
    [InlineData("....//....//atlas-trav-{0}.md", "atlas-trav-{0}.md")]
    [InlineData("./.atlas-trav-{0}.txt", "atlas-trav-{0}.txt")]
    public async Task Upload_PathInName_StoredUnderSanitisedNameNothingWritten(string sent, string expected)
    {
        var marker = Guid.NewGuid().ToString("N");
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, sent, marker);
        var folders = new[] { Path.GetDirectoryName(Database.Path)!, Path.GetTempPath(), AppContext.BaseDirectory, Environment.CurrentDirectory, "/tmp", "/" };

        var result = await Ingest(name, Encoding.UTF8.GetBytes($"ข่าว {marker} กรมส่งเสริมวัฒนธรรม วันที่ 5 มกราคม 2567"));

        var file = result.GetProperty("files")[0];
        var stored = string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, marker);
        Assert.Equal("stored", file.GetProperty("status").GetString());
        Assert.Equal(stored, file.GetProperty("file").GetString());
        using var client = KeyClient();
        var document = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{file.GetProperty("documentId").GetInt64()}");
        Assert.Equal("upload/" + stored, document.GetProperty("source").GetString());
        foreach (var folder in folders.Concat(folders.Select(f => Path.GetFullPath(Path.Combine(f, "..", "..")))).Distinct(StringComparer.Ordinal))
        {
            Assert.Empty(Directory.EnumerateFileSystemEntries(folder, $"*{marker}*"));
        }
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../")]
    [InlineData("\0")]
    [InlineData("..\\..\\")]
    public async Task Upload_NameWithNothingLeft_FailedNotStored(string name)
    {
        var result = await Ingest(name, Encoding.UTF8.GetBytes("ข่าวประชาสัมพันธ์"));

        Assert.Equal("failed", result.GetProperty("files")[0].GetProperty("status").GetString());
        Assert.Equal(0, Documents());
    }

    [Fact]
    public async Task Upload_Oversized_413AndNothingStored()
    {
        var huge = new byte[(int)AtlasWebHost.MaxRequestBytes + 4096];
        Array.Fill(huge, (byte)'a');
        using var client = KeyClient();
        using var content = Form("huge.txt", huge);

        using var response = await client.PostAsync("/api/ingest", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, Documents());
    }

    [Fact]
    public async Task Upload_ThreeFilesMiddleWithNoncharacters_AllStoredCharactersReplacedInTheBody()
    {
        using var client = KeyClient();
        using var form = new MultipartFormDataContent();
        foreach (var (name, text) in new[]
        {
            ("one.txt", "กรมการพัฒนาชุมชนจัดงานโอทอปร่วมกับสถานทูตฝรั่งเศส วันที่ 5 มกราคม 2567"),
            ("two.txt", "กระทรวงวัฒนธรรม\uFFFEจัดเทศกาลภาพยนตร์ไทย\uFDD0ที่กรุงโซล วันที่ 9 มีนาคม 2567\uFFFF"),
            ("three.txt", "Thailand and Japan signed a memorandum on film co-production in Tokyo on 2 July 2024."),
        })
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(part, "files", name);
        }

        using var response = await client.PostAsync("/api/ingest", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["stored", "stored", "stored"], body.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("status").GetString()));
        Assert.Equal(3, Documents());
        var id = body.GetProperty("files")[1].GetProperty("documentId").GetInt64();
        var document = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");
        Assert.Contains("วัฒนธรรม\uFFFDจัดเทศกาล", document.GetProperty("cleanText").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search?q=%EF%BF%BE")]
    [InlineData("/api/search?q=%E0%B8%A0%E0%B8%B2%E0%B8%9E%E0%B8%A2%E0%B8%99%E0%B8%95%E0%B8%A3%E0%B9%8C%EF%BF%BE")]
    [InlineData("/search?q=%EF%BF%BF%EF%B7%90")]
    [InlineData("/api/search?q=country:%EF%BF%BE")]
    [InlineData("/api/search?q=%22%EF%BF%BE%22")]
    [InlineData("/api/search?q=%EF%BF%BE*")]
    [InlineData("/api/entities?q=%EF%BF%BE")]
    [InlineData("/timeline?agency=%EF%BF%BE")]
    public async Task QueryString_Noncharacters_AnsweredNot500(string url)
    {
        await Ingest("a.txt", Encoding.UTF8.GetBytes("กรมการพัฒนาชุมชนจัดงานโอทอปร่วมกับสถานทูตฝรั่งเศส วันที่ 5 มกราคม 2567"));
        using var client = KeyClient();

        using var response = await client.GetAsync(url);

        Assert.True((int)response.StatusCode is 200 or 400, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private HttpClient KeyClient()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminKey);
        return client;
    }

    private async Task<JsonElement> Ingest(string name, byte[] bytes)
    {
        using var client = KeyClient();
        using var content = Form(name, bytes);
        using var response = await client.PostAsync("/api/ingest", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static MultipartFormDataContent Form(string name, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        // Set the disposition by hand: the file name goes out exactly as given, slashes, quotes and NUL included.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileNameStar = name };
        return new MultipartFormDataContent { file };
    }

    private long Documents()
    {
        using var store = SqliteAtlasStore.Open(Database.Path, TestText.Shared);
        return store.GetStats().Documents;
    }
}
