using System.Collections.Immutable;
using QuikGraph;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>The graph of attributed statements: members linked when one statement names them together.</summary>
/// <param name="Graph">Every roster member as a vertex (ordinal id order); an edge per pair named together at least once.</param>
/// <param name="Statements">Joint statements (two or more members) found.</param>
/// <param name="Appearances">For each member, the joint statements that name them (members named in none are absent).</param>
public sealed record StatementNetwork(
    IUndirectedGraph<MemberId, TaggedUndirectedEdge<MemberId, StatementLink>> Graph,
    int Statements,
    ImmutableSortedDictionary<MemberId, int> Appearances);
