using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>
/// A shared-server setup: the app over a database of its own with three users (an admin, an editor,
/// a viewer), so sign-in is required; helpers to sign in through the real login form and to read the
/// antiforgery tokens pages hand out.
/// </summary>
public abstract partial class SignedInTest : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    protected TestDatabase Database { get; private set; } = null!; // All set in InitializeAsync, before any test runs.

    protected AtlasWebFactory Factory { get; private set; } = null!;

    protected UserStore Users { get; private set; } = null!;

    /// <summary>Whether the database holds the ingested samples (slower to set up).</summary>
    protected virtual bool WithSamples => false;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(WithSamples);
        Factory = new AtlasWebFactory(Database.Path);
        Users = Factory.Services.GetRequiredService<UserStore>();
        Assert.Null(Users.Add("root", UserRole.Admin, Password).Error);
        Assert.Null(Users.Add("eddie", UserRole.Editor, Password).Error);
        Assert.Null(Users.Add("vera", UserRole.Viewer, Password).Error);
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Database.Dispose();
    }

    /// <summary>A client of a browser that prefers English (these tests read the English messages; Thai is the default).</summary>
    protected HttpClient Anonymous()
    {
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        return client;
    }

    /// <summary>A client signed in through the login form, holding the session cookie.</summary>
    protected async Task<HttpClient> SignIn(string name, string password = Password)
    {
        var client = Anonymous();
        using var response = await PostLogin(client, name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    protected static async Task<HttpResponseMessage> PostLogin(HttpClient client, string name, string password)
    {
        var token = await FormToken(client, "/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = name,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync("/login", form);
    }

    /// <summary>The hidden antiforgery field of the first form on a page.</summary>
    protected static async Task<string> FormToken(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = HiddenToken().Match(html);
        Assert.True(match.Success, $"no antiforgery field on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The token of the page's <c>meta name="csrf-token"</c>, which scripts send in X-CSRF-TOKEN.</summary>
    protected static async Task<string> MetaToken(HttpClient client, string url = "/logout")
    {
        var html = await client.GetStringAsync(url);
        var match = MetaTokenPattern().Match(html);
        Assert.True(match.Success, $"no csrf-token meta on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
    private static partial Regex MetaTokenPattern();
}
