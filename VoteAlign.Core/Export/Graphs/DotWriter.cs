using System.Globalization;
using System.Text;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>Writes a <see cref="GraphDocument"/> as a Graphviz DOT undirected graph: nodes filled with their bloc's
/// colour, placed at their layout position (<c>pos="x,y!"</c>, used by <c>neato -n</c>; <c>dot</c> lays the graph out
/// itself), edges drawn thicker for higher weight and dashed red for opposition edges. Every attribute of the document
/// is written on its node or edge under its own name. Strings are double-quoted with <c>"</c> and <c>\</c> escaped, and
/// <c>&amp;</c> written as <c>&amp;amp;</c> because Graphviz reads HTML entities in labels.</summary>
public static class DotWriter
{
    /// <summary>Writes <paramref name="graph"/> to <paramref name="writer"/> (not closed).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(GraphDocument graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Write(graph, GraphEdgeStream.Of(graph), writer);
    }

    /// <summary>Writes <paramref name="graph"/> with the edges <paramref name="edges"/> in place of its own (read once).</summary>
    /// <param name="graph">The graph (its <see cref="GraphDocument.Edges"/> are not read).</param>
    /// <param name="edges">The edges.</param>
    /// <param name="writer">Where to write.</param>
    internal static void Write(GraphDocument graph, GraphEdgeStream edges, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(writer);
        var w = new StringBuilder();
        w.Append("graph ").Append(Quote(graph.Kind)).Append(" {\n");
        w.Append("  graph [comment=").Append(Quote(graph.Description)).Append(", overlap=false, outputorder=edgesfirst];\n");
        w.Append("  node [shape=ellipse, style=filled, fillcolor=\"").Append(GraphDocuments.Unassigned).Append("\", fontname=\"Helvetica\"];\n");
        w.Append("  edge [color=\"#8c8c8c\"];\n");
        writer.Write(w.ToString());
        foreach (var n in graph.Nodes)
        {
            w.Clear();
            w.Append("  ").Append(Quote(n.Id)).Append(" [label=").Append(Quote(n.Label));
            if (n.Color is { } c) w.Append(", fillcolor=").Append(Quote(c));
            if (n.X is { } x && n.Y is { } y) w.Append(", pos=").Append(Quote($"{GraphText.Double(x)},{GraphText.Double(y)}!"));
            Attributes(w, graph.NodeKeys, n.Values, skip: "label");
            w.Append("];\n");
            writer.Write(w.ToString());
        }

        foreach (var e in edges.Items)
        {
            w.Clear();
            w.Append("  ").Append(Quote(e.Source)).Append(" -- ").Append(Quote(e.Target)).Append(" [");
            w.Append("penwidth=").Append((0.5 + 3 * Math.Clamp(e.Weight, 0, 1)).ToString("0.###", CultureInfo.InvariantCulture));
            if (graph.EdgeValue(e, "sign") is -1) w.Append(", style=dashed, color=\"#d1453b\"");
            Attributes(w, graph.EdgeKeys, e.Values, skip: null);
            w.Append("];\n");
            writer.Write(w.ToString());
        }

        writer.Write("}\n");
    }

    /// <summary>A DOT double-quoted string.</summary>
    /// <param name="text">Any text.</param>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '&': sb.Append("&amp;"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                default: sb.Append(char.IsControl(ch) ? '\uFFFD' : ch); break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static void Attributes(StringBuilder w, IReadOnlyList<GraphKey> keys, IReadOnlyList<object?> values, string? skip)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (values[i] is not { } v || keys[i].Name == skip) continue;
            // Graphviz's `dot` wants an integer `weight`; the document's weight is written as vaWeight alongside.
            var name = keys[i].Name == "weight" ? "vaWeight" : keys[i].Name;
            w.Append(", ").Append(Quote(name)).Append('=').Append(Quote(GraphText.Value(v)));
        }
    }
}
