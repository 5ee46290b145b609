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

        // With inferred positions (a reconstructed record set), edges rest on the most-likely matrix, and each edge
        // carries how much of it is inferred and the spread of its weight over draws from the reconstruction.
        options.Progress?.Report("agreement");
        var inferred = data.Records?.Positions.Where(p => p.Basis == Basis.Inferred && p.Probabilities is not null).ToList() ?? [];
        var evidenceAgreement = AgreementMatrix.Compute(data.Matrix, options.Threads);
        var matrix = inferred.Count == 0 ? data.Matrix : WithInferred(data, inferred.Select(p => (p.Member, p.Motion, p.Vote)));
        var agreement = inferred.Count == 0 ? evidenceAgreement : AgreementMatrix.Compute(matrix, options.Threads);
        var spread = inferred.Count == 0 ? null : Spread(data, inferred, options.Threads);
        var contested = ContestedMotions.Of(data);
        var contestedColumns = Enumerable.Range(0, contested.Length).Where(j => contested[j]).ToArray();
        // A roll call usually has every motion contested: then the contested-only agreement is the agreement itself.
        var contestedAgreement = contestedColumns.Length == matrix.MotionCount ? agreement
            : AgreementMatrix.Restrict(agreement, matrix, contested, options.Threads);

        // Each pair is visited once below, so no parallel edge can arise; allowing them skips QuikGraph's check for an
        // existing edge, which is linear in the degree (on a dense 750-member graph, tens of millions of comparisons).
        options.Progress?.Report("edges");
        var graph = new UndirectedGraph<MemberId, TaggedUndirectedEdge<MemberId, EdgeStats>>(allowParallelEdges: true);
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
                if (spread is not null)
                {
                    var known = evidenceAgreement[a, b].Shared;
                    var (low, high) = spread[a * matrix.MemberCount + b];
                    stats = stats with
                    {
                        KnownShared = known,
                        InferredShare = pair.Shared == 0 ? 0 : 1 - (double)known / pair.Shared,
                        WeightLow = Math.Min(stats.Weight, sign > 0 ? low : 1 - high),
                        WeightHigh = Math.Max(stats.Weight, sign > 0 ? high : 1 - low),
                    };
                }

                // QuikGraph's undirected edges require source ≤ target; `order` is ordinal, so a's id sorts first.
                graph.AddEdge(new TaggedUndirectedEdge<MemberId, EdgeStats>(matrix.Members[a], matrix.Members[b], stats));
            }

        var blocs = options.Blocs is { } bo ? BlocAnalysis.Run(matrix, bo with { MinShared = options.MinShared, Threads = options.Threads, Progress = options.Progress }, agreement) : null;
        ScaleResult? layout = null, ideal = null;
        if (options.Layout)
        {
            layout = Scaling.MemberScaling.Run(matrix, new ScaleOptions(ScaleMethod.Mds, 2, options.MinShared, Threads: options.Threads, Progress: options.Progress), agreement);
            if (options.IdealPoints && layout.Members.Count(p => p.Dim1 is not null) >= 2)
                ideal = Scaling.MemberScaling.Run(matrix, new ScaleOptions(ScaleMethod.Irt, 1, options.MinShared, Threads: options.Threads, Progress: options.Progress), agreement);
        }

        return new CoVoting(graph, options, blocs, layout, ideal, contestedColumns.Length);
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
