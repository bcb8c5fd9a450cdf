using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>Sessions, API keys, CSRF and the login throttle on a server with users.</summary>
public sealed class SignInTests : SignedInTest
{
    [Fact]
    public async Task Page_Anonymous_RedirectedToLoginWithReturnUrl()
    {
        using var client = Anonymous();

        using var response = await client.GetAsync("/documents?offset=0");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fdocuments%3Foffset%3D0", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Api_Anonymous_401Problem()
    {
        using var client = Anonymous();

        using var response = await client.GetAsync("/api/documents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
    }

    [Fact]
    public async Task Login_RightPassword_SessionCookieFlagsAndNameShown()
    {
        using var client = Anonymous();

        using var response = await PostLogin(client, "VERA", Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AtlasSecurity.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase); // a session cookie, gone with the browser
        var html = await client.GetStringAsync("/documents");
        Assert.Contains("<span id=\"user-name\">vera</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/users\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/ingest\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_OverHttps_CookieIsSecure()
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var response = await PostLogin(client, "vera", Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("https://evil.example/steal", "/")]
    [InlineData("//evil.example/steal", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/documents?offset=25", "/documents?offset=25")]
    public async Task Login_ReturnUrl_OnlyLocalPathsFollowed(string returnUrl, string expected)
    {
        using var client = Anonymous();
        var token = await FormToken(client, "/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "vera", ["Password"] = Password, ["ReturnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync("/login", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WrongPasswordOrUnknownName_SameMessageNoCookie()
    {
        using var client = Anonymous();

        using var wrong = await PostLogin(client, "vera", "wrong password");
        using var unknown = await PostLogin(client, "nobody", Password);

        foreach (var response in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith(AtlasSecurity.SessionCookie, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Login_FormWithoutAntiforgeryToken_Refused()
    {
        using var client = Anonymous();
        await client.GetStringAsync("/login"); // the antiforgery cookie is set; the form field is left out
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "vera", ["Password"] = Password });

        using var response = await client.PostAsync("/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(AtlasSecurity.SessionCookie, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AdminForm_TokenOfAnotherUser_Refused()
    {
        using var admin = await SignIn("root");
        using var viewer = await SignIn("vera");
        var viewersToken = await FormToken(viewer, "/logout");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "mallory", ["role"] = "admin", ["password"] = "mallory-pass-1", ["confirm"] = "mallory-pass-1", ["__RequestVerificationToken"] = viewersToken,
        });

        using var response = await admin.PostAsync("/admin/users?handler=Add", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(Users.Find("mallory"));
    }

    [Fact]
    public async Task Login_RepeatedFailures_429WithRetryAfterEvenForRightPassword()
    {
        using var client = Anonymous();
        for (var i = 0; i < LoginThrottle.MaxPerName; i++)
        {
            using var failed = await PostLogin(client, "vera", "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var blocked = await PostLogin(client, "Vera", Password);

        Assert.Equal((HttpStatusCode)429, blocked.StatusCode);
        var retryAfter = int.Parse(blocked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, (int)LoginThrottle.Window.TotalSeconds);
        Assert.Contains("Too many failed sign-ins", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another user name from the same client is not blocked by vera's failures.
        using var other = await PostLogin(client, "eddie", Password);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task ApiKey_BearerAndHeaderWork_RevokedRefused()
    {
        var key = Users.IssueKey("eddie")!.Key;
        using var client = Anonymous();

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(bearer)).StatusCode);
        using var header = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        header.Headers.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(header)).StatusCode);

        Users.RevokeKeys("eddie");

        using var revoked = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        revoked.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("Invalid API key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ingest_AdminKeyWithoutCsrfHeader_Stored()
    {
        var key = Users.IssueKey("root")!.Key;
        using var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var response = await client.PostAsync("/api/ingest", Upload("a.txt", "กรมการพัฒนาชุมชนจัดงานโอทอป วันที่ 5 มกราคม 2567"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task Ingest_AdminSession_NeedsCsrfHeader()
    {
        using var admin = await SignIn("root");

        using var without = await admin.PostAsync("/api/ingest", Upload("a.txt", "ข่าวประชาสัมพันธ์ฉบับที่หนึ่ง"));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal("Antiforgery token missing or invalid", (await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Upload("a.txt", "ข่าวประชาสัมพันธ์ฉบับที่หนึ่ง") };
        request.Headers.Add("X-CSRF-TOKEN", await MetaToken(admin));
        using var with = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task Session_UserRemovedOrPasswordChanged_Ended()
    {
        using var viewer = await SignIn("vera");
        using var editor = await SignIn("eddie");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/documents")).StatusCode);

        Users.Remove("vera");
        Users.SetPassword("eddie", "a-new-password");

        Assert.Equal(HttpStatusCode.Redirect, (await viewer.GetAsync("/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/documents")).StatusCode);
    }

    [Fact]
    public async Task Session_RoleRaised_AppliesAtNextRequest()
    {
        using var viewer = await SignIn("vera");
        using var denied = await viewer.GetAsync("/admin/users");
        Assert.Equal("/denied", denied.Headers.Location?.AbsolutePath);

        Users.SetRole("vera", UserRole.Admin);

        using var allowed = await viewer.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Logout_Post_EndsSession()
    {
        using var viewer = await SignIn("vera");
        var token = await FormToken(viewer, "/logout");

        using var response = await viewer.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.GetAsync("/documents")).StatusCode);
    }

    [Fact]
    public async Task Logout_KeptCopyOfTheCookie_NoLongerSignedIn()
    {
        using var client = Anonymous();
        using var login = await PostLogin(client, "vera", Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AtlasSecurity.SessionCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        using var thief = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var vera = Users.Find("vera")!.Id;
        var sessions = Factory.Services.GetRequiredService<SessionStore>();
        Assert.Equal(HttpStatusCode.OK, (await Get(thief, "/api/documents", cookie)).StatusCode);
        Assert.Equal(1, sessions.Count(vera));

        var token = await FormToken(client, "/logout");
        using var logout = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(thief, "/api/documents", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Get(thief, "/documents", cookie)).StatusCode);
        Assert.Equal(0, sessions.Count(vera));
    }

    [Fact]
    public async Task Logout_OneSession_OtherSessionsOfTheUserGoOn()
    {
        using var laptop = await SignIn("vera");
        using var phone = await SignIn("vera");
        var token = await FormToken(phone, "/logout");

        await phone.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/documents")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AdminPage_AddKeyRoleRemove_Works()
    {
        using var admin = await SignIn("root");

        var added = await PostForm(admin, "Add", ("name", "นภา"), ("role", "editor"), ("password", "napa-pass-1"), ("confirm", "napa-pass-1"));
        Assert.Contains("Added นภา (Editor).", added, StringComparison.Ordinal);
        Assert.Equal(UserRole.Editor, Users.Find("นภา")?.Role);

        var keyed = await PostForm(admin, "Key", ("name", "นภา"));
        var key = System.Text.RegularExpressions.Regex.Match(keyed, "<code id=\"new-key-value\">(spa_[A-Za-z0-9_-]{43})</code>").Groups[1].Value;
        Assert.Equal("นภา", Users.FindByKey(key)?.Name);
        Assert.DoesNotContain(key, await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);

        await PostForm(admin, "Role", ("name", "นภา"), ("role", "viewer"));
        Assert.Equal(UserRole.Viewer, Users.Find("นภา")?.Role);
        await PostForm(admin, "Revoke", ("name", "นภา"));
        Assert.Null(Users.FindByKey(key));
        await PostForm(admin, "Remove", ("name", "นภา"));
        Assert.Null(Users.Find("นภา"));

        var lastAdmin = await PostForm(admin, "Remove", ("name", "root"));
        Assert.Contains("This is the last admin", lastAdmin, StringComparison.Ordinal);
        Assert.NotNull(Users.Find("root"));
    }

    private static MultipartFormDataContent Upload(string name, string text)
    {
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "files", name } };
    }

    private static async Task<string> PostForm(HttpClient client, string handler, params (string Key, string Value)[] fields)
    {
        var token = await FormToken(client, "/admin/users");
        var values = fields.ToDictionary(f => f.Key, f => f.Value);
        values["__RequestVerificationToken"] = token;
        using var response = await client.PostAsync("/admin/users?handler=" + handler, new FormUrlEncodedContent(values));
        return await response.Content.ReadAsStringAsync();
    }
}
