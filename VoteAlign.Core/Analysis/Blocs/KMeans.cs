using System.Runtime.CompilerServices;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>Lloyd's k-means with k-means++ seeding and seeded restarts; the run with the lowest within-cluster sum
/// of squares wins. Deterministic for a given seed, whatever the number of threads.</summary>
internal static class KMeans
{
    public static int[] Cluster(double[][] points, int k, int seed, int restarts = 10, int maxIterations = 300, int threads = -1)
    {
        var n = points.Length;
        if (n == 0) return [];
        k = Math.Min(k, n);
        // The restarts draw their seeds from one seeded generator, k draws each (see Run): restart r's generator is that
        // one advanced by r·k draws, so the restarts run in parallel and draw what they would one after another.
        var labels = new int[restarts][];
        var costs = new double[restarts];
        Parallel.For(0, restarts, new ParallelOptions { MaxDegreeOfParallelism = threads }, r =>
        {
            var rng = new Random(seed);
            for (var d = 0; d < r * k; d++) rng.NextDouble();
            labels[r] = Run(points, k, rng, maxIterations, out costs[r]);
        });
        int[]? best = null;
        var bestCost = double.PositiveInfinity;
        for (var r = 0; r < restarts; r++)
        {
            if (costs[r] < bestCost - 1e-12)
            {
                bestCost = costs[r];
                best = labels[r];
            }
        }

        Louvain.Renumber(best!);
        return best!;
    }

    /// <summary>One k-means run from a k-means++ seeding; takes exactly k draws from <paramref name="rng"/> (one per
    /// centre; a draw is one step of the seeded generator whether it is an integer or a double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int[] Run(double[][] x, int k, Random rng, int maxIterations, out double cost)
    {
        var n = x.Length;
        var dims = x[0].Length;
        var centres = new double[k][];
        // k-means++: each next centre drawn with probability proportional to squared distance to the nearest one.
        centres[0] = (double[])x[rng.Next(n)].Clone();
        var nearest = new double[n];
        for (var i = 0; i < n; i++) nearest[i] = Sq(x[i], centres[0]);
        for (var c = 1; c < k; c++)
        {
            var total = nearest.Sum();
            var pick = 0;
            if (total > 0)
            {
                var u = rng.NextDouble() * total;
                for (pick = 0; pick < n - 1; pick++)
                {
                    u -= nearest[pick];
                    if (u <= 0) break;
                }
            }
            else
            {
                pick = rng.Next(n);
            }

            centres[c] = (double[])x[pick].Clone();
            for (var i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], Sq(x[i], centres[c]));
        }

        var labels = new int[n];
        var counts = new int[k];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var best = 0;
                var bestD = double.PositiveInfinity;
                for (var c = 0; c < k; c++)
                {
                    var d = Sq(x[i], centres[c]);
                    if (d < bestD)
                    {
                        bestD = d;
                        best = c;
                    }
                }

                if (labels[i] != best || iteration == 0)
                {
                    changed |= labels[i] != best;
                    labels[i] = best;
                }
            }

            if (!changed && iteration > 0) break;
            foreach (var c in centres) Array.Clear(c);
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                for (var d = 0; d < dims; d++) centres[labels[i]][d] += x[i][d];
            }

            for (var c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    // An empty cluster takes the point farthest from its centre.
                    var far = 0;
                    var farD = -1.0;
                    for (var i = 0; i < n; i++)
                    {
                        var d = Sq(x[i], centres[labels[i]]);
                        if (d > farD)
                        {
                            farD = d;
                            far = i;
                        }
                    }

                    centres[c] = (double[])x[far].Clone();
                    continue;
                }

                for (var d = 0; d < dims; d++) centres[c][d] /= counts[c];
            }
        }

        cost = 0;
        for (var i = 0; i < n; i++) cost += Sq(x[i], centres[labels[i]]);
        return labels;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Sq(double[] a, double[] b)
    {
        double s = 0;
        for (var d = 0; d < a.Length; d++)
        {
            var t = a[d] - b[d];
            s += t * t;
        }

        return s;
    }
}
