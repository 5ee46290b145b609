using System.Collections.Immutable;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>An undirected edge of a graph document; <see cref="Source"/> sorts before <see cref="Target"/> (ordinal).</summary>
/// <param name="Source">A node id.</param>
/// <param name="Target">A node id.</param>
/// <param name="Weight">The edge weight.</param>
/// <param name="Values">One value per edge key of the document, in key order; null where the edge has none.</param>
public sealed record GraphEdge(string Source, string Target, double Weight, ImmutableArray<object?> Values);
