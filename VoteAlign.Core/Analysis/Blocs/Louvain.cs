namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>The Louvain method (Blondel et al., 2008): local moving of vertices to the neighbouring community that
/// most increases modularity, then aggregation of communities into vertices, repeated until no move helps.
/// Deterministic: vertices are visited in a seeded random order, ties go to the lower community index.</summary>
internal static class Louvain
{
    public static int[] Communities(WeightedGraph graph, double resolution, int seed)
    {
        var n = graph.VertexCount;
        var membership = Enumerable.Range(0, n).ToArray();
        var current = graph;
        var rng = new Random(seed);
        while (true)
        {
            var local = MoveNodes(current, resolution, rng, out var moved);
            var k = Renumber(local);
            for (var v = 0; v < n; v++) membership[v] = local[membership[v]];
            if (!moved || k == current.VertexCount) break;
            current = Aggregate(current, local, k);
        }

        Renumber(membership);
        return membership;
    }

    private static int[] MoveNodes(WeightedGraph g, double resolution, Random rng, out bool movedAny)
    {
        var n = g.VertexCount;
        var community = Enumerable.Range(0, n).ToArray();
        var degree = new double[n];
        var total = new double[n];
        for (var v = 0; v < n; v++) total[v] = degree[v] = g.Degree(v);
        var m2 = 2 * g.TotalWeight;
        movedAny = false;
        if (m2 <= 0) return community;
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var weightTo = new Dictionary<int, double>();
        var improved = true;
        var passes = 0;
        while (improved && passes++ < 100)
        {
            improved = false;
            foreach (var v in order)
            {
                weightTo.Clear();
                foreach (var (to, w) in g.Neighbours(v))
                    if (to != v) weightTo[community[to]] = weightTo.GetValueOrDefault(community[to]) + w;
                var own = community[v];
                total[own] -= degree[v];
                // Gain of putting v into c (up to a constant): w(v, c) − γ · deg(v) · tot(c) / 2m.
                var best = own;
                var bestGain = weightTo.GetValueOrDefault(own) - resolution * degree[v] * total[own] / m2;
                foreach (var (c, w) in weightTo.OrderBy(p => p.Key))
                {
                    var gain = w - resolution * degree[v] * total[c] / m2;
                    if (gain > bestGain + 1e-12)
                    {
                        best = c;
                        bestGain = gain;
                    }
                }

                total[best] += degree[v];
                if (best != own)
                {
                    community[v] = best;
                    improved = true;
                    movedAny = true;
                }
            }
        }

        return community;
    }

    private static WeightedGraph Aggregate(WeightedGraph g, int[] community, int k)
    {
        var weights = new Dictionary<(int, int), double>();
        for (var v = 0; v < g.VertexCount; v++)
            foreach (var (to, w) in g.Neighbours(v))
            {
                var (a, b) = (community[v], community[to]);
                if (v > to) continue; // each undirected edge once (self-loops have v == to)
                var key = a <= b ? (a, b) : (b, a);
                weights[key] = weights.GetValueOrDefault(key) + w;
            }

        var aggregated = new WeightedGraph(k);
        foreach (var ((a, b), w) in weights.OrderBy(p => p.Key)) aggregated.Add(a, b, w);
        return aggregated;
    }

    /// <summary>Renumbers labels to 0..k−1 in order of first appearance; returns k.</summary>
    internal static int Renumber(int[] labels)
    {
        var map = new Dictionary<int, int>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (!map.TryGetValue(labels[i], out var l)) map[labels[i]] = l = map.Count;
            labels[i] = l;
        }

        return map.Count;
    }
}
