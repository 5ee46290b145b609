using System.Collections.Immutable;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>The graph in one time window (for GEXF's time intervals).</summary>
/// <param name="Label">The window's name (<c>2022</c>, <c>term 2</c>, <c>motions 1-50</c>).</param>
/// <param name="From">First meeting date in the window, if known.</param>
/// <param name="To">Last meeting date in the window, if known.</param>
/// <param name="Edges">The edges that pass the thresholds in this window, with their values there.</param>
/// <param name="Blocs">Each placed node's bloc in this window (numbers aligned across windows).</param>
public sealed record GraphSlice(string Label, DateOnly? From, DateOnly? To, ImmutableArray<GraphEdge> Edges, ImmutableSortedDictionary<string, int> Blocs);
