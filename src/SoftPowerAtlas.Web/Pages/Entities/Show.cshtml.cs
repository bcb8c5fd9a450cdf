using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Web.Pages.Entities;

/// <summary>An agency, organisation, foreign body or person: aliases, engagements over time, partners, sectors, commitments, documents.</summary>
/// <remarks>The aggregates (years, partners, countries, sectors, the newest engagements and commitments) are
/// kept per entity until the store changes: for an agency in tens of thousands of engagements they are
/// the page's whole cost.</remarks>
public sealed class ShowModel(AtlasReader reader, CommitmentTracker tracker, IMemoryCache cache) : PageModel
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
        var summary = cache.GetOrCreate(("entity-page", id, reader.DataStamp()), e =>
        {
            e.Size = 1;
            e.SlidingExpiration = TimeSpan.FromMinutes(10);
            return new Summary(
                reader.ListEngagements(new EngagementFilter { EntityId = id }, 0, ShownEngagements),
                reader.EntityYears(id),
                reader.Partners(id),
                reader.EntityCounts(id, sectors: false),
                reader.EntityCounts(id, sectors: true),
                reader.ListCommitments(0, 50, entityId: id).Items);
        })!; // The factory never returns null.
        (Engagements, Years, Partners, Countries, Sectors, Commitments) = summary;
        Commitments = tracker.Track(Commitments); // states change with the day and with curation: judged on every request, not cached
        Documents = reader.EntityDocuments(id, PageOffset.Clamp(offset), 25);
        return Page();
    }

    private sealed record Summary(
        Page<EngagementRow> Engagements,
        IReadOnlyList<CountRow> Years,
        IReadOnlyList<(EngagementParty Party, long Count)> Partners,
        IReadOnlyList<CountRow> Countries,
        IReadOnlyList<CountRow> Sectors,
        IReadOnlyList<CommitmentRow> Commitments);
}
