using VoteAlign.Core.Internal;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>The spectral embedding behind spectral clustering: a self-tuning affinity (Zelnik-Manor and Perona,
/// 2004) W_ij = exp(−d_ij² / (σ_i σ_j)), with σ_i the distance from i to its 7th nearest known neighbour, and
/// the first eigenvectors of the normalised Laplacian L = I − D^−½ W D^−½ (eigenvalues ascending), found as the
/// largest eigenpairs of D^−½ W D^−½ by <see cref="SymmetricEigen"/>. Unknown distances give zero affinity.
/// Eigenvector signs are fixed so each vector's largest-magnitude entry is positive, since eigensolvers return
/// arbitrary signs.</summary>
internal sealed class SpectralEmbedding
{
    private const int Neighbours = 7;

    private SpectralEmbedding(double[] eigenvalues, double[][] vectors, double[,] affinity)
    {
        Eigenvalues = eigenvalues;
        _vectors = vectors;
        Affinity = affinity;
    }

    private readonly double[][] _vectors;

    /// <summary>The first eigenvalues of the normalised Laplacian, ascending, in [0, 2] (as many as were asked for).</summary>
    public double[] Eigenvalues { get; }

    /// <summary>The affinity matrix (zero diagonal).</summary>
    public double[,] Affinity { get; }

    /// <summary>The embedding with the first <paramref name="count"/> eigenpairs (at most the member count).</summary>
    public static SpectralEmbedding Of(DistanceMatrix d, int count, int threads)
    {
        var n = d.Count;
        var sigma = new double[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        // Row by row, each on its own (same values for any number of threads).
        Parallel.For(0, n, parallel, () => new double[Neighbours], (i, _, nearest) =>
        {
            sigma[i] = NearestDistance(d, i, nearest);
            return nearest;
        }, _ => { });

        var w = new double[n, n];
        var degree = new double[n];
        Parallel.For(0, n, parallel, i =>
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j || double.IsNaN(d[i, j])) continue;
                w[i, j] = Math.Exp(-d[i, j] * d[i, j] / (sigma[i] * sigma[j]));
                degree[i] += w[i, j];
            }
        });

        var m = new double[n * n];
        Parallel.For(0, n, parallel, i =>
        {
            for (var j = 0; j < n; j++)
                m[i * n + j] = degree[i] > 0 && degree[j] > 0 ? w[i, j] / Math.Sqrt(degree[i] * degree[j]) : 0;
        });
        var (mu, vectors) = SymmetricEigen.Largest(m, n, Math.Clamp(count, 1, n), threads);
        var values = mu.Select(x => 1 - x).ToArray();
        foreach (var v in vectors)
        {
            var at = 0;
            for (var i = 1; i < n; i++)
                if (Math.Abs(v[i]) > Math.Abs(v[at])) at = i;
            if (v[at] < 0)
                for (var i = 0; i < n; i++) v[i] = -v[i];
        }

        return new SpectralEmbedding(values, vectors, w);
    }

    /// <summary>σ_i: the distance from <paramref name="i"/> to its 7th nearest known neighbour (the farthest one when it
    /// has fewer; 1 when none), at least 1e-6. The nearest distances are kept in order in <paramref name="nearest"/>
    /// as the row is read: the value a full sort of the row would give, without sorting it.</summary>
    internal static double NearestDistance(DistanceMatrix d, int i, double[] nearest)
    {
        var kept = 0;
        for (var j = 0; j < d.Count; j++)
        {
            var x = d[i, j];
            if (j == i || double.IsNaN(x) || (kept == nearest.Length && x >= nearest[kept - 1])) continue;
            var at = kept == nearest.Length ? kept - 1 : kept++;
            for (; at > 0 && nearest[at - 1] > x; at--) nearest[at] = nearest[at - 1];
            nearest[at] = x;
        }

        return kept == 0 ? 1 : Math.Max(nearest[kept - 1], 1e-6);
    }

    /// <summary>Rows of the first <paramref name="k"/> eigenvectors, each normalised to unit length (Ng, Jordan and Weiss).</summary>
    public double[][] Rows(int k)
    {
        if (k > _vectors.Length) throw new ArgumentOutOfRangeException(nameof(k), "More eigenvectors than were computed.");
        var n = Affinity.GetLength(0);
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new double[k];
            double norm = 0;
            for (var c = 0; c < k; c++)
            {
                rows[i][c] = _vectors[c][i];
                norm += rows[i][c] * rows[i][c];
            }

            norm = Math.Sqrt(norm);
            if (norm > 0)
                for (var c = 0; c < k; c++) rows[i][c] /= norm;
        }

        return rows;
    }

    /// <summary>The eigengap after the k-th eigenvalue: λ_(k+1) − λ_k (1-based), for choosing k.</summary>
    public double Gap(int k) => k < Eigenvalues.Length ? Eigenvalues[k] - Eigenvalues[k - 1] : 0;
}
