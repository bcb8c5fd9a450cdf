using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Web.Pages.Entities;

/// <summary>An agency, organisation, foreign body or person: aliases, engagements over time, partners, sectors, commitments, documents.</summary>
public sealed class ShowModel(SqliteAtlasReader reader) : PageModel
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

    /// <summary>The newest engagements shown; the rest are on the timeline filtered by this entity.</summary>
    public const int ShownEngagements = 50;

    public IActionResult OnGet(long id, int? offset)
    {
        var entity = reader.GetEntity(id);
        if (entity is null)
        {
            return NotFound();
        }

        Entity = entity;
        var filter = new EngagementFilter { EntityId = id };
        Engagements = reader.ListEngagements(filter, 0, ShownEngagements);
        Years = reader.EntityYears(id);
        Partners = reader.Partners(id);
        Countries = reader.EntityCounts(id, sectors: false);
        Sectors = reader.EntityCounts(id, sectors: true);
        Commitments = reader.ListCommitments(0, 50, entityId: id).Items;
        Documents = reader.EntityDocuments(id, PageOffset.Clamp(offset), 25);
        return Page();
    }
}
