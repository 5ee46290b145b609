namespace VoteAlign.Core.Export.Graphs;

/// <summary>A document's edges made as they are read rather than held: each enumeration computes them afresh, in the
/// order a <see cref="GraphDocument"/> keeps them (ordinal source, then target).</summary>
/// <param name="Count">How many there are.</param>
/// <param name="Items">The edges.</param>
/// <param name="Numbers">The same edges as numbers, when every value is one (for the GraphML writer); else null.</param>
internal sealed record GraphEdgeStream(int Count, IEnumerable<GraphEdge> Items, NumericEdges? Numbers = null)
{
    /// <summary>The edges a document holds.</summary>
    public static GraphEdgeStream Of(GraphDocument graph) => new(graph.Edges.Length, graph.Edges);
}
