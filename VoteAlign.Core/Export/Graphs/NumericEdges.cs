namespace VoteAlign.Core.Export.Graphs;

/// <summary>The edges of a <see cref="GraphEdgeStream"/> again, as numbers filled into <see cref="EdgeBlock"/>s rather
/// than as <see cref="GraphEdge"/> objects (each boxing its values): the GraphML writer's way to stream a large graph
/// making no garbage per edge.</summary>
/// <param name="NodeIds">The node ids the blocks' endpoint indexes point into.</param>
/// <param name="Open">Starts a fresh pass over the edges, in the stream's order.</param>
internal sealed record NumericEdges(IReadOnlyList<string> NodeIds, Func<INumericEdgeReader> Open);

/// <summary>One pass over a <see cref="NumericEdges"/>.</summary>
internal interface INumericEdgeReader
{
    /// <summary>Fills <paramref name="block"/> with the next edges, as many as it holds; false when none are left.</summary>
    /// <param name="block">A block with one cell per edge key.</param>
    bool Read(EdgeBlock block);
}
