using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SoftPowerAtlas.Web.Pages.Account;

/// <summary>Where a signed-in user lands when their role does not allow a page: a 403 that says so.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
