using System.Net;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Pages;

/// <summary>The edit form on a document's fact cards: antiforgery-checked, saved as a curation event, shown at once.</summary>
public sealed partial class FactEditFormTests : WebTest
{
    [Fact]
    public async Task Post_WithTokenFromThePage_TypeSavedAndDocumentShowsIt()
    {
        var id = await SampleId("en_cea_mou_ishikawa.md");
        var page = await Client.GetStringAsync($"/documents/{id}");
        var form = FormFor().Match(page);
        Assert.True(form.Success, "no edit form on the document page");
        var key = form.Groups["key"].Value;
        var token = Token().Match(page).Groups["token"].Value;

        using var response = await Client.PostAsync($"/curation/facts/{key}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["documentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = "visit",
            ["date"] = "",
            ["sectors"] = "design, <script>x</script>",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // the bad sector is refused, shown as text
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("&lt;script&gt;x&lt;/script&gt;", StringComparison.Ordinal), body);

        using var saved = await Client.PostAsync($"/curation/facts/{key}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["documentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = "visit",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/documents/{id}#edit-{key}", saved.Headers.Location?.OriginalString);
        var audit = await GetJson($"/api/audit?target=fact:{key}");
        Assert.Equal("visit", audit.GetProperty("items")[0].GetProperty("after").GetProperty("type").GetString());
        Assert.Matches($"id=\"edit-{key}\"[\\s\\S]*?<option value=\"visit\" selected=\"selected\"", await Client.GetStringAsync($"/documents/{id}"));
    }

    [Fact]
    public async Task Post_WithoutToken_RefusedAndNothingSaved()
    {
        var id = await SampleId("en_cea_mou_ishikawa.md");
        var key = FormFor().Match(await Client.GetStringAsync($"/documents/{id}")).Groups["key"].Value;

        using var response = await Client.PostAsync($"/curation/facts/{key}", new FormUrlEncodedContent(new Dictionary<string, string> { ["type"] = "visit" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await GetJson("/api/audit")).GetProperty("total").GetInt64());
    }

    [GeneratedRegex("<form method=\"post\" action=\"/curation/facts/(?<key>[0-9a-f]{16})\"")]
    private static partial Regex FormFor();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
