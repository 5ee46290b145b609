using QuikGraph;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>Builds the co-voting graph: members as vertices, an edge for each pair with at least
/// <see cref="GraphOptions.MinShared"/> shared cast votes and agreement ≥ <see cref="GraphOptions.Threshold"/>,
/// weighted by agreement; with <see cref="GraphOptions.Signed"/>, opposition edges for pairs with agreement
/// &lt; 1 − threshold, weighted by 1 − agreement.</summary>
public static class CoVotingGraph
{
    /// <summary>Builds the graph of <paramref name="data"/>.</summary>
    /// <param name="data">The data (its evidence matrix).</param>
    /// <param name="options">Thresholds and what to compute for the nodes.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static CoVoting Build(Dataset data, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinShared < 1) throw new ArgumentException("The minimum of shared votes is at least 1.", nameof(options));
        if (options.Threshold is < 0 or > 1 || double.IsNaN(options.Threshold)) throw new ArgumentException("The threshold is in [0, 1].", nameof(options));
        if (options.Signed && options.Threshold < 0.5) throw new ArgumentException("A signed graph needs a threshold of at least 0.5.", nameof(options));

        var matrix = data.Matrix;
        var agreement = AgreementMatrix.Compute(matrix, options.Threads);
        var contested = ContestedMotions.Of(data);
        var contestedColumns = Enumerable.Range(0, contested.Length).Where(j => contested[j]).ToArray();
        var contestedAgreement = AgreementMatrix.Compute(matrix.SelectColumns(contestedColumns, keepIds: true), options.Threads);

        var graph = new UndirectedGraph<MemberId, TaggedUndirectedEdge<MemberId, EdgeStats>>(allowParallelEdges: false);
        var order = Enumerable.Range(0, matrix.MemberCount).OrderBy(i => matrix.Members[i]).ToArray();
        graph.AddVertexRange(order.Select(i => matrix.Members[i]));
        for (var x = 0; x < order.Length; x++)
            for (var y = x + 1; y < order.Length; y++)
            {
                var (a, b) = (order[x], order[y]);
                var pair = agreement[a, b];
                if (pair.Shared < options.MinShared || pair.Value is not { } value) continue;
                var sign = value >= options.Threshold ? 1 : options.Signed && value < 1 - options.Threshold ? -1 : 0;
                if (sign == 0) continue;
                var stats = new PairEvidence(pair, contestedAgreement[a, b]).ToEdge(sign);
                // QuikGraph's undirected edges require source ≤ target; `order` is ordinal, so a's id sorts first.
                graph.AddEdge(new TaggedUndirectedEdge<MemberId, EdgeStats>(matrix.Members[a], matrix.Members[b], stats));
            }

        var blocs = options.Blocs is { } bo ? BlocAnalysis.Run(matrix, bo with { MinShared = options.MinShared, Threads = options.Threads }) : null;
        ScaleResult? layout = null, ideal = null;
        if (options.Layout)
        {
            layout = Scaling.Scaling.Run(matrix, new ScaleOptions(ScaleMethod.Mds, 2, options.MinShared, Threads: options.Threads));
            if (layout.Members.Count(p => p.Dim1 is not null) >= 2)
                ideal = Scaling.Scaling.Run(matrix, new ScaleOptions(ScaleMethod.Irt, 1, options.MinShared, Threads: options.Threads));
        }

        return new CoVoting(graph, options, blocs, layout, ideal, contestedColumns.Length);
    }
}
