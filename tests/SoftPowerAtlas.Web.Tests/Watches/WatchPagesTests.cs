using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage.Watches;
using SoftPowerAtlas.Web.Tests.Security;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Watches;

/// <summary>
/// Watchlists on a shared server (three users, no samples): saving a search from the search page, what is
/// new after an ingest, each user's own watches only, the Atom feed by its token, and /api/watches.
/// </summary>
public sealed partial class WatchPagesTests : SignedInTest
{
    private async Task Ingest(params (string Name, string Text)[] files)
    {
        using var admin = Anonymous();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Users.IssueKey("root")!.Key);
        using var response = await admin.PostAsync("/api/ingest", WatchTexts.Upload(files));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Saves the search through the button of the search page; the new watch's id.</summary>
    private static async Task<long> SaveSearch(HttpClient client, string query)
    {
        var page = "/search?q=" + Uri.EscapeDataString(query);
        var html = await client.GetStringAsync(page);
        Assert.Contains("id=\"watch-add\"", html, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "search",
            ["target"] = query,
            ["name"] = query,
            ["__RequestVerificationToken"] = await FormToken(client, page),
        });
        using var response = await client.PostAsync("/watch?handler=Add", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(WatchLocation().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> PostPage(HttpClient client, string url, string handler)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await MetaToken(client, "/watch") });
        return await client.PostAsync(url + "?handler=" + handler, form);
    }

    [Fact]
    public async Task Watchlist_Anonymous_AskedToSignIn()
    {
        using var client = Anonymous();

        using var page = await client.GetAsync("/watch");
        using var api = await client.GetAsync("/api/watches");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=%2Fwatch", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task SaveSearch_ThenMatchingIngest_ListedAsNewUntilOpened()
    {
        using var vera = await SignIn("vera");
        var id = await SaveSearch(vera, "มวยไทย");
        Assert.Contains("id=\"watch-following\"", await vera.GetStringAsync("/search?q=" + Uri.EscapeDataString("มวยไทย")), StringComparison.Ordinal);
        Assert.Contains("data-new=\"0\"", await vera.GetStringAsync("/watch"), StringComparison.Ordinal);

        await Ingest(("muay-thai.txt", WatchTexts.MuayThai), ("film.txt", WatchTexts.Film));

        var list = await vera.GetStringAsync("/watch");
        Assert.Contains($"data-watch=\"{id}\" data-kind=\"search\" data-new=\"1\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/watch\"", list, StringComparison.Ordinal); // the menu item of a signed-in user
        var opened = await vera.GetStringAsync($"/watch/{id}");
        Assert.Contains(WatchTexts.MuayThaiTitle, opened, StringComparison.Ordinal);
        Assert.DoesNotContain(WatchTexts.FilmTitle, opened, StringComparison.Ordinal);
        Assert.Contains("<span id=\"watch-document-count\">1</span>", opened, StringComparison.Ordinal);
        Assert.Contains($"data-watch=\"{id}\" data-kind=\"search\" data-new=\"0\"", await vera.GetStringAsync("/watch"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherUsersWatch_PagesAndApi_NotFoundAndUntouched()
    {
        using var vera = await SignIn("vera");
        var id = await SaveSearch(vera, "ภาพยนตร์");
        using var eddie = await SignIn("eddie");
        using var eddieKey = Anonymous();
        eddieKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Users.IssueKey("eddie")!.Key);

        using var page = await eddie.GetAsync($"/watch/{id}");
        using var delete = await PostPage(eddie, $"/watch/{id}", "Delete");
        using var feed = await PostPage(eddie, $"/watch/{id}", "Feed");
        using var rename = await PostPage(eddie, $"/watch/{id}", "Rename");
        using var apiGet = await eddieKey.GetAsync($"/api/watches/{id}");
        using var apiDelete = await eddieKey.DeleteAsync($"/api/watches/{id}");
        using var apiFeed = await eddieKey.PostAsync($"/api/watches/{id}/feed", null);

        Assert.Equal(
            Enumerable.Repeat(HttpStatusCode.NotFound, 7),
            new[] { page, delete, feed, rename, apiGet, apiDelete, apiFeed }.Select(r => r.StatusCode));
        Assert.Empty(await eddieKey.GetFromJsonAsync<JsonElement[]>("/api/watches") ?? []);
        var kept = Factory.Services.GetRequiredService<WatchStore>().Get(Users.Find("vera")!.Id, id);
        Assert.NotNull(kept);
        Assert.False(kept.HasFeed);
        Assert.Equal("ภาพยนตร์", kept.Name);
    }

    [Fact]
    public async Task Feed_ByItsToken_ValidAtomListingTheNewDocumentAndAWrongTokenRefused()
    {
        using var vera = await SignIn("vera");
        var id = await SaveSearch(vera, "มวยไทย");
        using var made = await PostPage(vera, $"/watch/{id}", "Feed");
        var address = WebUtility.HtmlDecode(FeedAddress().Match(await made.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.Matches($"^http://localhost/watch/{id}/feed\\.atom\\?token=[A-Za-z0-9_-]{{43}}$", address);
        await Ingest(("muay-thai.txt", WatchTexts.MuayThai), ("film.txt", WatchTexts.Film));
        using var reader = Anonymous(); // a feed reader: no cookie, no key

        using var response = await reader.GetAsync(new Uri(address).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(xml);
        Assert.Equal("มวยไทย · SoftPowerAtlas", feed.Title.Text);
        var entry = Assert.Single(feed.Items);
        Assert.Equal(WatchTexts.MuayThaiTitle, entry.Title.Text);
        Assert.Matches("^http://localhost/documents/\\d+$", entry.Links.Single().Uri.AbsoluteUri);
        Assert.StartsWith(WatchTexts.MuayThaiTitle, ((TextSyndicationContent)entry.Summary).Text, StringComparison.Ordinal);
        Assert.True(entry.LastUpdatedTime > DateTimeOffset.UtcNow.AddMinutes(-5));

        var token = address[(address.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var wrong = (token[0] == 'A' ? "B" : "A") + token[1..];
        using var wrongToken = await reader.GetAsync($"/watch/{id}/feed.atom?token={wrong}");
        using var noToken = await reader.GetAsync($"/watch/{id}/feed.atom");
        using var otherWatch = await reader.GetAsync($"/watch/{id + 1}/feed.atom?token={token}");
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { wrongToken.StatusCode, noToken.StatusCode, otherWatch.StatusCode });

        using var rotated = await PostPage(vera, $"/watch/{id}", "Feed");
        using var old = await reader.GetAsync(new Uri(address).PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task Api_WithAViewersKey_CreatesListsAndDeletesItsOwnWatches()
    {
        using var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Users.IssueKey("vera")!.Key);

        using var created = await client.PostAsJsonAsync("/api/watches", new { kind = "country", target = "fr", name = "ฝรั่งเศส" });
        using var bad = await client.PostAsJsonAsync("/api/watches", new { kind = "province", target = "TH-50" });
        using var badTarget = await client.PostAsJsonAsync("/api/watches", new { kind = "sector", target = "cooking" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var watch = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = watch.GetProperty("id").GetInt64();
        Assert.Equal($"/api/watches/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("country", "FR", "ฝรั่งเศส", 0), (watch.GetProperty("kind").GetString(), watch.GetProperty("target").GetString(), watch.GetProperty("name").GetString(), watch.GetProperty("newDocuments").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kind must be search, entity, country or sector", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badTarget.StatusCode);

        await Ingest(("muay-thai.txt", WatchTexts.MuayThai), ("film.txt", WatchTexts.Film));
        var list = await client.GetFromJsonAsync<JsonElement[]>("/api/watches");
        Assert.Equal(1, Assert.Single(list!).GetProperty("newDocuments").GetInt32());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/watches/{id}");
        Assert.Equal(WatchTexts.FilmTitle, detail.GetProperty("documents")[0].GetProperty("title").GetString());

        using var deleted = await client.DeleteAsync($"/api/watches/{id}");
        using var again = await client.DeleteAsync($"/api/watches/{id}");
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted.StatusCode, again.StatusCode));
    }

    [Fact]
    public async Task FollowButtons_EntityCountryAndSectorSearch_OfferTheirTargetAndThenShowFollowing()
    {
        await Ingest(("film.txt", WatchTexts.Film));
        using var vera = await SignIn("vera");
        var entities = await vera.GetFromJsonAsync<JsonElement>("/api/entities?q=" + Uri.EscapeDataString("Department of Cultural Promotion"));
        var entity = entities.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "agency:dcp").GetProperty("id").GetInt64();

        var entityPage = await vera.GetStringAsync($"/entities/{entity}");
        var countryPage = await vera.GetStringAsync("/countries/FR");
        var sectorSearch = await vera.GetStringAsync("/search?q=sector%3Afilm");

        Assert.Contains("name=\"kind\" value=\"entity\"", entityPage, StringComparison.Ordinal);
        Assert.Contains("name=\"target\" value=\"agency:dcp\"", entityPage, StringComparison.Ordinal);
        Assert.Contains("name=\"kind\" value=\"country\"", countryPage, StringComparison.Ordinal);
        Assert.Contains("name=\"target\" value=\"FR\"", countryPage, StringComparison.Ordinal);
        Assert.Contains("name=\"kind\" value=\"sector\"", sectorSearch, StringComparison.Ordinal);
        Assert.Contains("name=\"target\" value=\"film\"", sectorSearch, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "country",
            ["target"] = "FR",
            ["name"] = "France",
            ["__RequestVerificationToken"] = await FormToken(vera, "/countries/FR"),
        });
        using var followed = await vera.PostAsync("/watch?handler=Add", form);
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Contains("id=\"watch-following\"", await vera.GetStringAsync("/countries/FR"), StringComparison.Ordinal);
        Assert.Contains("id=\"watch-add\"", await vera.GetStringAsync($"/entities/{entity}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_ThaiName_ShownInTheWatchlist()
    {
        using var vera = await SignIn("vera");
        var id = await SaveSearch(vera, "ภาพยนตร์ country:FR");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "  ภาพยนตร์กับฝรั่งเศส ",
            ["__RequestVerificationToken"] = await FormToken(vera, $"/watch/{id}"),
        });

        using var renamed = await vera.PostAsync($"/watch/{id}?handler=Rename", form);

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains($"<a class=\"watch-name\" href=\"/watch/{id}\">ภาพยนตร์กับฝรั่งเศส</a>", await vera.GetStringAsync("/watch"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWatch_NotACountry_PageSaysWhy()
    {
        using var vera = await SignIn("vera");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "country",
            ["target"] = "Atlantis",
            ["__RequestVerificationToken"] = await FormToken(vera, "/search?q=x"),
        });

        using var response = await vera.PostAsync("/watch?handler=Add", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'Atlantis' is not a country code", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(Factory.Services.GetRequiredService<WatchStore>().List(Users.Find("vera")!.Id));
    }

    [Fact]
    public async Task Watchlist_LaptopLocalAdmin_ToldItNeedsAnAccount()
    {
        using var db = await TestDatabase.CreateAsync(withSamples: false);
        await using var factory = new AtlasWebFactory(db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("th");

        var page = await client.GetStringAsync("/watch");
        using var api = await client.GetAsync("/api/watches");

        Assert.Contains("id=\"watch-no-account\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"nav-watch\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [GeneratedRegex("^/watch/(\\d+)$")]
    private static partial Regex WatchLocation();

    [GeneratedRegex("id=\"watch-feed-address\" class=\"feed-address\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex FeedAddress();
}
