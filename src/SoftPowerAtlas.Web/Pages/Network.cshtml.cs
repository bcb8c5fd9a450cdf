using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Web.Apis;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Pages;

/// <summary>Thai agencies and partner countries as a graph weighted by shared engagements, filtered by sector and years.</summary>
public sealed class NetworkModel(AtlasReader reader, UiText text) : PageModel
{
    public EngagementFilter Filter { get; private set; } = EngagementFilter.Any;

    public NetworkGraph Graph { get; private set; } = null!; // Set in OnGet before rendering.

    /// <summary>The graph with node labels in the page's language and the page each node opens.</summary>
    public object GraphData { get; private set; } = new();

    public void OnGet(string? sector, int? yearFrom, int? yearTo)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = FactsApi.Filter(null, sector, null, yearFrom, yearTo, errors);
        Filter = errors.Count == 0 ? filter : EngagementFilter.Any;
        Graph = reader.Network(Filter);
        GraphData = new
        {
            nodes = Graph.Nodes.Select(n => new
            {
                id = n.Id,
                label = n.Kind == "country" ? text.Country(n.Country!) : n.Label, // Country nodes always carry their code.
                kind = n.Kind,
                weight = n.Weight,
                href = n.Kind == "country" ? $"/countries/{n.Country}" : $"/entities/{n.EntityId}",
            }),
            edges = Graph.Edges.Select(e => new { source = e.Source, target = e.Target, weight = e.Weight }),
        };
    }

    public string Label(string nodeId) =>
        Graph.Nodes.First(n => n.Id == nodeId) is var n && n.Kind == "country" ? text.Country(n.Country!) : n.Label;

    public string Href(string nodeId) =>
        Graph.Nodes.First(n => n.Id == nodeId) is var n && n.Kind == "country" ? $"/countries/{n.Country}" : $"/entities/{n.EntityId}";
}
