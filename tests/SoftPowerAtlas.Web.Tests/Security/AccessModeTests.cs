using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Web.Security;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>When the laptop's single-user mode applies and when sign-in is required.</summary>
public sealed class AccessModeTests : IAsyncLifetime
{
    private TestDatabase _db = null!; // Set in InitializeAsync.

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(withSamples: false);

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NoUsersOnLoopback_CallerIsLocalAdmin()
    {
        await using var factory = new AtlasWebFactory(_db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var html = await client.GetStringAsync("/admin/users");

        Assert.Contains("id=\"no-users\"", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"user-name\"", html, StringComparison.Ordinal);
        Assert.Contains("ผู้ดูแลในเครื่อง", html, StringComparison.Ordinal); // Thai: a new visitor's default
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
        Assert.Contains("id=\"open-mode\"", await client.GetStringAsync("/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstUserAdded_SignInRequiredAtOnce()
    {
        await using var factory = new AtlasWebFactory(_db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/documents")).StatusCode);

        factory.Services.GetRequiredService<UserStore>().Add("root", UserRole.Admin, SignedInTest.Password);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task AuthRequired_NoUsers_NobodyIsLocalAdmin()
    {
        await using var factory = new AtlasWebFactory(_db.Path, new Dictionary<string, string> { [AccessMode.AuthSetting] = "required" });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/overview")).StatusCode);
        Assert.DoesNotContain("id=\"open-mode\"", await client.GetStringAsync("/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenMode_BrowserPostWithoutToken_RefusedScriptAllowed()
    {
        // In single-user mode a page on another site could post to 127.0.0.1: a browser's request
        // (it sends Origin or Sec-Fetch-Site) needs the token; a script on this machine does not.
        await using var factory = new AtlasWebFactory(_db.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Upload() };
        crossSite.Headers.Add("Origin", "https://evil.example");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(crossSite)).StatusCode); // LocalHostGuard: another site's page

        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Upload() };
        sameSite.Headers.Add("Origin", "http://localhost");
        sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(sameSite)).StatusCode); // ApiCsrf: no token

        using var script = await client.PostAsync("/api/ingest", Upload());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task NonLoopbackAddressWithoutUsers_RefusesToStart()
    {
        await using var factory = new AtlasWebFactory(_db.Path, new Dictionary<string, string> { ["urls"] = "http://0.0.0.0:8080" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var refusal = Assert.IsType<AtlasAccessException>(error is AtlasAccessException ? error : error.InnerException ?? error.GetBaseException());
        Assert.Contains("refusing to serve http://0.0.0.0:8080 without sign-in", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("atlas user add NAME --role admin", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonLoopbackAddressWithUsers_StartsAndRequiresSignIn()
    {
        using (var store = Storage.Sqlite.SqliteAtlasStore.Open(_db.Path, TestText.Shared))
        {
            UserStore.For(store, hasher: new PasswordHasher(AtlasWebFactory.TestIterations)).Add("root", UserRole.Admin, SignedInTest.Password);
        }

        await using var factory = new AtlasWebFactory(_db.Path, new Dictionary<string, string> { ["urls"] = "http://0.0.0.0:8080" });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task UnknownAuthSetting_RefusesToStart()
    {
        await using var factory = new AtlasWebFactory(_db.Path, new Dictionary<string, string> { [AccessMode.AuthSetting] = "sometimes" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("must be 'auto' or 'required'", error.GetBaseException().Message + error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://LOCALHOST", true)]
    [InlineData("https://[::1]:5443", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://atlas.example.go.th", false)]
    [InlineData("http://localhost.evil.example:80", false)]
    public void IsLoopbackAddress_Urls(string url, bool expected)
    {
        Assert.Equal(expected, AccessMode.IsLoopbackAddress(url));
    }

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("กรมส่งเสริมวัฒนธรรมจัดงาน วันที่ 5 มกราคม 2567"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "files", "a.txt" } };
    }
}
