using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Web.Apis;
using SoftPowerAtlas.Web.Dashboard;
using SoftPowerAtlas.Web.Localization;
using SoftPowerAtlas.Web.Network;

namespace SoftPowerAtlas.Web.Pages;

/// <summary>
/// Thai agencies and partner countries as a graph weighted by shared engagements, filtered on the server by
/// partner country, sector and years (kept in the address, so a view can be shared); a filter value that is
/// not valid is ignored and said so. A year from 2400 is read as Buddhist Era.
/// </summary>
public sealed class NetworkModel(AtlasReader reader, OverviewCache overview, UiText text) : PageModel
{
    public EngagementFilter Filter { get; private set; } = EngagementFilter.Any;

    public IReadOnlyCollection<string> Ignored { get; private set; } = [];

    public NetworkView View { get; private set; } = null!; // Set in OnGet before rendering.

    /// <summary>Partner countries with engagements, by name in the page's language, for the country filter.</summary>
    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];

    public void OnGet(string? country, string? sector, int? yearFrom, int? yearTo)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = FactsApi.Filter(country, sector, null, Gregorian(yearFrom), Gregorian(yearTo), errors);
        Filter = filter with
        {
            Country = errors.ContainsKey("country") ? null : filter.Country,
            Sector = errors.ContainsKey("sector") ? null : filter.Sector,
            YearFrom = errors.ContainsKey("yearFrom") ? null : filter.YearFrom,
            YearTo = errors.ContainsKey("yearTo") ? null : filter.YearTo,
        };
        Ignored = errors.Keys;
        View = NetworkView.From(reader.Network(Filter), text);

        var names = StringComparer.Create(CultureInfo.GetCultureInfo(text.IsThai ? "th-TH" : "en-GB"), CompareOptions.None);
        Countries = [.. overview.Get().ByCountry.Select(c => c.Key).Append(Filter.Country).OfType<string>()
            .Where(c => c != "TH").Distinct(StringComparer.Ordinal)
            .Select(c => (Code: c, Name: text.Country(c))).OrderBy(c => c.Name, names)];
    }

    /// <summary>The graph as network.js reads it.</summary>
    public object GraphData => new { nodes = View.Nodes, edges = View.Edges };

    internal static int? Gregorian(int? year) => year >= 2400 ? year - 543 : year;
}
