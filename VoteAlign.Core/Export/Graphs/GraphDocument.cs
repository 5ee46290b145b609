using System.Collections.Immutable;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>An undirected graph ready to write in any format: declared node and edge attributes, nodes sorted by id,
/// edges sorted by (source, target), and optionally one slice per time window.</summary>
/// <param name="Kind"><c>covote</c>, <c>statements</c> or <c>bipartite</c>.</param>
/// <param name="Description">One sentence on what the graph shows and what its edges rest on.</param>
/// <param name="NodeKeys">Node attributes, in the order they are written.</param>
/// <param name="EdgeKeys">Edge attributes, in the order they are written.</param>
/// <param name="Nodes">The nodes, ordinal id order.</param>
/// <param name="Edges">The edges, ordinal (source, target) order.</param>
/// <param name="Slices">Time windows, in order; empty for a static graph.</param>
public sealed record GraphDocument(
    string Kind,
    string Description,
    ImmutableArray<GraphKey> NodeKeys,
    ImmutableArray<GraphKey> EdgeKeys,
    ImmutableArray<GraphNode> Nodes,
    ImmutableArray<GraphEdge> Edges,
    ImmutableArray<GraphSlice> Slices)
{
    /// <summary>The value of node key <paramref name="name"/> on <paramref name="node"/>, or null.</summary>
    /// <param name="node">A node of this document.</param>
    /// <param name="name">A node key name.</param>
    public object? NodeValue(GraphNode node, string name)
    {
        ArgumentNullException.ThrowIfNull(node);
        var i = NodeKeys.IndexOf(NodeKeys.FirstOrDefault(k => k.Name == name)!);
        return i < 0 ? null : node.Values[i];
    }

    /// <summary>The value of edge key <paramref name="name"/> on <paramref name="edge"/>, or null.</summary>
    /// <param name="edge">An edge of this document.</param>
    /// <param name="name">An edge key name.</param>
    public object? EdgeValue(GraphEdge edge, string name)
    {
        ArgumentNullException.ThrowIfNull(edge);
        var i = EdgeKeys.IndexOf(EdgeKeys.FirstOrDefault(k => k.Name == name)!);
        return i < 0 ? null : edge.Values[i];
    }
}
