using System.Collections.Immutable;
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
        // Key ids and node tokens are encoded once, not once per data element (a large chamber has ~2M of them).
        var nodeKeyIds = graph.NodeKeys.Select(k => GraphText.NmToken("n." + k.Name)).ToArray();
        var edgeKeyIds = graph.EdgeKeys.Select(k => GraphText.NmToken("e." + k.Name)).ToArray();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        string Token(string id)
        {
            if (!tokens.TryGetValue(id, out var t)) tokens[id] = t = GraphText.NmToken(id);
            return t;
        }

        foreach (var n in graph.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", Token(n.Id));
            Data(xml, nodeKeyIds, n.Values);
            xml.WriteEndElement();
        }

        foreach (var n in graph.Nodes) Token(n.Id);
        foreach (var e in graph.Edges)
        {
            Token(e.Source);
            Token(e.Target);
        }

        // A large co-voting graph has ~170,000 edges of eleven numbers each, too many for XmlWriter's per-call cost.
        // When every edge value is a double or an int (nothing to escape; ids are name tokens), blocks of edges
        // are formatted in parallel exactly as XmlWriter indents them and their UTF-8 goes straight to the stream,
        // between two flushes of the writer, which carries on as if it had written them itself. Otherwise (text
        // values, as in the statement graph) XmlWriter writes them all.
        var edges = graph.Edges;
        if (edges.Length > 0 && graph.Nodes.Length > 0 && edges.All(e => e.Values.All(v => v is null or double or int)))
        {
            xml.Flush();
            const int block = 2048;
            const int batch = 16;
            var blocks = (edges.Length + block - 1) / block;
            // Text and byte buffers are reused from batch to batch (fresh ones kept the collector busy).
            var texts = new StringBuilder[batch];
            var bytes = new byte[batch][];
            var lengths = new int[batch];
            for (var first = 0; first < blocks; first += batch)
            {
                var count = Math.Min(batch, blocks - first);
                Parallel.For(0, count, b =>
                {
                    var start = (first + b) * block;
                    var text = texts[b] ??= new StringBuilder(block * 400);
                    text.Clear();
                    RawEdges(text, edges, start, Math.Min(block, edges.Length - start), edgeKeyIds, tokens);
                    var size = 0;
                    foreach (var piece in text.GetChunks()) size += Encoding.UTF8.GetByteCount(piece.Span);
                    if (bytes[b] is null || bytes[b].Length < size) bytes[b] = new byte[size];
                    var at = 0;
                    foreach (var piece in text.GetChunks()) at += Encoding.UTF8.GetBytes(piece.Span, bytes[b].AsSpan(at));
                    lengths[b] = at;
                });
                for (var b = 0; b < count; b++) stream.Write(bytes[b], 0, lengths[b]);
            }
        }
        else
        {
            foreach (var e in edges)
            {
                xml.WriteStartElement("edge", Namespace);
                xml.WriteAttributeString("source", tokens[e.Source]);
                xml.WriteAttributeString("target", tokens[e.Target]);
                Data(xml, edgeKeyIds, e.Values);
                xml.WriteEndElement();
            }
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

    /// <summary>The edges, holding no text values, as XmlWriter would indent them inside <c>graph</c>.</summary>
    private static void RawEdges(StringBuilder sb, ImmutableArray<GraphEdge> edges, int start, int count, string[] keyIds, Dictionary<string, string> tokens)
    {
        for (var i = start; i < start + count; i++)
        {
            var e = edges[i];
            sb.Append("\n    <edge source=\"").Append(tokens[e.Source]).Append("\" target=\"").Append(tokens[e.Target]).Append('"');
            var empty = true;
            for (var k = 0; k < keyIds.Length; k++)
            {
                if (e.Values[k] is not { } v) continue;
                if (empty) sb.Append('>');
                empty = false;
                sb.Append("\n      <data key=\"").Append(keyIds[k]).Append("\">");
                GraphText.AppendNumber(sb, v).Append("</data>");
            }

            sb.Append(empty ? " />" : "\n    </edge>");
        }
    }

    private static void Data(XmlWriter xml, string[] keyIds, IReadOnlyList<object?> values)
    {
        for (var i = 0; i < keyIds.Length; i++)
        {
            if (values[i] is not { } v) continue;
            xml.WriteStartElement("data", Namespace);
            xml.WriteAttributeString("key", keyIds[i]);
            // Numbers and booleans are plain ASCII; only text needs the XML 1.0 character clean-up.
            xml.WriteString(v is string text ? GraphText.Xml(text) : GraphText.Value(v));
            xml.WriteEndElement();
        }
    }
}
