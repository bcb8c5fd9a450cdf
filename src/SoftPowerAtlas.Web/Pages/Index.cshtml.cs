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

    /// <summary>Partner countries (engagements with each, Thailand left out) and their colour steps.</summary>
    public MapLegend WorldLegend { get; private set; } = null!; // Set in OnGet before rendering.

    /// <summary>Thai provinces (documents naming each) and their colour steps.</summary>
    public MapLegend ProvinceLegend { get; private set; } = null!; // Set in OnGet before rendering.

    /// <summary>The two maps' data blocks: each place's name in the page's language, its count, and the steps.</summary>
    public object WorldMap { get; private set; } = new();

    public object ProvinceMap { get; private set; } = new();

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

        var partners = Overview.ByCountry.Where(c => c.Key != "TH").ToList();
        WorldLegend = new MapLegend("world-legend", text["map.legend-countries"], ColourScale.Steps(partners.Select(c => c.Count), ColourScale.Blues), text["map.none"], text.Country("TH"));
        WorldMap = new
        {
            places = partners.Select(c => new { code = c.Key, name = text.Country(c.Key), count = c.Count }),
            steps = WorldLegend.Steps,
        };
        ProvinceLegend = new MapLegend("province-legend", text["map.legend-provinces"], ColourScale.Steps(Overview.Provinces.Select(p => p.Count), ColourScale.Purples), text["map.none"]);
        ProvinceMap = new
        {
            places = Overview.Provinces.Select(p => new { code = p.Key, name = text.Province(p.Key), count = p.Count }),
            names = UiText.Provinces.Keys.ToDictionary(code => code, text.Province, StringComparer.Ordinal),
            steps = ProvinceLegend.Steps,
        };
    }

    private static ChartSeries Series(string id, string title, IEnumerable<CountRow> rows, Func<string, string> label)
    {
        var list = rows.ToList();
        return new ChartSeries(id, title, [.. list.Select(r => r.Key)], [.. list.Select(r => label(r.Key))], [.. list.Select(r => r.Count)]);
    }
}
