using System.Runtime.CompilerServices;
using SimdVector = System.Numerics.Vector;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace VoteAlign.Core.Internal;

/// <summary>The few largest eigenpairs of a dense symmetric matrix. Classical MDS needs the top 2 of a members ×
/// members matrix and spectral clustering the top 25 or so; a full decomposition (MathNet's <c>Evd</c>) of a
/// 750 × 750 matrix costs about a second, while Lanczos iteration finds the top few in a few hundredths.</summary>
/// <remarks>
/// Lanczos with full reorthogonalisation (each new vector orthogonalised twice against all earlier ones), from a
/// fixed pseudo-random start, grows the Krylov space until every wanted Ritz pair has a residual below
/// 1e-10 × the largest Ritz value magnitude. A single start vector only sees one direction of a repeated eigenvalue, so
/// the result is then checked: a second Lanczos run restricted to the complement of the vectors found must not
/// find anything above the smallest eigenvalue kept. When it does (a repeated eigenvalue among the wanted ones),
/// when the Krylov space would grow past a third of the matrix, or for small matrices, the answer comes from the full
/// decomposition instead. Everything is deterministic: the start vectors are seeded and every sum runs in a fixed
/// order whatever the thread count.
/// </remarks>
internal static class SymmetricEigen
{
    /// <summary>Below this size the full decomposition is cheap and is always used.</summary>
    public const int DenseBelow = 200;

