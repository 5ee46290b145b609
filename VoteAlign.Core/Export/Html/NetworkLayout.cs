namespace VoteAlign.Core.Export.Html;

/// <summary>A seeded force-directed layout (Fruchterman and Reingold, 1991) in the unit square: every pair repels,
/// edges attract in proportion to their weight. It starts from given coordinates (the MDS map, so blocs start apart)
/// with a little seeded jitter, and runs a fixed number of steps with a linearly falling temperature: the same input
/// gives the same layout. Cost: steps × n² / 2 pair updates (750 members, 120 steps: about 34 million).</summary>
internal static class NetworkLayout
{
    public static (double X, double Y)[] Place(int n, IReadOnlyList<(int A, int B, double Weight)> edges, (double X, double Y)?[] start, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var known = start.Where(s => s is not null).Select(s => s!.Value).ToList();
        var (minX, maxX) = known.Count > 0 ? (known.Min(p => p.X), known.Max(p => p.X)) : (0.0, 1.0);
        var (minY, maxY) = known.Count > 0 ? (known.Min(p => p.Y), known.Max(p => p.Y)) : (0.0, 1.0);
        var span = Math.Max(Math.Max(maxX - minX, maxY - minY), 1e-9);
        for (var i = 0; i < n; i++)
        {
            var (jx, jy) = (rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
            if (start[i] is { } s)
            {
                x[i] = 0.1 + 0.8 * (s.X - minX) / span + 0.02 * jx;
                y[i] = 0.1 + 0.8 * (s.Y - minY) / span + 0.02 * jy;
            }
            else
            {
                x[i] = 0.5 + 0.8 * jx;
                y[i] = 0.5 + 0.8 * jy;
            }
        }

        if (n < 2) return [.. x.Zip(y, (a, b) => (0.5, 0.5))];
        var k = Math.Sqrt(1.0 / n);
        var steps = n <= 200 ? 300 : 120;
        var dx = new double[n];
        var dy = new double[n];
        for (var step = 0; step < steps; step++)
        {
            Array.Clear(dx);
            Array.Clear(dy);
            for (var a = 0; a < n; a++)
                for (var b = a + 1; b < n; b++)
                {
                    var ux = x[a] - x[b];
                    var uy = y[a] - y[b];
                    var d2 = Math.Max(ux * ux + uy * uy, 1e-8);
                    var f = k * k / d2; // repulsion k²/d, along the unit vector (u / d)
                    dx[a] += ux * f; dy[a] += uy * f;
                    dx[b] -= ux * f; dy[b] -= uy * f;
                }

            foreach (var (a, b, w) in edges)
            {
                var ux = x[a] - x[b];
                var uy = y[a] - y[b];
                var d = Math.Sqrt(ux * ux + uy * uy);
                var f = w * d / k; // attraction w·d²/k, along the unit vector
                dx[a] -= ux * f; dy[a] -= uy * f;
                dx[b] += ux * f; dy[b] += uy * f;
            }

            var temperature = 0.08 * (1 - (double)step / steps) + 0.002;
            for (var i = 0; i < n; i++)
            {
                // Gravity towards the centre keeps members without edges on the page.
                dx[i] += (0.5 - x[i]) * k * 2;
                dy[i] += (0.5 - y[i]) * k * 2;
                var len = Math.Sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (len <= 0) continue;
                var move = Math.Min(len, temperature);
                x[i] += dx[i] / len * move;
                y[i] += dy[i] / len * move;
            }
        }

        // Fit into the unit square with a margin.
        var (lx, hx, ly, hy) = (x.Min(), x.Max(), y.Min(), y.Max());
        var scale = Math.Max(Math.Max(hx - lx, hy - ly), 1e-9);
        return [.. Enumerable.Range(0, n).Select(i => ((x[i] - lx) / scale + (1 - (hx - lx) / scale) / 2, (y[i] - ly) / scale + (1 - (hy - ly) / scale) / 2))];
    }
}
