using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Web.Errors;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Pages;

/// <summary>
/// The error page of every non-API address (<see cref="ErrorPages"/> re-executes it): answers with the
/// status it names (an error status; anything else reads as 404) and says what happened and where to go.
/// Open to anyone and to any method, so a refused or failed POST still gets a page.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(UiText text) : PageModel
{
    public ErrorPanel Panel { get; private set; } = null!; // Set when the page is selected, before rendering.

    /// <summary>Runs for every method (the page has no handler of its own), so a failed POST or PUT gets the page too.</summary>
    [NonHandler]
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = int.TryParse(RouteData.Values["status"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 400 and <= 599
            ? s
            : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        var key = ErrorPanel.Key(status);
        var reference = status >= 500 ? Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier : null;
        Panel = new ErrorPanel(status, text.Format("error.title." + key, status), text["error.text." + key], reference);
    }
}
