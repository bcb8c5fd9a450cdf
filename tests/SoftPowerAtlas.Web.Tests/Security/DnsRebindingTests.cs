using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>
/// A page on a name its owner points at 127.0.0.1 (DNS rebinding) reaches the open laptop host as the
/// same origin: the host answers only requests addressed to this machine, and writes only from its own origin.
/// </summary>
public sealed class DnsRebindingTests : IAsyncLifetime
{
    private TestDatabase _db = null!; // Set in InitializeAsync.

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(withSamples: false);

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.1.nip.io:5080")]
    [InlineData("192.168.1.20:5080")]
    [InlineData("0.0.0.0:5080")]
    public async Task OpenHost_ForeignHostHeader_Refused421WithoutData(string host)
    {
        await using var factory = new AtlasWebFactory(_db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        read.Headers.Host = host;
        using var response = await client.SendAsync(read);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Not this machine's address", problem.GetProperty("title").GetString());
        Assert.Contains($"not to '{host}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"total\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenHost_ForeignHostCreatingAnAdmin_RefusedAndNoUserStored()
    {
        await using var factory = new AtlasWebFactory(_db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        page.Headers.Host = "evil.example";
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/users?handler=Add")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "mallory", ["Role"] = "admin", ["Password"] = "correct horse battery" }),
        };
        post.Headers.Host = "evil.example";
        post.Headers.Add("Origin", "http://evil.example");

        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await client.SendAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await client.SendAsync(post)).StatusCode);
        Assert.False(factory.Services.GetRequiredService<UserStore>().HasUsers());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:5080")]
    [InlineData("LOCALHOST.:5080")]
    [InlineData("atlas.localhost:5080")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("127.0.0.2")]
    [InlineData("[::1]:5080")]
    public async Task OpenHost_OwnHostHeader_Answered(string host)
    {
        await using var factory = new AtlasWebFactory(_db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        read.Headers.Host = host;

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(read)).StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("http://localhost.evil.example:5080")]
    [InlineData("file://")]
    [InlineData("http://localhost:8000")]
    [InlineData("https://localhost")]
    public async Task OpenHost_WriteFromForeignOrigin_Refused403(string origin)
    {
        await using var factory = new AtlasWebFactory(_db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Upload() };
        post.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Request from another site", problem.GetProperty("title").GetString());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("http://localhost", null)]
    [InlineData("null", "same-origin")]
    public async Task OpenHost_WriteFromItsOwnPage_Stored(string origin, string? fetchSite)
    {
        // Our pages send Referrer-Policy: no-referrer, so a browser posts their forms with Origin: null.
        await using var factory = new AtlasWebFactory(_db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Upload() };
        post.Headers.Add("Origin", origin);
        if (fetchSite is not null)
        {
            post.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        using var response = await client.SendAsync(post);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // on to the API's own check: a browser's write needs the page's token
        Assert.Contains("Antiforgery token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenHost_ReadWithForeignOrigin_Answered()
    {
        // A read with a foreign Origin is harmless: the browser withholds the answer from the other site (no CORS headers).
        await using var factory = new AtlasWebFactory(_db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        read.Headers.Add("Origin", "http://evil.example");
        using var response = await client.SendAsync(read);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task WithUsers_AnyHostHeader_SignInDecides()
    {
        // Behind a proxy a signed-in host is reached under its public name.
        await using var factory = new AtlasWebFactory(_db.Path);
        factory.Services.GetRequiredService<UserStore>().Add("root", UserRole.Admin, SignedInTest.Password);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        read.Headers.Host = "atlas.example.go.th";

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(read)).StatusCode);
    }

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทย วันที่ 5 มกราคม 2567"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "files", "a.txt" } };
    }
}
