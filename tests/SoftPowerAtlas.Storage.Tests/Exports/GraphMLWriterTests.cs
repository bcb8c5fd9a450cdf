using System.Xml.Linq;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tests.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Exports;

public abstract class GraphMLWriterTests<TFixture>(IngestedCorpus<TFixture> corpus) : IClassFixture<IngestedCorpus<TFixture>>
    where TFixture : StoreFixture, new()
{
    private static readonly XNamespace G = GraphMLWriter.Namespace;

    [Fact]
    public void Write_Corpus_ValidXmlWithEveryKeyDeclaredAndEdgesToKnownNodes()
    {
        var xml = new AtlasExporter(corpus.Reader, corpus.Clock).Export(ExportKind.Network, ExportFormat.GraphML);

        var doc = XDocument.Parse(xml);
        var keys = doc.Root!.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("for")!);
        var nodes = doc.Descendants(G + "node").ToDictionary(n => (string)n.Attribute("id")!);
        var edges = doc.Descendants(G + "edge").ToList();
        Assert.Equal("undirected", (string?)doc.Root.Element(G + "graph")?.Attribute("edgedefault"));
        Assert.All(nodes.Values.SelectMany(n => n.Elements(G + "data")), d => Assert.Equal("node", keys[(string)d.Attribute("key")!]));
        Assert.All(edges.SelectMany(e => e.Elements(G + "data")), d => Assert.Equal("edge", keys[(string)d.Attribute("key")!]));
        Assert.All(edges, e => Assert.True(nodes.ContainsKey((string)e.Attribute("source")!) && nodes.ContainsKey((string)e.Attribute("target")!)));

        // Thai text as characters, not entities; countries as nodes.
        Assert.Contains("<data key=\"name\">กรมการพัฒนาชุมชน</data>", xml, StringComparison.Ordinal);
        Assert.Equal("France", nodes["country:FR"].Elements(G + "data").Single(d => (string)d.Attribute("key")! == "name").Value);
    }

    [Fact]
    public void Build_Weights_CountSharedEngagements()
    {
        var engagements = corpus.Reader.Engagements(FactFilter.All);
        var network = PartnerNetwork.Build(engagements);

        var edge = network.Edges.Single(e => e.Source == "agency:cdd" && e.Target == "country:JP");
        var expected = engagements.Count(e => e.Countries.Contains("JP") && e.Parties.Any(p => p.Key == "agency:cdd" && p.Side == "thai"));
        Assert.Equal(expected, edge.Engagements);
        Assert.True(expected >= 1);
        Assert.DoesNotContain(network.Nodes, n => n.Kind == "person");
    }

    [Fact]
    public void Write_NameWithControlCharacterAndMarkup_StillValidXml()
    {
        var network = new PartnerNetwork(
            [new NetworkNode("org:x", "org", "A <b>&</b> \u0001 \"co\"", null, "foreign"), new NetworkNode("agency:y", "agency", "กรม", "TH", "thai")],
            [new NetworkEdge("agency:y", "org:x", 3)]);

        var doc = XDocument.Parse(GraphMLWriter.Write(network));

        Assert.Equal("A <b>&</b>   \"co\"", doc.Descendants(G + "data").First(d => (string)d.Attribute("key")! == "name").Value);
        Assert.Equal("3", doc.Descendants(G + "edge").Single().Elements(G + "data").Single().Value);
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteGraphMLWriterTests(IngestedCorpus<SqliteStoreFixture> corpus) : GraphMLWriterTests<SqliteStoreFixture>(corpus);

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresGraphMLWriterTests(IngestedCorpus<PostgresStoreFixture> corpus) : GraphMLWriterTests<PostgresStoreFixture>(corpus);
