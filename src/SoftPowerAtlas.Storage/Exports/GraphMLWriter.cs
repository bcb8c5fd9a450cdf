using System.Globalization;
using System.Text;
using System.Xml;

namespace SoftPowerAtlas.Storage.Exports;

/// <summary>
/// GraphML (graphml.graphdrawing.org) of a <see cref="PartnerNetwork"/>, for Gephi, yEd or
/// Cytoscape: an undirected graph whose nodes carry kind, name, country and side, and whose edges
/// carry the number of engagements as <c>weight</c>. Every key used is declared.
/// </summary>
public static class GraphMLWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static string Write(PartnerNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("graphml", Namespace);
            Key(w, "kind", "node", "kind", "string");
            Key(w, "name", "node", "name", "string");
            Key(w, "country", "node", "country", "string");
            Key(w, "side", "node", "side", "string");
            Key(w, "weight", "edge", "weight", "int");
            w.WriteStartElement("graph", Namespace);
            w.WriteAttributeString("id", "partners");
            w.WriteAttributeString("edgedefault", "undirected");
            foreach (var n in network.Nodes)
            {
                w.WriteStartElement("node", Namespace);
                w.WriteAttributeString("id", Clean(n.Id));
                Data(w, "kind", n.Kind);
                Data(w, "name", n.Name);
                if (n.Country is not null)
                {
                    Data(w, "country", n.Country);
                }

                Data(w, "side", n.Side);
                w.WriteEndElement();
            }

            var i = 0;
            foreach (var e in network.Edges)
            {
                w.WriteStartElement("edge", Namespace);
                w.WriteAttributeString("id", string.Create(CultureInfo.InvariantCulture, $"e{i++}"));
                w.WriteAttributeString("source", Clean(e.Source));
                w.WriteAttributeString("target", Clean(e.Target));
                Data(w, "weight", e.Engagements.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Key(XmlWriter w, string id, string target, string name, string type)
    {
        w.WriteStartElement("key", Namespace);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("for", target);
        w.WriteAttributeString("attr.name", name);
        w.WriteAttributeString("attr.type", type);
        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string key, string value)
    {
        w.WriteStartElement("data", Namespace);
        w.WriteAttributeString("key", key);
        w.WriteString(Clean(value));
        w.WriteEndElement();
    }

    /// <summary>XML 1.0 cannot hold most control characters or a lone surrogate; a name from a web page might.</summary>
    private static string Clean(string s) =>
        s.All(XmlConvert.IsXmlChar) ? s : string.Concat(s.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : ' '));
}
