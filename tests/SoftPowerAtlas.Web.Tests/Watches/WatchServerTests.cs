using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Watches;

/// <summary>
/// A watch through the API on a shared server's store (PostgreSQL, its own search index), the samples
/// ingested: a saved search made by an API key sees a release ingested after it, and its feed lists it first.
/// </summary>
public sealed class WatchServerTests : WebTest
{
    protected override TestEngine Engine => TestEngine.Postgres;

    [Fact]
    public async Task SavedSearch_ReleaseIngestedAfter_NewAndFirstInTheFeed()
    {
        using var created = await Client.PostAsJsonAsync("/api/watches", new { kind = "search", target = "มวยไทย" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var feed = await Client.PostAsync($"/api/watches/{id}/feed", null);
        var feedUrl = (await feed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feedUrl").GetString()!;
        Assert.Equal(0, (await GetJson($"/api/watches/{id}")).GetProperty("watch").GetProperty("newDocuments").GetInt32());

        using var upload = await Client.PostAsync("/api/ingest", WatchTexts.Upload(("muay-thai.txt", WatchTexts.MuayThai), ("film.txt", WatchTexts.Film)));
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());

        var detail = await GetJson($"/api/watches/{id}");
        Assert.Equal(1, detail.GetProperty("watch").GetProperty("newDocuments").GetInt32());
        Assert.Equal(WatchTexts.MuayThaiTitle, detail.GetProperty("documents")[0].GetProperty("title").GetString());
        using var reader = Factory.CreateClient(); // no key, no cookie: only the token in the address
        using var xml = XmlReader.Create(await reader.GetStreamAsync(new Uri(feedUrl).PathAndQuery));
        var entries = SyndicationFeed.Load(xml).Items.ToList();
        Assert.True(entries.Count >= 2, "the samples' Muay Thai pages are listed too");
        Assert.Equal(WatchTexts.MuayThaiTitle, entries[0].Title.Text);
    }
}
