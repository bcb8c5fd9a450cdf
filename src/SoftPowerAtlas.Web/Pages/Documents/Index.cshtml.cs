using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Web.Pages.Documents;

/// <summary>Every stored document, in ingest order, a page at a time.</summary>
public sealed class IndexModel(AtlasReader reader) : PageModel
{
    public const int PageSize = 25;

    public Page<DocumentSummary> Documents { get; private set; } = null!; // Set in OnGet before rendering.

    /// <summary>The document just taken out (<c>?deleted=ID</c>, where the delete form returns), to say so.</summary>
    public long? Deleted { get; private set; }

    public void OnGet(int? offset, long? deleted)
    {
        Documents = reader.ListDocuments(PageOffset.Clamp(offset), PageSize);
        Deleted = deleted;
    }
}
