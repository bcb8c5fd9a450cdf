using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Web.Dashboard;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Pages;

/// <summary>A labelled series for a chart: keys for links, labels in the page's language, counts.</summary>
public sealed record ChartSeries(string Id, string Title, IReadOnlyList<string> Keys, IReadOnlyList<string> Labels, IReadOnlyList<long> Counts);

/// <summary>The dashboard: totals, charts by country, sector, type and year, and the map of partner countries.</summary>
public sealed class IndexModel(OverviewCache overview, UiText text) : PageModel
{
    public AtlasOverview Overview { get; private set; } = null!; // Set in OnGet before rendering.

    public IReadOnlyList<ChartSeries> Charts { get; private set; } = [];

    public void OnGet()
    {
        Overview = overview.Get();
        Charts =
        [
            Series("chart-countries", text["dash.by-country"], Overview.ByCountry.Take(20), text.Country),
            Series("chart-sectors", text["dash.by-sector"], Overview.BySector, text.Sector),
            Series("chart-types", text["dash.by-type"], Overview.ByType, text.EngagementType),
            Series("chart-years", text["dash.by-year"], Overview.ByYear, y => y),
        ];
    }

    private static ChartSeries Series(string id, string title, IEnumerable<CountRow> rows, Func<string, string> label)
    {
        var list = rows.ToList();
        return new ChartSeries(id, title, [.. list.Select(r => r.Key)], [.. list.Select(r => label(r.Key))], [.. list.Select(r => r.Count)]);
    }
}
