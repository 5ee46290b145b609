using System.Collections.Immutable;

namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>Two members named together in attributed statements.</summary>
/// <param name="Statements">How many statements name both (the edge weight).</param>
/// <param name="Motions">How many distinct motions those statements are about.</param>
/// <param name="Sources">The statements, as <c>report:line</c> (ordinal order).</param>
public sealed record StatementLink(int Statements, int Motions, ImmutableArray<string> Sources);
