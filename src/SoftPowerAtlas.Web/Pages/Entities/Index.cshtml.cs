using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Web.Pages.Entities;

/// <summary>Entities, most engaged first, filtered by kind and by a name or alias fragment.</summary>
public sealed class IndexModel(AtlasReader reader) : PageModel
{
    public static readonly IReadOnlyList<string> Kinds = ["agency", "organization", "body", "person"];

    public Page<EntitySummary> Entities { get; private set; } = null!; // Set in OnGet before rendering.

    public string? Kind { get; private set; }

    public string? Query { get; private set; }

    public void OnGet(string? kind, string? q, int? offset)
    {
        Kind = Kinds.Contains(kind, StringComparer.Ordinal) ? kind : null;
        Query = q is { Length: > 0 and <= 200 } ? q : null;
        Entities = reader.ListEntities(PageOffset.Clamp(offset), 50, Kind, Query);
    }
}