    /// <summary>The <paramref name="count"/> largest eigenvalues (descending) of the symmetric n × n matrix
    /// <paramref name="a"/> (row-major) and unit eigenvectors (<c>vectors[c][i]</c>, component i of vector c).</summary>
    /// <param name="a">The matrix, row-major, symmetric.</param>
    /// <param name="n">Its order.</param>
    /// <param name="count">How many eigenpairs (1 to n).</param>
    /// <param name="threads">Threads for the matrix–vector products (−1: all cores).</param>
    /// <param name="forceIterative">Use the iterative path whatever the size (for tests).</param>
    public static (double[] Values, double[][] Vectors) Largest(double[] a, int n, int count, int threads = -1, bool forceIterative = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length != n * n) throw new ArgumentException("The matrix is not n × n.", nameof(a));
        if (count < 1 || count > n) throw new ArgumentOutOfRangeException(nameof(count), "Between 1 and n eigenpairs.");
        if ((n >= DenseBelow || forceIterative) && count * 3 < n && Lanczos(a, n, count, threads) is { } found) return found;
        return Dense(a, n, count);
    }

    /// <summary>The full decomposition, top <paramref name="count"/> pairs.</summary>
    public static (double[] Values, double[][] Vectors) Dense(double[] a, int n, int count)
    {
        var evd = Matrix<double>.Build.Dense(n, n, (i, j) => a[i * n + j]).Evd(Symmetricity.Symmetric);
        var values = new double[count];
        var vectors = new double[count][];
        for (var c = 0; c < count; c++)
        {
            // Ascending from MathNet: the largest is last.
            var idx = n - 1 - c;
            values[c] = evd.EigenValues[idx].Real;
            vectors[c] = evd.EigenVectors.Column(idx).ToArray();
        }

        return (values, vectors);
    }

    private static (double[] Values, double[][] Vectors)? Lanczos(double[] a, int n, int count, int threads)
    {
        var limit = n / 3;
        var run = Krylov(a, n, count, [], limit, threads, seed: 17);
        if (run is null) return null;
        var (values, vectors) = run.Value;
        // The check for a missed copy of a repeated eigenvalue: the largest eigenvalue of A on the complement of the
        // vectors found must not exceed the smallest kept (beyond rounding).
        var check = Krylov(a, n, 1, vectors, limit, threads, seed: 29);
        if (check is null) return null;
        var scale = Math.Max(Math.Abs(values[0]), Math.Abs(values[^1]));
        var top = check.Value.Values[0];
        return top > values[^1] - 1e-8 * Math.Max(scale, 1e-300) ? null : (values, vectors);
    }

    /// <summary>Lanczos on A restricted to the orthogonal complement of <paramref name="deflate"/>; null when the
    /// wanted pairs do not converge within <paramref name="limit"/> steps.</summary>
    private static (double[] Values, double[][] Vectors)? Krylov(double[] a, int n, int count, double[][] deflate, int limit, int threads, int seed)
    {
        var rng = new Random(seed);
        var basis = new List<double[]>();
        var alpha = new List<double>();
        var beta = new List<double>();
        var q = RandomUnit(n, rng, deflate, basis);
        if (q is null) return null;
        var w = new double[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var next = Math.Min(limit, 2 * count + 20);
        while (true)
        {
            basis.Add(q);
            Multiply(a, n, q, w, parallel);
            alpha.Add(Dot(q, w));
            // Full reorthogonalisation, twice ("twice is enough"), also against the deflated directions.
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var v in deflate) Axpy(-Dot(v, w), v, w);
                foreach (var v in basis) Axpy(-Dot(v, w), v, w);
            }

            var norm = Math.Sqrt(Dot(w, w));
            if (basis.Count >= next || basis.Count == n - deflate.Length)
            {
                var ritz = Ritz(alpha, beta, basis.Count, count);
                if (ritz is { } r)
                {
                    var scale = Math.Max(Math.Abs(r.Values[0]), Math.Abs(r.Values[^1]));
                    var tolerance = 1e-10 * Math.Max(scale, 1e-300);
                    var converged = true;
                    for (var c = 0; c < count && converged; c++) converged = Math.Abs(norm * r.Last[c]) <= tolerance;
                    if (converged || basis.Count == n - deflate.Length) return (r.Values, Combine(basis, r.Coefficients, n));
                }

                if (basis.Count >= limit) return null;
                next = Math.Min(limit, basis.Count + Math.Max(10, basis.Count / 2));
            }

            double[]? nextQ;
            if (norm > 1e-12 * Math.Max(1, Math.Abs(alpha[^1])))
            {
                nextQ = new double[n];
                for (var i = 0; i < n; i++) nextQ[i] = w[i] / norm;
                beta.Add(norm);
            }
            else
            {
                // An invariant subspace: carry on from a fresh direction (the tridiagonal splits there).
                nextQ = RandomUnit(n, rng, deflate, basis);
                if (nextQ is null) return null;
                beta.Add(0);
            }

            q = nextQ;
        }
    }

    /// <summary>Eigenpairs of the m × m tridiagonal matrix: the top <paramref name="count"/> values (descending),
    /// their coefficient vectors, and each vector's last component (for the residual).</summary>
    private static (double[] Values, double[][] Coefficients, double[] Last)? Ritz(List<double> alpha, List<double> beta, int m, int count)
    {
        if (m < count) return null;
        var t = Matrix<double>.Build.Dense(m, m);
        for (var i = 0; i < m; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < m)
            {
                t[i, i + 1] = beta[i];
                t[i + 1, i] = beta[i];
            }
        }

        var evd = t.Evd(Symmetricity.Symmetric);
        var values = new double[count];
        var coefficients = new double[count][];
        var last = new double[count];
        for (var c = 0; c < count; c++)
        {
            var idx = m - 1 - c;
            values[c] = evd.EigenValues[idx].Real;
            coefficients[c] = evd.EigenVectors.Column(idx).ToArray();
            last[c] = coefficients[c][m - 1];
        }

        return (values, coefficients, last);
    }

    private static double[][] Combine(List<double[]> basis, double[][] coefficients, int n)
    {
        var vectors = new double[coefficients.Length][];
        for (var c = 0; c < coefficients.Length; c++)
        {
            var v = new double[n];
            for (var k = 0; k < basis.Count; k++) Axpy(coefficients[c][k], basis[k], v);
            var norm = Math.Sqrt(Dot(v, v));
            for (var i = 0; i < n; i++) v[i] /= norm;
            vectors[c] = v;
        }

        return vectors;
    }

    private static double[]? RandomUnit(int n, Random rng, double[][] deflate, List<double[]> basis)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var v = new double[n];
            for (var i = 0; i < n; i++) v[i] = rng.NextDouble() - 0.5;
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var d in deflate) Axpy(-Dot(d, v), d, v);
                foreach (var b in basis) Axpy(-Dot(b, v), b, v);
            }

            var norm = Math.Sqrt(Dot(v, v));
            if (norm < 1e-8) continue;
            for (var i = 0; i < n; i++) v[i] /= norm;
            return v;
        }

        return null;
    }

    private static void Multiply(double[] a, int n, double[] x, double[] y, ParallelOptions parallel)
    {
        const int chunk = 64;
        Parallel.For(0, (n + chunk - 1) / chunk, parallel, c =>
        {
            var end = Math.Min(n, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++) y[i] = Dot(a.AsSpan(i * n, n), x);
        });
    }

    /// <summary>A dot product in a fixed order (vector lanes, then the lanes summed, then the tail).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var acc = System.Numerics.Vector<double>.Zero;
        var width = System.Numerics.Vector<double>.Count;
        var i = 0;
        for (; i <= x.Length - width; i += width) acc += new System.Numerics.Vector<double>(x[i..]) * new System.Numerics.Vector<double>(y[i..]);
        var sum = SimdVector.Sum(acc);
        for (; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Axpy(double s, double[] x, double[] y)
    {
        var width = System.Numerics.Vector<double>.Count;
        var sv = new System.Numerics.Vector<double>(s);
        var i = 0;
        for (; i <= x.Length - width; i += width) (new System.Numerics.Vector<double>(y, i) + sv * new System.Numerics.Vector<double>(x, i)).CopyTo(y, i);
        for (; i < x.Length; i++) y[i] += s * x[i];
    }
}
