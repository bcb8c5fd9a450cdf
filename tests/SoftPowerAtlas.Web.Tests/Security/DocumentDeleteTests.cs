using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>
/// Taking a document back out from the web (issue 21 point 5): an admin through the document page's
/// form or DELETE /api/documents/{id}; an editor sees no control and is refused. The audit log keeps it.
/// </summary>
public sealed class DocumentDeleteTests : SignedInTest
{
    protected override bool WithSamples => true;

    [Fact]
    public async Task DocumentPage_AdminConfirms_DocumentGoneListSaysSoAndAuditKeepsIt()
    {
        using var admin = await SignIn("root");
        var page = await admin.GetStringAsync("/documents/1");
        Assert.Contains("id=\"delete-document\"", page, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await FormToken(admin, "/documents/1") });

        using var response = await admin.PostAsync("/documents/1/delete", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/documents?deleted=1", response.Headers.Location?.OriginalString);
        Assert.Contains("id=\"deleted-notice\"", await admin.GetStringAsync("/documents?deleted=1"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/documents/1")).StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?limit=1");
        var e = audit.GetProperty("items")[0];
        Assert.Equal(("root", "document.delete"), (e.GetProperty("actor").GetString(), e.GetProperty("kind").GetString()));
        Assert.Equal(1, e.GetProperty("before").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Api_AdminDeletes_ThenAgainIs404()
    {
        using var admin = await SignIn("root");
        var token = await MetaToken(admin);

        using var first = await Delete(admin, "/api/documents/2", token);
        using var again = await Delete(admin, "/api/documents/2", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("document.delete", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Editor_NoControlOnThePageAndApiRefused_DocumentStays()
    {
        using var editor = await SignIn("eddie");

        var page = await editor.GetStringAsync("/documents/3");
        using var response = await Delete(editor, "/api/documents/3", await MetaToken(editor));

        Assert.DoesNotContain("id=\"delete-document\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/documents/3")).StatusCode);
    }

    private static Task<HttpResponseMessage> Delete(HttpClient client, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Add("Origin", "http://localhost");
        return client.SendAsync(request);
    }
}
