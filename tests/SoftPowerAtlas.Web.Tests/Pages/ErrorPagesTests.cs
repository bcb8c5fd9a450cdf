using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Pages;

/// <summary>Errors are pages of the app (layout, menu, the reader's language, a way back) except under /api/, which answers problem JSON.</summary>
public sealed class ErrorPagesTests : WebTest
{
    [Theory]
    [InlineData("/no-such-page", "th", "th", "ไม่พบหน้าที่ต้องการ", "ไปที่หน้าภาพรวม")]
    [InlineData("/no-such-page?lang=en", "th", "en", "Page not found", "Go to the dashboard")]
    [InlineData("/documents/99999", "en-GB,en;q=0.8", "en", "Page not found", "Go to the dashboard")]
    [InlineData("/countries/ZZ?lang=th", "en", "th", "ไม่พบหน้าที่ต้องการ", "ไปที่หน้าภาพรวม")]
    [InlineData("/css/no-such-style.css", "th-TH", "th", "ไม่พบหน้าที่ต้องการ", "ค้นหาเอกสาร")]
    public async Task Get_UnknownPage_Answers404PageInTheReadersLanguage(string url, string acceptLanguage, string lang, string title, string wayBack)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(wayBack, html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=", html, StringComparison.Ordinal); // the menu of every page
        Assert.Contains("data-status=\"404\"", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Post_FormWithoutAntiforgeryToken_Answers400PageInThai()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "somchai", ["Password"] = "x" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = form };
        request.Headers.AcceptLanguage.ParseAdd("th-TH,th;q=0.9");
        using var response = await Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>คำขอไม่ถูกต้อง</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"400\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/documents/99999")]
    [InlineData("/api/entities/99999")]
    public async Task Get_UnknownApiAddress_AnswersProblemJson(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("th");
        request.Headers.Accept.ParseAdd("text/html"); // a browser's Accept still gets JSON under /api/
        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("th", "เกิดข้อผิดพลาดในระบบ")]
    [InlineData("en", "Something went wrong")]
    public async Task Get_PageThatThrows_Answers500PageWithoutTheException(string lang, string title)
    {
        BreakTheDocumentsTable();
        using var response = await Client.GetAsync("/documents/1?lang=" + lang);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"error-reference\"[^<]*<code>[0-9a-f]{32}</code>", html);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        foreach (var leak in new[] { "Exception", "no such table", "   at ", "SoftPowerAtlas.Storage", ".cs:line" })
        {
            Assert.DoesNotContain(leak, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Get_ApiThatThrows_Answers500ProblemWithoutTheException()
    {
        BreakTheDocumentsTable();
        using var response = await Client.GetAsync("/api/documents/1");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("no such table", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    /// <summary>A real failure under the app: the table every document page reads is gone.</summary>
    private void BreakTheDocumentsTable()
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE documents;";
        command.ExecuteNonQuery();
    }
}
