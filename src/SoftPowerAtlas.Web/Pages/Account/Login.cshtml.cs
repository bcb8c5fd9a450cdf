using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Pages.Account;

/// <summary>Sign-in with name and password: a session cookie on success, a throttle (429) on repeated failures.</summary>
public sealed class LoginModel(UserStore users, SessionStore sessions, AccessMode access, LoginThrottle throttle, TrustedProxies proxies) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A label key saying why the sign-in failed, or null.</summary>
    public string? ErrorKey { get; private set; }

    public int RetryMinutes { get; private set; }

    /// <summary>True in single-user mode: nobody needs to sign in.</summary>
    public bool IsOpen { get; private set; }

    public IActionResult OnGet()
    {
        IsOpen = access.IsOpen(HttpContext);
        return !IsOpen && User.Identity?.AuthenticationType == AtlasAuth.Cookie ? LocalRedirect(SafeReturnUrl) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        IsOpen = access.IsOpen(HttpContext);
        var name = (UserName ?? string.Empty).Trim();
        var client = proxies.ClientOf(HttpContext);
        if (throttle.RetryAfter(client, name) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            RetryMinutes = Math.Max(1, (seconds + 59) / 60);
            ErrorKey = "auth.throttled";
            return Page();
        }

        var user = name.Length == 0 || string.IsNullOrEmpty(Password) ? null : users.CheckPassword(name, Password);
        if (user is null)
        {
            throttle.Failed(client, name);
            ErrorKey = "auth.failed";
            return Page();
        }

        throttle.Succeeded(client, name);
        var session = sessions.Begin(user.Id);
        await HttpContext.SignInAsync(AtlasAuth.Cookie, AtlasAuth.Principal(user, AtlasAuth.Cookie, session));
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>Only a path on this site: never an absolute address (an open redirect) or a protocol-relative one.</summary>
    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && !url.StartsWith("/login", StringComparison.OrdinalIgnoreCase) ? url : "/";
}
