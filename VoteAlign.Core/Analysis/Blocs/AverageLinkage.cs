namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>Average-linkage (UPGMA) agglomerative clustering by the nearest-neighbour-chain algorithm, O(n²) time.
/// The distance between two clusters is the mean of the known distances between their members; unknown (NaN)
/// pairs are left out of the mean, and two clusters with no known pair between them are treated as being at
/// the mean known distance. Ties are broken by the lower cluster index, so the tree is deterministic.</summary>
internal sealed class AverageLinkage
{
    private readonly List<(int A, int B, double Height)> _merges = [];
    private readonly int _n;

    private AverageLinkage(int n) => _n = n;

    /// <summary>The merges, in order: cluster ids below n are members, n + t is the cluster made by merge t.</summary>
    public IReadOnlyList<(int A, int B, double Height)> Merges => _merges;

    public static AverageLinkage Build(DistanceMatrix d)
    {
        var n = d.Count;
        var tree = new AverageLinkage(n);
        if (n < 2) return tree;
        var fallback = d.MeanKnown();
        // Pairwise sums and counts of known distances between active clusters (slot = representative index).
        var sum = new double[n * n];
        var count = new int[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                if (a != b && !double.IsNaN(d[a, b]))
                {
                    sum[a * n + b] = d[a, b];
                    count[a * n + b] = 1;
                }

        var active = new bool[n];
        Array.Fill(active, true);
        var size = Enumerable.Repeat(1, n).ToArray();
        var id = Enumerable.Range(0, n).ToArray(); // slot -> cluster id in the merge list
        double Dist(int a, int b) => count[a * n + b] > 0 ? sum[a * n + b] / count[a * n + b] : fallback;
        var chain = new List<int>();
        var remaining = n;
        while (remaining > 1)
        {
            if (chain.Count == 0) chain.Add(Array.IndexOf(active, true));
            var top = chain[^1];
            var best = -1;
            var bestD = double.PositiveInfinity;
            for (var c = 0; c < n; c++)
            {
                if (!active[c] || c == top) continue;
                var dc = Dist(top, c);
                if (dc < bestD || (dc == bestD && chain.Count > 1 && c == chain[^2]))
                {
                    best = c;
                    bestD = dc;
                }
            }

            if (chain.Count > 1 && best == chain[^2])
            {
                chain.RemoveAt(chain.Count - 1);
                chain.RemoveAt(chain.Count - 1);
                var (a, b) = top < best ? (top, best) : (best, top);
                tree._merges.Add((Math.Min(id[a], id[b]), Math.Max(id[a], id[b]), bestD));
                // Merge b into a: sums and counts add (the mean over known pairs of the union).
                for (var c = 0; c < n; c++)
                {
                    if (!active[c] || c == a || c == b) continue;
                    sum[a * n + c] = sum[c * n + a] = sum[a * n + c] + sum[b * n + c];
                    count[a * n + c] = count[c * n + a] = count[a * n + c] + count[b * n + c];
                }

                active[b] = false;
                size[a] += size[b];
                id[a] = n + tree._merges.Count - 1;
                remaining--;
            }
            else
            {
                chain.Add(best);
            }
        }

        // NN-chain finds merges out of height order; sort (stably) so cuts are well defined.
        var order = Enumerable.Range(0, tree._merges.Count).OrderBy(t => tree._merges[t].Height).ThenBy(t => t).ToArray();
        if (!order.SequenceEqual(Enumerable.Range(0, order.Length))) tree.Reorder(order);
        return tree;
    }

    /// <summary>Cuts the tree into <paramref name="k"/> clusters (undoing the last k − 1 merges). Labels are
    /// numbered in order of each cluster's first member.</summary>
    public int[] Cut(int k)
    {
        var parent = Enumerable.Range(0, _n + _merges.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }

        var merges = Math.Max(0, _n - Math.Max(1, k));
        for (var t = 0; t < merges && t < _merges.Count; t++)
        {
            var (a, b, _) = _merges[t];
            parent[Find(a)] = _n + t;
            parent[Find(b)] = _n + t;
        }

        var labels = new int[_n];
        for (var i = 0; i < _n; i++) labels[i] = Find(i);
        Louvain.Renumber(labels);
        return labels;
    }

    private void Reorder(int[] order)
    {
        // Re-express cluster ids after sorting merges by height.
        var newIndex = new int[order.Length];
        for (var t = 0; t < order.Length; t++) newIndex[order[t]] = t;
        var old = _merges.ToList();
        _merges.Clear();
        foreach (var t in order)
        {
            var (a, b, h) = old[t];
            int Map(int c) => c < _n ? c : _n + newIndex[c - _n];
            var (x, y) = (Map(a), Map(b));
            _merges.Add((Math.Min(x, y), Math.Max(x, y), h));
        }
    }
}
