using System.Runtime.CompilerServices;
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
        Write(graph, GraphEdgeStream.Of(graph), stream);
    }

    /// <summary>Writes <paramref name="graph"/> with the edges <paramref name="edges"/> in place of its own, read once,
    /// a block at a time: the bytes are those of the document holding those edges.</summary>
    /// <param name="graph">The graph (its <see cref="GraphDocument.Edges"/> are not read).</param>
    /// <param name="edges">The edges.</param>
    /// <param name="stream">Where to write.</param>
    internal static void Write(GraphDocument graph, GraphEdgeStream edges, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(edges);
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

        // A large co-voting graph has ~170,000 edges of eleven numbers each, too many for XmlWriter's per-call cost.
        // The edges are taken a batch of blocks at a time. A block whose values are all doubles or ints (nothing to
        // escape; ids are name tokens) is formatted in parallel exactly as XmlWriter indents it and its UTF-8 goes
        // straight to the stream, between two flushes of the writer, which carries on as if it had written it itself.
        // Other blocks (text values, as in the statement graph), and any block before the graph element's start tag
        // is closed (no node yet), XmlWriter writes. Edges that come as numbers are read into the blocks directly.
        const int block = 2048;
        // Blocks in flight: enough to keep every core busy; each holds its edges and their bytes (about 1 MB).
        var batch = Math.Clamp(2 * Environment.ProcessorCount, 2, 16);
        var open = graph.Nodes.Length == 0;
        var numbers = open ? null : edges.Numbers;
        var blocks = new EdgeBlock[batch];
        var texts = new List<GraphEdge>?[batch];
        var bytes = new byte[]?[batch];
        var lengths = new int[batch];
        // UTF-8 of each node token, and of each edge key's opening tag with its indent, made once.
        var utf8Tokens = new List<byte[]>();
        var tokenAt = new Dictionary<string, int>(StringComparer.Ordinal);
        int TokenAt(string id)
        {
            if (!tokenAt.TryGetValue(id, out var i))
            {
                tokenAt[id] = i = utf8Tokens.Count;
                utf8Tokens.Add(Encoding.UTF8.GetBytes(Token(id)));
            }

            return i;
        }

        var nodeTokens = numbers?.NodeIds.Select(TokenAt).ToArray();
        var keyTags = edgeKeyIds.Select(k => Encoding.UTF8.GetBytes($"\n      <data key=\"{k}\">")).ToArray();
        var reader = numbers?.Open();
        using var items = numbers is null ? edges.Items.GetEnumerator() : null;
        var more = true;
        while (more)
        {
            var count = 0;
            for (; count < batch && more; count++)
            {
                var into = blocks[count] ??= new EdgeBlock(block, edgeKeyIds.Length);
                texts[count] = null;
                more = reader is not null ? reader.Read(into) : ReadEdges(items!, into, ref texts[count], TokenAt, keepText: open && count == 0);
                if (into.Count == 0) break;
                if (nodeTokens is null) continue;
                for (var e = 0; e < into.Count; e++) (into.Source[e], into.Target[e]) = (nodeTokens[into.Source[e]], nodeTokens[into.Target[e]]);
            }

            // Byte buffers are reused from batch to batch (fresh ones kept the collector busy).
            Parallel.For(0, count, b =>
            {
                if (texts[b] is null) lengths[b] = RawEdges(ref bytes[b], blocks[b], keyTags, utf8Tokens);
            });
            for (var b = 0; b < count; b++)
            {
                if (texts[b] is null && !open)
                {
                    xml.Flush();
                    stream.Write(bytes[b]!, 0, lengths[b]);
                    continue;
                }

                foreach (var e in texts[b] ?? [])
                {
                    xml.WriteStartElement("edge", Namespace);
                    xml.WriteAttributeString("source", tokens[e.Source]);
                    xml.WriteAttributeString("target", tokens[e.Target]);
                    Data(xml, edgeKeyIds, e.Values);
                    xml.WriteEndElement();
                }

                open = false;
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

    /// <summary>Takes up to a block of edges from <paramref name="items"/>: into <paramref name="into"/> as numbers
    /// when every value is a double or an int, else (text values), or when <paramref name="keepText"/> (the graph
    /// element's start tag is still open), into <paramref name="text"/> for XmlWriter. Returns whether edges may be left.</summary>
    private static bool ReadEdges(IEnumerator<GraphEdge> items, EdgeBlock into, ref List<GraphEdge>? text, Func<string, int> tokenAt, bool keepText)
    {
        var list = new List<GraphEdge>(into.Capacity);
        var more = true;
        while (list.Count < into.Capacity && (more = items.MoveNext())) list.Add(items.Current);
        into.Count = list.Count;
        var numeric = list.All(e => e.Values.All(v => v is null or double or int));
        for (var e = 0; e < list.Count && numeric; e++)
        {
            var edge = list[e];
            (into.Source[e], into.Target[e]) = (tokenAt(edge.Source), tokenAt(edge.Target));
            for (var k = 0; k < into.Keys; k++)
            {
                var at = e * into.Keys + k;
                (into.Values[at], into.Kinds[at]) = edge.Values[k] switch
                {
                    int i => (i, EdgeValueKind.Int),
                    double d => (d, EdgeValueKind.Double),
                    _ => (0, EdgeValueKind.None),
                };
            }
        }

        foreach (var edge in list)
        {
            tokenAt(edge.Source);
            tokenAt(edge.Target);
        }

        text = numeric && !keepText ? null : list;
        return more;
    }

    /// <summary>The edges of a block as XmlWriter would indent them inside <c>graph</c>, in UTF-8 at the start of
    /// <paramref name="buffer"/> (grown as needed); returns the length. Numbers are formatted as
    /// <see cref="GraphText.Value"/> formats them; a double equal to one of the last two formatted on the edge (weight,
    /// agreement and its bounds often are) is copied rather than formatted again.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RawEdges(ref byte[]? buffer, EdgeBlock edges, byte[][] keyTags, List<byte[]> tokens)
    {
        buffer ??= new byte[1 << 20];
        var at = 0;
        var maxTag = keyTags.Length == 0 ? 0 : keyTags.Max(t => t.Length);
        for (var e = 0; e < edges.Count; e++)
        {
            var (source, target) = (tokens[edges.Source[e]], tokens[edges.Target[e]]);
            // A bound on this edge's bytes: tags, ids, and at most 32 bytes per number.
            var need = 64 + source.Length + target.Length + keyTags.Length * (maxTag + 40);
            if (buffer.Length - at < need) Array.Resize(ref buffer, Math.Max(2 * buffer.Length, at + need));
            var span = buffer.AsSpan();
            Put(span, ref at, "\n    <edge source=\""u8);
            Put(span, ref at, source);
            Put(span, ref at, "\" target=\""u8);
            Put(span, ref at, target);
            Put(span, ref at, "\""u8);
            var empty = true;
            // The last two doubles written on this edge: their bits, and where their text is in the buffer.
            long bits0 = 0, bits1 = 0;
            int at0 = -1, len0 = 0, at1 = -1, len1 = 0;
            for (var k = 0; k < keyTags.Length; k++)
            {
                var cell = e * edges.Keys + k;
                var kind = edges.Kinds[cell];
                if (kind == EdgeValueKind.None) continue;
                if (empty) span[at++] = (byte)'>';
                empty = false;
                Put(span, ref at, keyTags[k]);
                var d = edges.Values[cell];
                int written;
                var dbits = BitConverter.DoubleToInt64Bits(d);
                if (kind == EdgeValueKind.Int)
                {
                    GraphText.TryFormatUtf8((int)d, span[at..], out written);
                }
                else if (at0 >= 0 && dbits == bits0)
                {
                    span.Slice(at0, written = len0).CopyTo(span[at..]);
                }
                else if (at1 >= 0 && dbits == bits1)
                {
                    span.Slice(at1, written = len1).CopyTo(span[at..]);
                }
                else
                {
                    GraphText.TryFormatUtf8(d, span[at..], out written);
                    (bits1, at1, len1) = (bits0, at0, len0);
                    (bits0, at0, len0) = (dbits, at, written);
                }

                at += written;
                Put(span, ref at, "</data>"u8);
            }

            Put(span, ref at, empty ? " />"u8 : "\n    </edge>"u8);
        }

        return at;
    }

    private static void Put(Span<byte> buffer, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer[at..]);
        at += bytes.Length;
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
