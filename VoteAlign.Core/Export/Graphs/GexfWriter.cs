using System.Globalization;
using System.Text;
using System.Xml;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>Writes a <see cref="GraphDocument"/> as GEXF 1.2 (namespace <c>http://www.gexf.net/1.2draft</c>, the one
/// Gephi and networkx read), undirected, UTF-8. Node labels are the <c>label</c> attribute; the other node and edge
/// attributes are declared under <c>&lt;attributes&gt;</c> and given as <c>&lt;attvalue&gt;</c>s (a value a node does
/// not have is left out). Layout and bloc colour go in <c>viz:position</c> and <c>viz:color</c>.
/// With time slices the graph is dynamic: each edge carries one <c>&lt;spell&gt;</c> per window it passes the
/// thresholds in and its attribute values per window (including <c>weight</c>, which Gephi reads as the dynamic edge
/// weight); each node carries its bloc per window (<c>windowBloc</c>). Windows are dated (<c>timeformat="date"</c>)
/// when every window has dates and they follow one another without overlap; otherwise they are numbered 1, 2, …
/// (<c>timeformat="integer"</c>).</summary>
public static class GexfWriter
{
    /// <summary>The GEXF namespace written.</summary>
    public const string Namespace = "http://www.gexf.net/1.2draft";

    /// <summary>The viz namespace written.</summary>
    public const string VizNamespace = "http://www.gexf.net/1.2draft/viz";

    /// <summary>Writes <paramref name="graph"/> to <paramref name="stream"/> (left open).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">Where to write.</param>
    public static void Write(GraphDocument graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Write(graph, GraphEdgeStream.Of(graph), stream);
    }

    /// <summary>Writes <paramref name="graph"/> with the edges <paramref name="edges"/> in place of its own (read once;
    /// a dynamic graph's edges are its slices').</summary>
    /// <param name="graph">The graph (its <see cref="GraphDocument.Edges"/> are not read).</param>
    /// <param name="edges">The edges.</param>
    /// <param name="stream">Where to write.</param>
    internal static void Write(GraphDocument graph, GraphEdgeStream edges, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(stream);
        var dynamic = !graph.Slices.IsDefaultOrEmpty;
        var dated = dynamic && graph.Slices.All(s => s.From is not null && s.To is not null)
            && graph.Slices.Zip(graph.Slices.Skip(1)).All(p => p.First.To < p.Second.From);
        string Start(int i) => dated ? D(graph.Slices[i].From!.Value) : (i + 1).ToString(CultureInfo.InvariantCulture);
        string End(int i) => dated ? D(graph.Slices[i].To!.Value) : (i + 1).ToString(CultureInfo.InvariantCulture);

        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("xmlns", "viz", null, VizNamespace);
        xml.WriteAttributeString("version", "1.2");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteElementString("creator", Namespace, "VoteAlign");
        xml.WriteElementString("description", Namespace, GraphText.Xml(graph.Description));
        xml.WriteEndElement();
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("defaultedgetype", "undirected");
        xml.WriteAttributeString("mode", dynamic ? "dynamic" : "static");
        if (dynamic)
        {
            xml.WriteAttributeString("timeformat", dated ? "date" : "integer");
            xml.WriteAttributeString("start", Start(0));
            xml.WriteAttributeString("end", End(graph.Slices.Length - 1));
        }

        var nodeKeys = graph.NodeKeys.Select((k, i) => (k, i)).Where(p => p.k.Name != "label").ToList();
        Attributes(xml, "node", "static", nodeKeys.Select(p => p.k));
        if (dynamic) Attributes(xml, "node", "dynamic", [new GraphKey("windowBloc", GraphValueType.Int, "")]);
        var edgeKeys = graph.EdgeKeys.Select((k, i) => (k, i)).Where(p => dynamic || p.k.Name != "weight").ToList();
        Attributes(xml, "edge", dynamic ? "dynamic" : "static", edgeKeys.Select(p => p.k));

        xml.WriteStartElement("nodes", Namespace);
        xml.WriteAttributeString("count", graph.Nodes.Length.ToString(CultureInfo.InvariantCulture));
        foreach (var n in graph.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", GraphText.Xml(n.Id));
            xml.WriteAttributeString("label", GraphText.Xml(n.Label));
            xml.WriteStartElement("attvalues", Namespace);
            foreach (var (k, i) in nodeKeys)
                if (n.Values[i] is { } v) AttValue(xml, k.Name, v, null, null);
            if (dynamic)
                for (var s = 0; s < graph.Slices.Length; s++)
                    if (graph.Slices[s].Blocs.TryGetValue(n.Id, out var b)) AttValue(xml, "windowBloc", b, Start(s), End(s));
            xml.WriteEndElement();
            if (n.Color is { } color) Color(xml, color);
            if (n.X is { } x && n.Y is { } y)
            {
                xml.WriteStartElement("viz", "position", VizNamespace);
                xml.WriteAttributeString("x", GraphText.Double(x));
                xml.WriteAttributeString("y", GraphText.Double(y));
                xml.WriteAttributeString("z", "0.0");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("edges", Namespace);
        if (!dynamic)
        {
            xml.WriteAttributeString("count", edges.Count.ToString(CultureInfo.InvariantCulture));
            var e = 0;
            foreach (var edge in edges.Items)
            {
                StartEdge(xml, e++, edge.Source, edge.Target, edge.Weight);
                xml.WriteStartElement("attvalues", Namespace);
                foreach (var (k, i) in edgeKeys)
                    if (edge.Values[i] is { } v) AttValue(xml, k.Name, v, null, null);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
        }
        else
        {
            // The union of the windows' edges; each edge's weight attribute is its mean weight over the windows it is in.
            var union = graph.Slices.SelectMany((s, si) => s.Edges.Select(edge => (Slice: si, Edge: edge)))
                .GroupBy(p => (p.Edge.Source, p.Edge.Target))
                .OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Target, StringComparer.Ordinal).ToList();
            xml.WriteAttributeString("count", union.Count.ToString(CultureInfo.InvariantCulture));
            for (var e = 0; e < union.Count; e++)
            {
                var g = union[e];
                StartEdge(xml, e, g.Key.Source, g.Key.Target, g.Average(p => p.Edge.Weight));
                xml.WriteStartElement("attvalues", Namespace);
                foreach (var (slice, edge) in g)
                    foreach (var (k, i) in edgeKeys)
                        if (edge.Values[i] is { } v) AttValue(xml, k.Name, v, Start(slice), End(slice));
                xml.WriteEndElement();
                xml.WriteStartElement("spells", Namespace);
                foreach (var (slice, _) in g)
                {
                    xml.WriteStartElement("spell", Namespace);
                    xml.WriteAttributeString("start", Start(slice));
                    xml.WriteAttributeString("end", End(slice));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
            }
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Attributes(XmlWriter xml, string cls, string mode, IEnumerable<GraphKey> keys)
    {
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", cls);
        xml.WriteAttributeString("mode", mode);
        foreach (var k in keys)
        {
            xml.WriteStartElement("attribute", Namespace);
            xml.WriteAttributeString("id", GraphText.Xml(k.Name));
            xml.WriteAttributeString("title", GraphText.Xml(k.Name));
            xml.WriteAttributeString("type", k.Type switch
            {
                GraphValueType.Boolean => "boolean",
                GraphValueType.Int => "integer",
                GraphValueType.Double => "double",
                _ => "string",
            });
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void StartEdge(XmlWriter xml, int index, string source, string target, double weight)
    {
        xml.WriteStartElement("edge", Namespace);
        xml.WriteAttributeString("id", "e" + index.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("source", GraphText.Xml(source));
        xml.WriteAttributeString("target", GraphText.Xml(target));
        xml.WriteAttributeString("weight", GraphText.Double(weight));
    }

    private static void AttValue(XmlWriter xml, string key, object value, string? start, string? end)
    {
        xml.WriteStartElement("attvalue", Namespace);
        xml.WriteAttributeString("for", GraphText.Xml(key));
        xml.WriteAttributeString("value", GraphText.Xml(GraphText.Value(value)));
        if (start is not null) xml.WriteAttributeString("start", start);
        if (end is not null) xml.WriteAttributeString("end", end);
        xml.WriteEndElement();
    }

    private static void Color(XmlWriter xml, string hex)
    {
        var rgb = Convert.FromHexString(hex.TrimStart('#'));
        xml.WriteStartElement("viz", "color", VizNamespace);
        xml.WriteAttributeString("r", rgb[0].ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("g", rgb[1].ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("b", rgb[2].ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }
}
