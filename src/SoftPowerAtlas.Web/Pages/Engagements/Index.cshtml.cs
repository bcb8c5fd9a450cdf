using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Web.Apis;
using SoftPowerAtlas.Web.Timeline;

namespace SoftPowerAtlas.Web.Pages.Engagements;

/// <summary>Engagements, newest first, filtered by country, sector, type and years; a filter value that is not valid is ignored and said so.</summary>
public sealed class IndexModel(AtlasReader reader) : PageModel
{
    public EngagementFilter Filter { get; private set; } = EngagementFilter.Any;

    public IReadOnlyCollection<string> Ignored { get; private set; } = [];

    public Page<EngagementRow> Engagements { get; private set; } = null!; // Set in OnGet before rendering.

    /// <summary>The page's filter as the export takes it (years become a period).</summary>
    public string ExportQuery => new FactQuery(
        Filter.Country is null ? null : [Filter.Country],
        Filter.Sector is null ? null : [Filter.Sector],
        null,
        Filter.Type is null ? null : [Filter.Type],
        Filter.YearFrom?.ToString(CultureInfo.InvariantCulture),
        Filter.YearTo?.ToString(CultureInfo.InvariantCulture)).ToQueryString();

    public void OnGet(string? country, string? sector, string? type, int? yearFrom, int? yearTo, int? offset)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = FactsApi.Filter(country, sector, type, yearFrom, yearTo, errors);
        Filter = filter with
        {
            Country = errors.ContainsKey("country") ? null : filter.Country,
            Sector = errors.ContainsKey("sector") ? null : filter.Sector,
            Type = errors.ContainsKey("type") ? null : filter.Type,
            YearFrom = errors.ContainsKey("yearFrom") ? null : filter.YearFrom,
            YearTo = errors.ContainsKey("yearTo") ? null : filter.YearTo,
        };
        Ignored = errors.Keys;
        Engagements = reader.ListEngagements(Filter, PageOffset.Clamp(offset), 25);
    }
}
