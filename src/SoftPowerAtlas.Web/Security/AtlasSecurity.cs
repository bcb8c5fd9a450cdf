using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Web.Security;

/// <summary>
/// Sign-in for the web host: users from the atlas database, cookie sessions for pages, API keys for
/// scripts, the single-user mode of <see cref="AccessMode"/>, antiforgery on forms and on the API,
/// a login throttle, and which pages need which policy.
/// </summary>
public static class AtlasSecurity
{
    /// <summary>The session cookie's name.</summary>
    public const string SessionCookie = "atlas-session";

    /// <summary>The antiforgery cookie's name.</summary>
    public const string AntiforgeryCookie = "atlas-csrf";

    public static void AddAtlasSecurity(this IServiceCollection services)
    {
        services.TryAddSingleton(new PasswordHasher());
        services.AddSingleton(sp => UserStore.For(sp.GetRequiredService<IAtlasStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<PasswordHasher>()));
        services.AddSingleton(sp => SessionStore.For(sp.GetRequiredService<IAtlasStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AccessMode>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<TrustedProxies>();
        services.AddHostedService<AccessCheck>();

        services.AddAuthentication(AtlasAuth.Scheme)
            .AddPolicyScheme(AtlasAuth.Scheme, "Session, API key or local admin", o => o.ForwardDefaultSelector = context =>
                AtlasAuth.RequestKey(context.Request) is { Length: > 0 } ? AtlasAuth.ApiKey
                : context.RequestServices.GetRequiredService<AccessMode>().IsOpen(context) ? AtlasAuth.Local
                : AtlasAuth.Cookie)
            .AddCookie(AtlasAuth.Cookie, o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;

                // Lax: a link from mail or chat opens the page signed in; unsafe requests also need the antiforgery token.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.Events = AtlasAuth.CookieEvents();
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(AtlasAuth.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, LocalAdminHandler>(AtlasAuth.Local, null);

        services.AddAntiforgery(o =>
        {
            o.HeaderName = ApiCsrf.HeaderName;
            o.Cookie.Name = AntiforgeryCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every response.
        });

        // PostConfigure: RazorPagesOptionsSetup replaces the convention collection when it runs.
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/", AtlasPolicies.Viewer);
            o.Conventions.AuthorizePage("/Ingest", AtlasPolicies.Admin);
            o.Conventions.AuthorizeFolder("/Admin", AtlasPolicies.Admin);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Logout");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
        });
    }

    /// <summary>The open laptop host's address check, authentication, the policies, and the API's antiforgery check, in that order.</summary>
    public static void UseAtlasSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(LocalHostGuard.Check);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(ApiCsrf.Check);
    }
}

/// <summary>Refuses to start a host that would be open to the network: a non-loopback address and no users.</summary>
public sealed class AtlasAccessException(string message) : Exception(message);

/// <summary>Runs before the server listens (hosted services start first): checks the sign-in setting and that an open host stays on this machine.</summary>
internal sealed class AccessCheck(AccessMode mode, TrustedProxies proxies, UserStore users, ILogger<AccessCheck> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if ((mode.SettingError ?? proxies.SettingError) is { } error)
        {
            throw new AtlasAccessException(error);
        }

        if (!users.HasUsers())
        {
            if (!mode.OnlyLoopback)
            {
                throw new AtlasAccessException(
                    $"refusing to serve {string.Join(", ", mode.ListenAddresses.Where(a => !AccessMode.IsLoopbackAddress(a)))} without sign-in: the database has no users. "
                    + "Add an admin first with 'atlas user add NAME --role admin' (same --db), or serve on 127.0.0.1 only.");
            }

            if (mode.AlwaysSignIn)
            {
                log.LogWarning("Sign-in is required but the database has no users: add one with 'atlas user add NAME --role admin'.");
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
