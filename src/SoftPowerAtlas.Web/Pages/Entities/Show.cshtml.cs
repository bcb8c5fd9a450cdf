using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Web.Pages.Entities;

/// <summary>An agency, organisation, foreign body or person: aliases, engagements over time, partners, sectors, commitments, documents.</summary>
public sealed class ShowModel(AtlasReader reader) : PageModel
{
    public EntityDetail Entity { get; private set; } = null!; // Set in OnGet before rendering.

    public Page<EngagementRow> Engagements { get; private set; } = null!;

    public IReadOnlyList<(EngagementParty Party, long Count)> Partners { get; private set; } = [];

    public IReadOnlyList<CountRow> Countries { get; private set; } = [];

    public IReadOnlyList<CountRow> Sectors { get; private set; } = [];

    public IReadOnlyList<CommitmentRow> Commitments { get; private set; } = [];

    public Page<DocumentSummary> Documents { get; private set; } = null!;

    /// <summary>Engagements per year, oldest first.</summary>
    public IReadOnlyList<CountRow> Years { get; private set; } = [];

    public IActionResult OnGet(long id, int? offset)
    {
        var entity = reader.GetEntity(id);
        if (entity is null)
        {
            return NotFound();
        }

        Entity = entity;
        var filter = new EngagementFilter { EntityId = id };
        Engagements = reader.ListEngagements(filter, 0, 200);
        Years = [.. Engagements.Items.Where(e => e.Date is { Length: >= 4 }).GroupBy(e => e.Date![..4], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CountRow(g.Key, g.Count()))];
        Partners = reader.Partners(id);
        Countries = reader.EntityCounts(id, sectors: false);
        Sectors = reader.EntityCounts(id, sectors: true);
        Commitments = reader.ListCommitments(0, 100, entityId: id).Items;
        Documents = reader.EntityDocuments(id, PageOffset.Clamp(offset), 25);
        return Page();
    }
}
