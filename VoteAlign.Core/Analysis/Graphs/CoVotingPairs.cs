using System.Runtime.CompilerServices;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>The co-voting graph before it is a graph: the pairwise agreement its edges are read from, on demand and in
/// any order of the members, and what is computed for its nodes. <see cref="CoVotingGraph.Build"/> turns it into a
/// QuikGraph graph; a writer can stream the edges instead, holding none of them (a 750-member chamber has ~170,000).</summary>
internal sealed class CoVotingPairs
{
    private readonly AgreementMatrix _agreement;
    private readonly AgreementMatrix _evidence;
    private readonly AgreementMatrix _contested;
    private readonly (double Low, double High)[]? _spread;
    private bool _nodesComputed;

    public CoVotingPairs(VoteMatrix matrix, GraphOptions options, AgreementMatrix agreement, AgreementMatrix evidence,
        AgreementMatrix contested, (double Low, double High)[]? spread, int contestedMotions)
    {
        Matrix = matrix;
        Options = options;
        _agreement = agreement;
        _evidence = evidence;
        _contested = contested;
        _spread = spread;
        ContestedMotions = contestedMotions;
    }

    /// <summary>The matrix the edges rest on (with inferred votes, the most-likely matrix); its rows are the vertices.</summary>
    public VoteMatrix Matrix { get; }

    /// <summary>The settings.</summary>
    public GraphOptions Options { get; }

    /// <summary>Motions counted as contested.</summary>
    public int ContestedMotions { get; }

    /// <summary>The bloc analysis, once <see cref="ComputeNodes"/> has run (null if not asked for).</summary>
    public BlocResult? Blocs { get; private set; }

    /// <summary>2-D classical MDS, once <see cref="ComputeNodes"/> has run (null if not asked for).</summary>
    public ScaleResult? Layout { get; private set; }

    /// <summary>1-D ideal points, once <see cref="ComputeNodes"/> has run (null if not asked for or too few placed).</summary>
    public ScaleResult? Ideal { get; private set; }

    /// <summary>Runs the blocs and the layouts the options ask for (once).</summary>
    public void ComputeNodes()
    {
        if (_nodesComputed) return;
        _nodesComputed = true;
        var options = Options;
        Blocs = options.Blocs is { } bo ? BlocAnalysis.Run(Matrix, bo with { MinShared = options.MinShared, Threads = options.Threads, Progress = options.Progress }, _agreement) : null;
        if (!options.Layout) return;
        Layout = MemberScaling.Run(Matrix, new ScaleOptions(ScaleMethod.Mds, 2, options.MinShared, Threads: options.Threads, Progress: options.Progress), _agreement);
        if (options.IdealPoints && Layout.Members.Count(p => p.Dim1 is not null) >= 2)
            Ideal = MemberScaling.Run(Matrix, new ScaleOptions(ScaleMethod.Irt, 1, options.MinShared, Threads: options.Threads, Progress: options.Progress), _agreement);
    }

    /// <summary>The edges, computed as they are enumerated: for x &lt; y, the pair (order[x], order[y]) when it passes
    /// the thresholds, so the edges come in the order of <paramref name="order"/> (first endpoint, then second).
    /// Each enumeration computes them afresh.</summary>
    /// <param name="order">Every row of <see cref="Matrix"/> once, in the order wanted.</param>
    public IEnumerable<(int A, int B, EdgeStats Stats)> Edges(int[] order)
    {
        for (var x = 0; x < order.Length; x++)
            for (var y = x + 1; y < order.Length; y++)
                if (Edge(order[x], order[y]) is { } stats) yield return (order[x], order[y], stats);
    }

    /// <summary>How many edges there are (a pass over the pairs, without building them).</summary>
    public int EdgeCount()
    {
        var n = Matrix.MemberCount;
        var count = 0;
        for (var a = 0; a < n; a++)
            for (var b = a + 1; b < n; b++)
                if (Sign(a, b) != 0) count++;
        return count;
    }

    // +1 agreement edge, -1 opposition edge, 0 none.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Sign(int a, int b)
    {
        var pair = _agreement[a, b];
        if (pair.Shared < Options.MinShared || pair.Value is not { } value) return 0;
        return value >= Options.Threshold ? 1 : Options.Signed && value < 1 - Options.Threshold ? -1 : 0;
    }

    /// <summary>The edge between rows <paramref name="a"/> and <paramref name="b"/>, or null when the pair does not
    /// pass the thresholds.</summary>
    private EdgeStats? Edge(int a, int b)
    {
        var sign = Sign(a, b);
        if (sign == 0) return null;
        var pair = _agreement[a, b];
        var stats = new PairEvidence(pair, _contested[a, b]).ToEdge(sign);
        if (_spread is null) return stats;
        var known = _evidence[a, b].Shared;
        var (low, high) = _spread[a * Matrix.MemberCount + b];
        return stats with
        {
            KnownShared = known,
            InferredShare = pair.Shared == 0 ? 0 : 1 - (double)known / pair.Shared,
            WeightLow = Math.Min(stats.Weight, sign > 0 ? low : 1 - high),
            WeightHigh = Math.Max(stats.Weight, sign > 0 ? high : 1 - low),
        };
    }
}
