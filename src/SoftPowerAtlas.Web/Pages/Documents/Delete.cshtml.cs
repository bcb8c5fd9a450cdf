using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Pages.Documents;

/// <summary>
/// POST /documents/{id}/delete: the document page's delete form (antiforgery-checked, admins only). Takes
/// the document back out as the signed-in user (an audit event) and shows the document list with what went.
/// </summary>
[Authorize(Policy = AtlasPolicies.Admin)]
public sealed class DeleteModel(IAtlasStore store, TimeProvider clock) : PageModel
{
    public IActionResult OnGet(long id) => NotFound();

    public IActionResult OnPost(long id)
    {
        var actor = User.Identity?.Name is { Length: > 0 } name ? name : "local";
        var result = new Curator(store, clock).DeleteDocument(id.ToString(System.Globalization.CultureInfo.InvariantCulture), actor);
        return result.Failure == CurationFailure.None ? Redirect($"/documents?deleted={id}") : NotFound();
    }
}
