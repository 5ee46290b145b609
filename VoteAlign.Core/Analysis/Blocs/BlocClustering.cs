using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>One clustering of the analysed members by one method: labels 0..k−1 over the rows given.</summary>
internal sealed class BlocClustering
{
    private const int LouvainNeighbours = 10;

    private readonly VoteMatrix _matrix;
    private readonly int[] _rows;
    private readonly DistanceMatrix _distance;
    private readonly BlocOptions _options;
    private SpectralEmbedding? _embedding;

    public BlocClustering(VoteMatrix matrix, int[] rows, DistanceMatrix distance, BlocOptions options)
    {
        _matrix = matrix;
        _rows = rows;
        _distance = distance;
        _options = options;
    }

    /// <summary>The spectral embedding, with as many eigenpairs as the over-segmentation and the choice of k use.</summary>
    public SpectralEmbedding Embedding => EmbeddingWith(Math.Max(Start(null), _options.MaxK + 1));

    private SpectralEmbedding EmbeddingWith(int count)
    {
        count = Math.Min(count, Count);
        if (_embedding is null || _embedding.Eigenvalues.Length < count) _embedding = SpectralEmbedding.Of(_distance, Math.Max(count, Math.Max(Start(null), _options.MaxK + 1)), _options.Threads);
        return _embedding;
    }

    /// <summary>How many spectral clusters the merge starts from: k if given and larger, else a quarter of the
    /// members, between 2 and 24.</summary>
    private int Start(int? k) => Math.Min(Count, Math.Max(k ?? 0, Math.Min(24, Math.Max(2, Count / 4))));

    public int Count => _rows.Length;

    /// <summary>Clusters into <paramref name="k"/> blocs, or chooses k when it is null.</summary>
    public int[] Cluster(int? k, out string reason)
    {
        var n = Count;
        if (n <= 2)
        {
            reason = "too few members with enough evidence to split";
            return new int[n];
        }

        switch (_options.Method)
        {
            case BlocMethod.Hierarchical:
            {
                var tree = AverageLinkage.Build(_distance);
                if (k is { } given)
                {
                    reason = "given";
                    return tree.Cut(given);
                }

                var best = (K: 1, Score: double.NegativeInfinity, Labels: new int[n]);
                for (var c = 2; c <= Math.Min(_options.MaxK, n - 1); c++)
                {
                    var labels = tree.Cut(c);
                    var s = Silhouette.Mean(_distance, labels);
                    if (s > best.Score + 1e-12) best = (c, s, labels);
                }

                reason = $"highest mean silhouette ({F(best.Score)}) for k from 2 to {Math.Min(_options.MaxK, n - 1)}";
                return best.Labels;
            }

            case BlocMethod.Louvain:
            {
                var labels = Louvain.Communities(NeighbourGraph(), _options.Resolution, _options.Seed);
                reason = $"Louvain finds the number itself: modularity {F(Modularity.Of(NeighbourGraph(), labels, _options.Resolution))} at resolution {F(_options.Resolution)}";
                if (k is not null) reason += " (--k is ignored by Louvain; change --resolution instead)";
                return labels;
            }

            default:
                return SpectralMerge(k, out reason);
        }
    }

    /// <summary>Spectral partition at exactly k (k-means on the embedding), for diagnostics.</summary>
    public int[] SpectralAt(int k) => KMeans.Cluster(EmbeddingWith(k).Rows(k), k, _options.Seed, threads: _options.Threads);

    /// <summary>The graph Louvain runs on: each member linked to its nearest neighbours by known distance,
    /// weighted by agreement.</summary>
    public WeightedGraph NeighbourGraph()
    {
        var n = Count;
        var g = new WeightedGraph(n);
        var edges = new SortedSet<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            var near = Enumerable.Range(0, n).Where(j => j != i && !double.IsNaN(_distance[i, j]))
                .OrderBy(j => _distance[i, j]).ThenBy(j => j).Take(LouvainNeighbours);
            foreach (var j in near) edges.Add(i < j ? (i, j) : (j, i));
        }

