using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>
/// Every endpoint that changes something refuses an anonymous caller and a viewer. The endpoints are
/// read from the app's <see cref="EndpointDataSource"/> (every API endpoint with a method other than
/// GET/HEAD, every page handler for POST/PUT/DELETE), so endpoints added later are covered too.
/// </summary>
public sealed class WriteEndpointTests : SignedInTest
{
    /// <summary>Writes anyone may make: signing in and out.</summary>
    private static readonly string[] AnonymousWrites = ["POST /login", "POST /logout"];

    /// <summary>
    /// Writes any signed-in user makes to their own watches, whatever their role; a viewer cannot touch
    /// another user's (WatchPagesTests.OtherUsersWatch_PagesAndApi_NotFoundAndUntouched).
    /// </summary>
    private static readonly string[] OwnWrites =
        ["POST /watch?handler=Add", "POST /watch/1?handler=Feed", "POST /watch/1?handler=Delete", "POST /watch/1?handler=Rename", "POST /api/watches", "DELETE /api/watches/1", "POST /api/watches/1/feed"];

    [Fact]
    public async Task WriteEndpoints_Discovered_IncludeKnownOnes()
    {
        var names = (await WriteTargets()).Select(t => t.Name).ToList();

        Assert.Contains("POST /api/ingest", names);
        Assert.Contains("POST /admin/users?handler=Add", names);
        Assert.Contains("POST /admin/users?handler=Remove", names);
        Assert.Contains("POST /admin/users?handler=Key", names);
        Assert.All(AnonymousWrites, w => Assert.Contains(w, names));
        Assert.All(OwnWrites, w => Assert.Contains(w, names));
    }

    [Fact]
    public async Task WriteEndpoints_Anonymous_Refused()
    {
        using var client = Anonymous();
        var failures = new List<string>();
        foreach (var target in (await WriteTargets()).Where(t => !AnonymousWrites.Contains(t.Name)))
        {
            using var request = target.Request();
            if (!target.IsPage)
            {
                request.Headers.Add("Origin", "http://localhost");
            }

            using var response = await client.SendAsync(request);
            var refused = target.IsPage
                ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/login", StringComparison.Ordinal) == true
                : response.StatusCode == HttpStatusCode.Unauthorized;
            if (!refused)
            {
                failures.Add($"{target.Name}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(failures);
        AssertNothingChanged();
    }

    [Fact]
    public async Task WriteEndpoints_ViewerWithValidToken_Refused()
    {
        using var viewer = await SignIn("vera");
        var token = await MetaToken(viewer);
        var failures = new List<string>();
        foreach (var target in (await WriteTargets()).Where(t => !AnonymousWrites.Contains(t.Name) && !OwnWrites.Contains(t.Name)))
        {
            // The antiforgery token is valid, so the refusal is the role's, not the CSRF check's.
            using var request = target.Request(token);
            using var response = await viewer.SendAsync(request);
            var refused = target.IsPage
                ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/denied", StringComparison.Ordinal) == true
                : response.StatusCode == HttpStatusCode.Forbidden;
            if (!refused)
            {
                failures.Add($"{target.Name}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(failures);
        AssertNothingChanged();
    }

    [Fact]
    public async Task WriteApiEndpoints_ViewerApiKey_Refused()
    {
        var key = Users.IssueKey("vera")!.Key;
        using var client = Anonymous();
        var failures = new List<string>();
        foreach (var target in (await WriteTargets()).Where(t => !t.IsPage && !OwnWrites.Contains(t.Name)))
        {
            using var request = target.Request();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{target.Name}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        AssertNothingChanged();
    }

    private void AssertNothingChanged()
    {
        Assert.Equal(["eddie", "root", "vera"], Users.List().Select(u => u.Name));
        Assert.Equal(0, Users.List().Sum(u => u.ActiveKeys) - (Users.Find("vera")!.ActiveKeys));
        using var store = Storage.Sqlite.SqliteAtlasStore.Open(Database.Path, TestText.Shared);
        Assert.Equal(0, store.GetStats().Documents);
    }

    private async Task<List<WriteTarget>> WriteTargets()
    {
        var services = Factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var targets = new List<WriteTarget>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = Path(endpoint.RoutePattern);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
                {
                    var url = handler.Name is null ? path : path + "?handler=" + handler.Name;
                    targets.Add(new WriteTarget(handler.HttpMethod.ToUpperInvariant(), url, IsPage: true));
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
            {
                foreach (var method in methods.HttpMethods.Where(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)))
                {
                    targets.Add(new WriteTarget(method, path, IsPage: false));
                }
            }
        }

        return [.. targets.DistinctBy(t => t.Name).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>A URL for the route: each parameter filled with 1.</summary>
    private static string Path(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart => "1",
                    _ => string.Empty,
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private sealed record WriteTarget(string Method, string Url, bool IsPage)
    {
        public string Name => $"{Method} {Url}";

        public HttpRequestMessage Request(string? token = null)
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Url);
            if (IsPage)
            {
                var fields = new Dictionary<string, string> { ["name"] = "root", ["role"] = "viewer", ["password"] = "x-password-1", ["confirm"] = "x-password-1" };
                if (token is not null)
                {
                    fields["__RequestVerificationToken"] = token;
                }

                request.Content = new FormUrlEncodedContent(fields);
            }
            else
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                if (token is not null)
                {
                    request.Headers.Add("X-CSRF-TOKEN", token);
                }
            }

            return request;
        }
    }
}
