using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Pages.Account;

/// <summary>Sign-out: a form (GET) and the POST that ends the session; a GET alone changes nothing, so a link cannot sign anyone out.</summary>
public sealed class LogoutModel : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet(bool done) => SignedOut = done;

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AtlasAuth.Cookie);
        return LocalRedirect("/logout?done=true");
    }
}
