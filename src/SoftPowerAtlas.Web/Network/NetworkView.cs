using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Network;

/// <summary>A node as the network page draws it: its name in the reader's language and the page a click opens.</summary>
public sealed record NetworkViewNode(string Id, string Label, string Kind, long Weight, string Href);

/// <summary>An edge as the page draws it: its width stands for <see cref="Weight"/> shared engagements.</summary>
public sealed record NetworkViewEdge(string Source, string Target, long Weight);

/// <summary>
/// The partner network in the reader's language, with the ranges its legend states (smallest and largest
/// node and edge weights), so the legend's numbers are those of the graph drawn.
/// </summary>
public sealed record NetworkView(IReadOnlyList<NetworkViewNode> Nodes, IReadOnlyList<NetworkViewEdge> Edges)
{
    public long MinNodeWeight => Nodes.Count == 0 ? 0 : Nodes.Min(n => n.Weight);

    public long MaxNodeWeight => Nodes.Count == 0 ? 0 : Nodes.Max(n => n.Weight);

    public long MinEdgeWeight => Edges.Count == 0 ? 0 : Edges.Min(e => e.Weight);

    public long MaxEdgeWeight => Edges.Count == 0 ? 0 : Edges.Max(e => e.Weight);

    /// <summary>Names countries in <paramref name="text"/>'s language; agencies keep their stored name.</summary>
    public static NetworkView From(NetworkGraph graph, UiText text)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(text);
        var nodes = graph.Nodes.Select(n => n.Kind == "country" && n.Country is { } code
                ? new NetworkViewNode(n.Id, text.Country(code), n.Kind, n.Weight, "/countries/" + code)
                : new NetworkViewNode(n.Id, n.Label, n.Kind, n.Weight, "/entities/" + n.EntityId))
            .ToList();
        return new NetworkView(nodes, [.. graph.Edges.Select(e => new NetworkViewEdge(e.Source, e.Target, e.Weight))]);
    }

    public NetworkViewNode Node(string id) => Nodes.First(n => n.Id == id);
}