        foreach (var (a, b) in edges) g.Add(a, b, Math.Max(1e-9, 1 - _distance[a, b]));
        return g;
    }

    /// <summary>The affinity graph of the spectral embedding (for modularity diagnostics).</summary>
    public WeightedGraph AffinityGraph()
    {
        var n = Count;
        var g = new WeightedGraph(n);
        var w = Embedding.Affinity;
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                if (w[i, j] > 0) g.Add(i, j, w[i, j]);
        return g;
    }

    private int[] SpectralMerge(int? k, out string reason)
    {
        var n = Count;
        var start = Start(k);
        var labels = KMeans.Cluster(EmbeddingWith(start).Rows(start), start, _options.Seed, threads: _options.Threads);
        var groups = Enumerable.Range(0, labels.Max() + 1).Select(_ => new List<int>()).ToList();
        for (var i = 0; i < n; i++) groups[labels[i]].Add(i);
        groups.RemoveAll(g => g.Count == 0);
        var m = _matrix.MotionCount;
        var evidence = new GroupEvidence(m, n);
        var counts = new int[groups.Count][];
        var logs = new double[groups.Count];
        Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, g =>
        {
            counts[g] = CountsOf(groups[g]);
            logs[g] = evidence.LogMarginal(counts[g]);
        });
        var score = new Dictionary<(int, int), double>();
        // Each pair's score is computed on its own (a scratch array per thread, kept from call to call), so they can be
        // in parallel.
        var scratches = new System.Collections.Concurrent.ConcurrentBag<int[]>();
        void Rescore(List<(int A, int B)> pairs)
        {
            var values = new double[pairs.Count];
            Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, () => scratches.TryTake(out var s) ? s : new int[3 * m], (p, _, scratch) =>
            {
                var (a, b) = pairs[p];
                values[p] = evidence.MergeScore(counts[a], logs[a], groups[a].Count, counts[b], logs[b], groups[b].Count, scratch);
                return scratch;
            }, scratches.Add);
            for (var p = 0; p < pairs.Count; p++) score[pairs[p]] = values[p];
        }

        var alive = Enumerable.Range(0, groups.Count).ToList();
        Rescore([.. alive.SelectMany(a => alive.Where(b => b > a).Select(b => (a, b)))]);

        var lastRejected = double.NaN;
        while (alive.Count > 1)
        {
            var best = score.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First();
            var target = k ?? 0;
            if (k is null && best.Value < -GroupEvidence.Tolerance)
            {
                lastRejected = best.Value;
                break;
            }

            if (k is not null && alive.Count <= target) break;
            var (x, y) = best.Key;
            groups[x].AddRange(groups[y]);
            for (var i = 0; i < counts[x].Length; i++) counts[x][i] += counts[y][i];
            logs[x] = evidence.LogMarginal(counts[x]);
            alive.Remove(y);
            foreach (var key in score.Keys.Where(p => p.Item1 == y || p.Item2 == y || p.Item1 == x || p.Item2 == x).ToList()) score.Remove(key);
            Rescore([.. alive.Where(o => o != x).Select(o => o < x ? (o, x) : (x, o))]);
        }

        var result = new int[n];
        for (var g = 0; g < alive.Count; g++)
            foreach (var i in groups[alive[g]]) result[i] = g;
        Louvain.Renumber(result);
        // k-means clusters of the embedding can mix members of two blocs; a merged group cannot undo that.
        // Reassign each member to the group whose votes best predict theirs, until nothing moves.
        // Kept only when it makes the partition more probable as a whole (the summed log marginal likelihood).
        var refined = Refine(result, evidence);
        // With k given, a refinement that empties a group is not taken: the user asked for k blocs.
        if ((k is null || refined.Max() == result.Max()) && TotalLog(refined, evidence) > TotalLog(result, evidence) + 1e-9) result = refined;
        reason = k is not null
            ? "given"
            : $"started from {start} spectral clusters and merged groups while the evidence that they vote differently was below "
              + $"{F(GroupEvidence.Tolerance)} nats per motion per member; the next merge would cost {(double.IsNaN(lastRejected) ? "nothing (one bloc left)" : F(-lastRejected))}";
        return result;
    }

    /// <summary>Hard reassignment: each member goes to the group that gives their votes the highest leave-one-out
    /// predictive probability under the per-motion Dirichlet model of <see cref="GroupEvidence"/>. Groups left
    /// empty disappear. At most 20 rounds.</summary>
    /// <remarks>A member's cast votes are the cells t = 3j + v of the per-group tables, read straight off the bit
    /// planes, motions ascending (so every sum runs over the cells in the same order). Copied out as a list per member
    /// they were 4 bytes a cast vote, ~57 MB on a 750 × 20,000 chamber, for no gain in speed.</remarks>
    private int[] Refine(int[] labels, GroupEvidence evidence)
    {
        var n = Count;
        var m = _matrix.MotionCount;
        var words = _matrix.WordsPerRow;
        var planes = new[] { _matrix.Plane(Vote.For), _matrix.Plane(Vote.Against), _matrix.Plane(Vote.Abstain) };
        // Tables are reused from round to round (the number of groups only falls).
        var k0 = labels.Max() + 1;
        var counts = new int[k0][];
        var own = new double[k0][];
        for (var g = 0; g < k0; g++)
        {
            counts[g] = new int[3 * m];
            own[g] = new double[3 * m];
        }

        // Per cell, the k groups' values side by side, padded with zeros to whole vectors.
        var lanes = Vector<double>.Count;
        var interleaved = new double[3 * m * ((k0 + lanes - 1) / lanes * lanes)];
        var predictive = new double[3 * m];
        for (var round = 0; round < 20; round++)
        {
            var k = labels.Max() + 1;
            for (var g = 0; g < k; g++) Array.Clear(counts[g]);
            // Counts are whole numbers: the order they are added in does not matter, so plane by plane, and in parallel
            // by ranges of 64-motion words, which no two threads share.
            var grouped = labels;
            Parallel.For(0, (words + 15) / 16, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (range) =>
            {
                var (w0, w1) = (range * 16, Math.Min(words, range * 16 + 16));
                for (var i = 0; i < n; i++)
                {
                    var row = _rows[i] * words;
                    var group = counts[grouped[i]];
                    for (var v = 0; v < 3; v++)
                        for (var w = w0; w < w1; w++)
                            for (var bits = planes[v][row + w]; bits != 0; bits &= bits - 1)
                                group[3 * ((w << 6) + BitOperations.TrailingZeroCount(bits)) + v]++;
                }
            });

            // ln P(value | group) per cell, from the group's counts, interleaved by cell so one pass over a member's
            // cells scores every group; the member's own group is corrected below for leaving the member out.
            var vectors = (k + lanes - 1) / lanes;
            var stride = vectors * lanes;
            Array.Clear(interleaved);
            for (var g = 0; g < k; g++)
            {
                var table = evidence.LogPredictiveTable(counts[g], predictive);
                for (var t = 0; t < 3 * m; t++) interleaved[t * stride + g] = table[t];
                evidence.LeaveOneOutTable(counts[g], own[g]);
            }

            var next = new int[n];
            var current = labels;
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, () => new double[stride], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (i, _, scores) =>
            {
                var ownTable = own[current[i]];
                double ownScore = 0;
                var row = _rows[i] * words;
                // Each group's sum is one lane of a vector: adding the vectors adds every group's value to its own sum
                // alone, in the same order as one at a time, so each score is exactly what a scalar loop gives.
                Span<Vector<double>> sums = stackalloc Vector<double>[vectors];
                sums.Clear();
                ref var table0 = ref MemoryMarshal.GetArrayDataReference(interleaved);
                if ((long)3 * m * stride > interleaved.Length || ownTable.Length < 3 * m) throw new InvalidOperationException("Tables shorter than the cells.");
                // Up to four vectors of sums (the usual case: the groups left after merging) are held in registers,
                // not on the stack, where each cell's add waited for the last one's store.
                Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
                for (var w = 0; w < words; w++)
                {
                    var (f, a) = (planes[0][row + w], planes[1][row + w]);
                    for (var bits = f | a | planes[2][row + w]; bits != 0; bits &= bits - 1)
                    {
                        // The cell t = 3j + v, v = 0 (for), 1 (against) or 2 (abstain): a motion holds one value.
                        var z = BitOperations.TrailingZeroCount(bits);
                        var t = 3 * ((w << 6) + z) + 2 - 2 * (int)((f >> z) & 1) - (int)((a >> z) & 1);
                        var at = (nuint)(t * stride);
                        if (vectors <= 4)
                        {
                            s0 += Vector.LoadUnsafe(ref table0, at);
                            if (vectors > 1) s1 += Vector.LoadUnsafe(ref table0, at + (nuint)lanes);
                            if (vectors > 2) s2 += Vector.LoadUnsafe(ref table0, at + (nuint)(2 * lanes));
                            if (vectors > 3) s3 += Vector.LoadUnsafe(ref table0, at + (nuint)(3 * lanes));
                        }
                        else
                        {
                            for (var c = 0; c < vectors; c++) sums[c] += Vector.LoadUnsafe(ref table0, at + (nuint)(c * lanes));
                        }

                        ownScore += Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ownTable), t);
                    }
                }

                if (vectors <= 4)
                {
                    sums[0] = s0;
                    if (vectors > 1) sums[1] = s1;
                    if (vectors > 2) sums[2] = s2;
                    if (vectors > 3) sums[3] = s3;
                }

                for (var c = 0; c < vectors; c++) sums[c].CopyTo(scores, c * lanes);
                var best = current[i];
                var bestScore = double.NegativeInfinity;
                for (var g = 0; g < k; g++)
                {
                    var score = g == current[i] ? ownScore : scores[g];
                    if (score > bestScore + 1e-9 || (Math.Abs(score - bestScore) <= 1e-9 && g == current[i]))
                    {
                        best = g;
                        bestScore = score;
                    }
                }

                next[i] = best;
                return scores;
            }, _ => { });
            if (next.SequenceEqual(labels)) break;
            Louvain.Renumber(next);
            labels = next;
        }

        return labels;
    }

    private double TotalLog(int[] labels, GroupEvidence evidence)
    {
        // Groups in parallel, summed in group order afterwards (the same sum as one group at a time).
        var logs = new double[labels.Max() + 1];
        Parallel.For(0, logs.Length, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads },
            g => logs[g] = evidence.LogMarginal(CountsOf([.. Enumerable.Range(0, labels.Length).Where(i => labels[i] == g)])));
        double sum = 0;
        foreach (var l in logs) sum += l;
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] CountsOf(List<int> members)
    {
        var m = _matrix.MotionCount;
        var counts = new int[3 * m];
        var words = _matrix.WordsPerRow;
        for (var v = 0; v < 3; v++)
        {
            var plane = _matrix.Plane((Vote)v);
            foreach (var local in members)
            {
                var row = _rows[local];
                for (var w = 0; w < words; w++)
                {
                    var bits = plane[row * words + w];
                    while (bits != 0)
                    {
                        var j = (w << 6) + BitOperations.TrailingZeroCount(bits);
                        counts[3 * j + v]++;
                        bits &= bits - 1;
                    }
                }
            }
        }

        return counts;
    }

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
