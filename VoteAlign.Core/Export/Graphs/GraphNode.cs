using System.Collections.Immutable;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>A node of a graph document.</summary>
/// <param name="Id">Stable id (a member id, or a prefixed member or motion id in the bipartite graph).</param>
/// <param name="Label">What to show (a member's name).</param>
/// <param name="Values">One value per node key of the document, in key order; null where the node has none (the
/// value is then left out of the file rather than written as a made-up value).</param>
/// <param name="X">Layout x in pixels, if placed.</param>
/// <param name="Y">Layout y in pixels, if placed.</param>
/// <param name="Color">Fill colour as <c>#rrggbb</c>, if any.</param>
public sealed record GraphNode(string Id, string Label, ImmutableArray<object?> Values, double? X, double? Y, string? Color);
