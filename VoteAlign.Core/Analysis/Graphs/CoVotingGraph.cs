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
        var pairs = Analyse(data, options, computeNodes: false);
        // Each pair is visited once below, so no parallel edge can arise; allowing them skips QuikGraph's check for an
        // existing edge, which is linear in the degree (on a dense 750-member graph, tens of millions of comparisons).
        options.Progress?.Report("edges");
        var matrix = pairs.Matrix;
        var graph = new UndirectedGraph<MemberId, TaggedUndirectedEdge<MemberId, EdgeStats>>(allowParallelEdges: true);
        var order = Enumerable.Range(0, matrix.MemberCount).OrderBy(i => matrix.Members[i]).ToArray();
        graph.AddVertexRange(order.Select(i => matrix.Members[i]));
        // QuikGraph's undirected edges require source ≤ target; `order` is ordinal, so a's id sorts first.
        foreach (var (a, b, stats) in pairs.Edges(order))
            graph.AddEdge(new TaggedUndirectedEdge<MemberId, EdgeStats>(matrix.Members[a], matrix.Members[b], stats));
        pairs.ComputeNodes();
        return new CoVoting(graph, options, pairs.Blocs, pairs.Layout, pairs.Ideal, pairs.ContestedMotions);
    }

    /// <summary>Everything <see cref="Build"/> computes except the graph itself: the pairwise agreement the edges are
    /// read from on demand (<see cref="CoVotingPairs.Edges"/>), and the blocs and layouts of the nodes. A large
    /// chamber's graph holds ~170,000 edge objects; a writer that only streams them out never needs them all at once.</summary>
    /// <param name="data">The data (its evidence matrix).</param>
    /// <param name="options">Thresholds and what to compute for the nodes.</param>
    /// <param name="computeNodes">Whether to run the blocs and layouts now (else <see cref="CoVotingPairs.ComputeNodes"/> does).</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    internal static CoVotingPairs Analyse(Dataset data, GraphOptions options, bool computeNodes = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinShared < 1) throw new ArgumentException("The minimum of shared votes is at least 1.", nameof(options));
        if (options.Threshold is < 0 or > 1 || double.IsNaN(options.Threshold)) throw new ArgumentException("The threshold is in [0, 1].", nameof(options));
        if (options.Signed && options.Threshold < 0.5) throw new ArgumentException("A signed graph needs a threshold of at least 0.5.", nameof(options));

        // With inferred positions (a reconstructed record set), edges rest on the most-likely matrix, and each edge
        // carries how much of it is inferred and the spread of its weight over draws from the reconstruction.
        options.Progress?.Report("agreement");
        var inferred = data.Records?.Positions.Where(p => p.Basis == Basis.Inferred && p.Probabilities is not null).ToList() ?? [];
        var matrix = inferred.Count == 0 ? data.Matrix : WithInferred(data, inferred.Select(p => (p.Member, p.Motion, p.Vote)));
        var contested = ContestedMotions.Of(data);
        var contestedCount = contested.Count(c => c);
        // The contested-only agreement comes out of the same sweep over the rows as the agreement over all motions (a
        // roll call usually has every motion contested: then it is the agreement itself).
        var (agreement, contestedAgreement) = AgreementMatrix.ComputeWithRestriction(matrix, contested, options.Threads);
        var evidenceAgreement = inferred.Count == 0 ? agreement : AgreementMatrix.Compute(data.Matrix, options.Threads);
        var spread = inferred.Count == 0 ? null : Spread(data, inferred, options.Threads);
        var pairs = new CoVotingPairs(matrix, options, agreement, evidenceAgreement, contestedAgreement, spread, contestedCount);
        if (computeNodes) pairs.ComputeNodes();
        return pairs;
    }

    private static VoteMatrix WithInferred(Dataset data, IEnumerable<(MemberId Member, MotionId Motion, Vote Vote)> inferred)
    {
        var rows = data.Matrix.Members.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var cols = data.Matrix.Motions.Select((id, j) => (id, j)).ToDictionary(p => p.id, p => p.j);
        var builder = new VoteMatrix.Builder(data.Matrix.Members, data.Matrix.Motions);
        for (var i = 0; i < data.Matrix.MemberCount; i++)
            for (var j = 0; j < data.Matrix.MotionCount; j++)
                if (data.Matrix[i, j] is { } v) builder.Set(i, j, v);
        foreach (var (m, mo, v) in inferred)
            if (rows.TryGetValue(m, out var i) && cols.TryGetValue(mo, out var j) && data.Matrix[i, j] is null) builder.Set(i, j, v);
        return builder.Build();
    }

    /// <summary>Per pair, the 5th and 95th percentiles of agreement over 100 seeded draws of the inferred cells
    /// from their probabilities (drawn independently per cell, which ignores that the tally ties them together:
    /// an approximation that tends to widen the interval).</summary>
    private static (double Low, double High)[] Spread(Dataset data, List<Position> inferred, int threads)
    {
        const int draws = 100;
        var n = data.Matrix.MemberCount;
        var values = new double[n * n][];
        for (var p = 0; p < values.Length; p++) values[p] = new double[draws];
        var rng = new Random(1);
        for (var d = 0; d < draws; d++)
        {
            var drawn = inferred.Select(p =>
            {
                var u = rng.NextDouble();
                var pr = p.Probabilities!;
                var v = u < pr.For ? Vote.For : u < pr.For + pr.Against ? Vote.Against : u < pr.For + pr.Against + pr.Abstain ? Vote.Abstain : Vote.Absent;
                return (p.Member, p.Motion, v);
            });
            var agreement = AgreementMatrix.Compute(WithInferred(data, drawn), threads);
            for (var a = 0; a < n; a++)
                for (var b = 0; b < n; b++) values[a * n + b][d] = agreement[a, b].Value ?? double.NaN;
        }

        return [.. values.Select(v =>
        {
            var sorted = v.Where(x => !double.IsNaN(x)).Order().ToArray();
            return sorted.Length == 0 ? (double.NaN, double.NaN) : (sorted[(int)(0.05 * (sorted.Length - 1))], sorted[(int)Math.Ceiling(0.95 * (sorted.Length - 1))]);
        })];
    }
}
