using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>The spectral embedding behind spectral clustering: a self-tuning affinity (Zelnik-Manor and Perona,
/// 2004) W_ij = exp(−d_ij² / (σ_i σ_j)), with σ_i the distance from i to its 7th nearest known neighbour, and
/// the eigenvectors of the normalised Laplacian L = I − D^−½ W D^−½ (MathNet <c>Evd</c>, symmetric; eigenvalues
/// ascending). Unknown distances give zero affinity. Eigenvector signs are fixed so each vector's largest-magnitude
/// entry is positive, since <c>Evd</c> returns arbitrary signs.</summary>
internal sealed class SpectralEmbedding
{
    private const int Neighbours = 7;

    private SpectralEmbedding(double[] eigenvalues, Matrix<double> vectors, double[,] affinity)
    {
        Eigenvalues = eigenvalues;
        _vectors = vectors;
        Affinity = affinity;
    }

    private readonly Matrix<double> _vectors;

    /// <summary>Eigenvalues of the normalised Laplacian, ascending, in [0, 2].</summary>
    public double[] Eigenvalues { get; }

    /// <summary>The affinity matrix (zero diagonal).</summary>
    public double[,] Affinity { get; }

    public static SpectralEmbedding Of(DistanceMatrix d)
    {
        var n = d.Count;
        var sigma = new double[n];
        var row = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            row.Clear();
            for (var j = 0; j < n; j++)
                if (j != i && !double.IsNaN(d[i, j])) row.Add(d[i, j]);
            row.Sort();
            sigma[i] = row.Count == 0 ? 1 : Math.Max(row[Math.Min(Neighbours, row.Count) - 1], 1e-6);
        }

        var w = new double[n, n];
        var degree = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (i == j || double.IsNaN(d[i, j])) continue;
                w[i, j] = Math.Exp(-d[i, j] * d[i, j] / (sigma[i] * sigma[j]));
                degree[i] += w[i, j];
            }

        var l = Matrix<double>.Build.Dense(n, n, (i, j) =>
        {
            var norm = degree[i] > 0 && degree[j] > 0 ? w[i, j] / Math.Sqrt(degree[i] * degree[j]) : 0;
            return (i == j ? 1 : 0) - norm;
        });
        var evd = l.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var vectors = evd.EigenVectors;
        for (var c = 0; c < n; c++)
        {
            var col = vectors.Column(c);
            var at = col.AbsoluteMaximumIndex();
            if (col[at] < 0) vectors.SetColumn(c, col.Negate());
        }

        return new SpectralEmbedding(values, vectors, w);
    }

    /// <summary>Rows of the first <paramref name="k"/> eigenvectors, each normalised to unit length (Ng, Jordan and Weiss).</summary>
    public double[][] Rows(int k)
    {
        var n = _vectors.RowCount;
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new double[k];
            double norm = 0;
            for (var c = 0; c < k; c++)
            {
                rows[i][c] = _vectors[i, c];
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
