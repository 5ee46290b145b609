using QuikGraph;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>A co-voting graph with what is written on its nodes.</summary>
/// <param name="Graph">Members as vertices (every member of the data, ordinal id order); an edge for each pair that
/// passes the thresholds, endpoints ordered (source &lt; target, ordinal).</param>
/// <param name="Options">The settings it was built with.</param>
/// <param name="Blocs">The bloc analysis, if run.</param>
/// <param name="Layout">2-D classical MDS, if computed.</param>
/// <param name="Ideal">1-D logistic ideal points, if computed (needs at least two members placed by MDS).</param>
/// <param name="ContestedMotions">Motions counted as contested (see <see cref="Graphs.ContestedMotions"/>).</param>
public sealed record CoVoting(
    IUndirectedGraph<MemberId, TaggedUndirectedEdge<MemberId, EdgeStats>> Graph,
    GraphOptions Options,
    BlocResult? Blocs,
    ScaleResult? Layout,
    ScaleResult? Ideal,
    int ContestedMotions);
