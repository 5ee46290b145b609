using System.Text;
using System.Xml;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>Writes a <see cref="GraphDocument"/> as GraphML 1.0 (graphdrawing.org), undirected, UTF-8. Every attribute
/// is declared with a typed <c>&lt;key&gt;</c> (key ids <c>n.NAME</c> for nodes and <c>e.NAME</c> for edges, so a node
/// and an edge attribute may share a name); a value a node or edge does not have is left out, never written as a
/// placeholder. Node ids are the input ids, encoded as XML name tokens where they are not already
/// (<c>_xHHHH_</c> for each other character). Text is escaped by <see cref="XmlWriter"/>; characters XML 1.0 cannot
/// carry at all (control characters) become U+FFFD.</summary>
public static class GraphMLWriter
{
    /// <summary>The GraphML namespace.</summary>
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    /// <summary>Writes <paramref name="graph"/> to <paramref name="stream"/> (left open).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">Where to write.</param>
    public static void Write(GraphDocument graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        xml.WriteElementString("desc", Namespace, GraphText.Xml(graph.Description));
        foreach (var k in graph.NodeKeys) Key(xml, "node", "n.", k);
        foreach (var k in graph.EdgeKeys) Key(xml, "edge", "e.", k);
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", GraphText.NmToken(graph.Kind));
        xml.WriteAttributeString("edgedefault", "undirected");
        foreach (var n in graph.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", GraphText.NmToken(n.Id));
            Data(xml, "n.", graph.NodeKeys, n.Values);
            xml.WriteEndElement();
        }

        foreach (var e in graph.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("source", GraphText.NmToken(e.Source));
            xml.WriteAttributeString("target", GraphText.NmToken(e.Target));
            Data(xml, "e.", graph.EdgeKeys, e.Values);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The GraphML <c>attr.type</c> of a value type.</summary>
    /// <param name="type">The type.</param>
    public static string TypeName(GraphValueType type) => type switch
    {
        GraphValueType.Boolean => "boolean",
        GraphValueType.Int => "int",
        GraphValueType.Double => "double",
        _ => "string",
    };

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    private static void Key(XmlWriter xml, string domain, string prefix, GraphKey key)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", GraphText.NmToken(prefix + key.Name));
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", GraphText.NmToken(key.Name));
        xml.WriteAttributeString("attr.type", TypeName(key.Type));
        xml.WriteElementString("desc", Namespace, GraphText.Xml(key.Description));
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string prefix, IReadOnlyList<GraphKey> keys, IReadOnlyList<object?> values)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (values[i] is not { } v) continue;
            xml.WriteStartElement("data", Namespace);
            xml.WriteAttributeString("key", GraphText.NmToken(prefix + keys[i].Name));
            xml.WriteString(GraphText.Xml(GraphText.Value(v)));
            xml.WriteEndElement();
        }
    }
}
