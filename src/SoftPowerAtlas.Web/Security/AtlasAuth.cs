using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Web.Security;

/// <summary>
/// The authentication schemes: <see cref="Cookie"/> sessions for the pages, <see cref="ApiKey"/> for
/// scripts, <see cref="Local"/> for the single-user mode; <see cref="Scheme"/> picks one per request.
/// </summary>
public static class AtlasAuth
{
    /// <summary>The default scheme: an API key when the request carries one, else the local admin when the mode is open, else the cookie.</summary>
    public const string Scheme = "atlas";

    public const string Cookie = "atlas-cookie";

    public const string ApiKey = "atlas-api-key";

    public const string Local = "atlas-local";

    /// <summary>Claim holding the user's stamp; a session whose stamp no longer matches has ended.</summary>
    public const string StampClaim = "atlas:stamp";

    /// <summary>Claim holding the session's token (<see cref="SessionStore"/>); a session signed out on the server has ended.</summary>
    public const string SessionClaim = "atlas:session";

    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The principal of a stored user, with a role claim for its role and every role it includes, and the session token of a cookie.</summary>
    public static ClaimsPrincipal Principal(AtlasUser user, string scheme, string? session = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
            new(StampClaim, user.Stamp),
        };
        if (session is not null)
        {
            claims.Add(new Claim(SessionClaim, session));
        }

        claims.AddRange(AtlasPolicies.Included(user.Role.Text()).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller of the single-user mode: this machine's admin.</summary>
    public static ClaimsPrincipal LocalAdmin() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "local"), .. AtlasPolicies.Included(AtlasPolicies.Admin).Select(r => new Claim(ClaimTypes.Role, r))],
        Local));

    /// <summary>The key a request carries in <c>Authorization: Bearer</c> or <c>X-Api-Key</c>, if any.</summary>
    public static string? RequestKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Headers.TryGetValue(ApiKeyHeader, out var key) ? key.ToString().Trim() : null;
    }

    /// <summary>Requests for the API get problem bodies (401/403), not redirects to the sign-in page.</summary>
    public static bool IsApiRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Checks a session cookie against the database on every request: a session signed out (or idle
    /// past its limit), a removed user or a changed password ends it; a changed role or name applies at once.
    /// </summary>
    public static async Task ValidateSession(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var principal = context.Principal;
        var user = long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? users.Get(id)
            : null;
        var session = principal?.FindFirstValue(SessionClaim);
        if (user is null || !string.Equals(user.Stamp, principal?.FindFirstValue(StampClaim), StringComparison.Ordinal)
            || session is null || !context.HttpContext.RequestServices.GetRequiredService<SessionStore>().IsActive(session, user.Id))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Cookie);
            return;
        }

        var fresh = Principal(user, Cookie, session);
        if (!string.Equals(principal?.Identity?.Name, user.Name, StringComparison.Ordinal)
            || !principal!.IsInRole(user.Role.Text()) || principal.FindAll(ClaimTypes.Role).Count() != fresh.FindAll(ClaimTypes.Role).Count())
        {
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
    }

    /// <summary>401/403 for API requests, as problem details; the sign-in page (or the refusal page) for pages.</summary>
    public static CookieAuthenticationEvents CookieEvents() => new()
    {
        OnValidatePrincipal = ValidateSession,
        OnRedirectToLogin = context => IsApiRequest(context.Request)
            ? Problem(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign-in required", "Sign in on the web page, or send an API key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY' (atlas user key NAME).")
            : Redirect(context),
        OnRedirectToAccessDenied = context => IsApiRequest(context.Request)
            ? Problem(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed", $"'{context.HttpContext.User.Identity?.Name}' may not do this; it needs another role.")
            : Redirect(context),
    };

    public static Task Problem(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Authenticates scripts by an API key (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>) looked up by its hash.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = AtlasAuth.RequestKey(Request);
        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = users.FindByKey(key);
        return Task.FromResult(user is null
            ? AuthenticateResult.Fail("unknown or revoked API key")
            : AuthenticateResult.Success(new AuthenticationTicket(AtlasAuth.Principal(user, Scheme.Name), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return AtlasAuth.Problem(Context, StatusCodes.Status401Unauthorized, "Invalid API key", "The API key is unknown or was revoked; ask an admin for a new one (atlas user key NAME).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AtlasAuth.Problem(Context, StatusCodes.Status403Forbidden, "Not allowed", $"The key of '{Context.User.Identity?.Name}' may not do this; it needs another role.");
}

/// <summary>The single-user mode: the caller on this machine is the admin, without signing in.</summary>
public sealed class LocalAdminHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(AtlasAuth.LocalAdmin(), Scheme.Name)));
}
