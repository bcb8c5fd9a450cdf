using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Pages.Curation;

/// <summary>
/// POST /curation/facts/{key}: the document page's edit form (antiforgery-checked, editors only). Saves
/// the correction as a curation event by the signed-in user and returns to the document; a refused
/// edit is shown with its reason.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class FactModel(IAtlasStore store, TimeProvider clock) : PageModel
{
    public string? Error { get; private set; }

    public long DocumentId { get; private set; }

    public IActionResult OnGet(string key) => NotFound();

    public IActionResult OnPost(string key, long documentId, string? type, string? date, string? sectors, string? what, string? due)
    {
        DocumentId = documentId;
        var edit = new FactEdit
        {
            Type = Blank(type),
            Date = Blank(date),
            Sectors = Blank(sectors) is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
            What = Blank(what),
            Due = Blank(due),
        };
        var back = $"/documents/{documentId}#edit-{Uri.EscapeDataString(key)}";
        if (edit.IsEmpty)
        {
            return Redirect(back);
        }

        var actor = User.Identity?.Name is { Length: > 0 } name ? name : "local";
        var result = new Curator(store, clock).SetFact(key, edit, actor);
        if (result.Error is null)
        {
            return Redirect(back);
        }

        Error = result.Error;
        Response.StatusCode = result.Failure == CurationFailure.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
