using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Pages.Account;

/// <summary>
/// Sign-out: a form (GET) and the POST that ends the session on the server (a kept copy of the cookie
/// no longer works) and deletes the cookie; a GET alone changes nothing, so a link cannot sign anyone out.
/// </summary>
public sealed class LogoutModel(SessionStore sessions) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet(bool done) => SignedOut = done;

    public async Task<IActionResult> OnPostAsync()
    {
        if ((await HttpContext.AuthenticateAsync(AtlasAuth.Cookie)).Principal?.FindFirst(AtlasAuth.SessionClaim)?.Value is { } session)
        {
            sessions.End(session);
        }

        await HttpContext.SignOutAsync(AtlasAuth.Cookie);
        return LocalRedirect("/logout?done=true");
    }
}
