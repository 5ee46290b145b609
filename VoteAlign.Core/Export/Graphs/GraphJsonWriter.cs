using Newtonsoft.Json;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>Writes a <see cref="GraphDocument"/> as JSON that d3, networkx and Cytoscape read:
/// <c>nodes</c> and <c>links</c> (d3's force layout; networkx's <c>node_link_graph</c>, with <c>directed</c>,
/// <c>multigraph</c> and <c>graph</c>), and the same graph again under <c>elements</c> in Cytoscape.js form
/// (<c>{"nodes": [{"data": {…}, "position": {"x", "y"}}], "edges": [{"data": {…}}]}</c>, which Cytoscape desktop
/// also imports as .cyjs). A value a node or edge does not have is left out.</summary>
public static class GraphJsonWriter
{
    /// <summary>Writes <paramref name="graph"/> to <paramref name="writer"/> (not closed).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(GraphDocument graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Write(graph, GraphEdgeStream.Of(graph), writer);
    }

    /// <summary>Writes <paramref name="graph"/> with the edges <paramref name="edges"/> in place of its own (read twice:
    /// as links, then as Cytoscape elements).</summary>
    /// <param name="graph">The graph (its <see cref="GraphDocument.Edges"/> are not read).</param>
    /// <param name="edges">The edges.</param>
    /// <param name="writer">Where to write.</param>
    internal static void Write(GraphDocument graph, GraphEdgeStream edges, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(writer);
        using var json = new JsonTextWriter(writer) { CloseOutput = false, Formatting = Formatting.Indented, Indentation = 1, IndentChar = ' ' };
        json.WriteStartObject();
        json.WritePropertyName("directed");
        json.WriteValue(false);
        json.WritePropertyName("multigraph");
        json.WriteValue(false);
        json.WritePropertyName("graph");
        json.WriteStartObject();
        json.WritePropertyName("kind");
        json.WriteValue(graph.Kind);
        json.WritePropertyName("description");
        json.WriteValue(graph.Description);
        Keys(json, "nodeKeys", graph.NodeKeys);
        Keys(json, "edgeKeys", graph.EdgeKeys);
        json.WriteEndObject();

        json.WritePropertyName("nodes");
        json.WriteStartArray();
        foreach (var n in graph.Nodes) NodeData(json, graph, n);
        json.WriteEndArray();
        json.WritePropertyName("links");
        json.WriteStartArray();
        foreach (var e in edges.Items) EdgeData(json, graph, e, null);
        json.WriteEndArray();

        json.WritePropertyName("elements");
        json.WriteStartObject();
        json.WritePropertyName("nodes");
        json.WriteStartArray();
        foreach (var n in graph.Nodes)
        {
            json.WriteStartObject();
            json.WritePropertyName("data");
            NodeData(json, graph, n);
            if (n.X is { } x && n.Y is { } y)
            {
                json.WritePropertyName("position");
                json.WriteStartObject();
                json.WritePropertyName("x");
                json.WriteValue(x);
                json.WritePropertyName("y");
                json.WriteValue(y);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("edges");
        json.WriteStartArray();
        var i = 0;
        foreach (var e in edges.Items)
        {
            json.WriteStartObject();
            json.WritePropertyName("data");
            EdgeData(json, graph, e, "e" + i++.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        writer.Write('\n');
    }

    private static void Keys(JsonWriter json, string name, IEnumerable<GraphKey> keys)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var k in keys)
        {
            json.WriteStartObject();
            json.WritePropertyName("name");
            json.WriteValue(k.Name);
            json.WritePropertyName("type");
            json.WriteValue(GraphMLWriter.TypeName(k.Type));
            json.WritePropertyName("description");
            json.WriteValue(k.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void NodeData(JsonWriter json, GraphDocument graph, GraphNode n)
    {
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(n.Id);
        Values(json, graph.NodeKeys, n.Values);
        if (n.Color is { } c)
        {
            json.WritePropertyName("color");
            json.WriteValue(c);
        }

        json.WriteEndObject();
    }

    private static void EdgeData(JsonWriter json, GraphDocument graph, GraphEdge e, string? id)
    {
        json.WriteStartObject();
        if (id is not null)
        {
            json.WritePropertyName("id");
            json.WriteValue(id);
        }

        json.WritePropertyName("source");
        json.WriteValue(e.Source);
        json.WritePropertyName("target");
        json.WriteValue(e.Target);
        Values(json, graph.EdgeKeys, e.Values);
        json.WriteEndObject();
    }

    private static void Values(JsonWriter json, IReadOnlyList<GraphKey> keys, IReadOnlyList<object?> values)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (values[i] is not { } v) continue;
            json.WritePropertyName(keys[i].Name);
            json.WriteValue(v);
        }
    }
}
