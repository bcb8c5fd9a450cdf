using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Exports;

/// <summary>A node of the partner network: a Thai agency, a foreign body or organisation, or a country.</summary>
/// <remarks>Id: the entity key, or <c>country:FR</c>. Kind: agency, body, org, country.</remarks>
public sealed record NetworkNode(string Id, string Kind, string Name, string? Country, string Side);

/// <summary>Two nodes that took part in <see cref="Engagements"/> engagements together.</summary>
public sealed record NetworkEdge(string Source, string Target, int Engagements);

/// <summary>Who engaged with whom: Thai side to foreign side, Thai side to partner country, counted per engagement.</summary>
public sealed record PartnerNetwork(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges)
{
    /// <summary>
    /// For every engagement: an edge from each Thai-side organisation to each foreign-side
    /// organisation and to each partner country (people are left out: they are not partners).
    /// An edge's weight is the number of engagements the pair shares.
    /// </summary>
    public static PartnerNetwork Build(IEnumerable<EngagementFact> engagements)
    {
        ArgumentNullException.ThrowIfNull(engagements);
        var nodes = new Dictionary<string, NetworkNode>(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), HashSet<long>>();
        foreach (var e in engagements)
        {
            var thai = e.Parties.Where(p => p.Side == "thai").ToList();
            var partners = e.Parties.Where(p => p.Side == "foreign")
                .Select(p => new NetworkNode(p.Key, p.Kind, p.Name, p.Country, "foreign"))
                .Concat(e.Countries.Select(CountryNode))
                .DistinctBy(n => n.Id)
                .ToList();
            foreach (var t in thai)
            {
                nodes.TryAdd(t.Key, new NetworkNode(t.Key, t.Kind, t.Name, t.Country, "thai"));
                foreach (var p in partners)
                {
                    nodes.TryAdd(p.Id, p);
                    if (!edges.TryGetValue((t.Key, p.Id), out var shared))
                    {
                        edges[(t.Key, p.Id)] = shared = [];
                    }

                    shared.Add(e.Cluster); // several reports of one engagement count once
                }
            }
        }

        return new PartnerNetwork(
            [.. nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal)],
            [.. edges.Select(kv => new NetworkEdge(kv.Key.Item1, kv.Key.Item2, kv.Value.Count)).OrderBy(x => x.Source, StringComparer.Ordinal).ThenBy(x => x.Target, StringComparer.Ordinal)]);
    }

    private static NetworkNode CountryNode(string code) =>
        new("country:" + code, "country", ReferenceData.Default.CountriesByCode.TryGetValue(code, out var c) ? c.NameEn : code, code, "foreign");
}
