using VoteAlign.Core.Internal;

namespace VoteAlign.Tests.Internal;

/// <summary>The iterative top-eigenpair solver against the full decomposition, on matrices built with a known
/// spectrum (Q Λ Qᵀ with a random orthogonal Q), including repeated eigenvalues among the wanted ones.</summary>
public class SymmetricEigenTest
{
    [TestCase(300, 2, false, 1, TestName = "Largest_DistinctSpectrum_Top2_MatchesKnownEigenvalues")]
    [TestCase(300, 25, false, 2, TestName = "Largest_DistinctSpectrum_Top25_MatchesKnownEigenvalues")]
    [TestCase(300, 8, true, 3, TestName = "Largest_RepeatedTopEigenvalue_MatchesKnownEigenvalues")]
    [TestCase(240, 13, true, 4, TestName = "Largest_RepeatedEigenvalueInTheMiddle_MatchesKnownEigenvalues")]
    public void Largest_KnownSpectrum_EigenpairsHold(int n, int count, bool repeated, int seed)
    {
        var rng = new Random(seed);
        // Eigenvalues: a few large ones, then a dense bulk in [-1, 1]; with `repeated`, some wanted values are tied.
        var spectrum = new double[n];
        for (var i = 0; i < n; i++) spectrum[i] = i < count + 2 ? 10 - i * 0.3 : rng.NextDouble() * 2 - 1;
        if (repeated)
        {
            spectrum[1] = spectrum[2] = spectrum[0];
            spectrum[count / 2 + 1] = spectrum[count / 2];
        }

        var a = Compose(spectrum, rng);
        var expected = spectrum.OrderDescending().Take(count).ToArray();
        var (values, vectors) = SymmetricEigen.Largest(a, n, count, forceIterative: true);

        Assert.That(values, Is.EqualTo(expected).Within(1e-8), "eigenvalues, descending");
        for (var c = 0; c < count; c++)
        {
            Assert.That(Residual(a, n, values[c], vectors[c]), Is.LessThan(1e-7), $"‖Av − λv‖ for pair {c}");
            for (var d = 0; d <= c; d++)
                Assert.That(SymmetricEigen.Dot(vectors[c], vectors[d]), Is.EqualTo(c == d ? 1 : 0).Within(1e-8), $"orthonormal {c}, {d}");
        }
    }

    [Test]
    public void Largest_AnyThreadCount_GivesTheSameBits()
    {
        var rng = new Random(9);
        var n = 260;
        var spectrum = Enumerable.Range(0, n).Select(i => i < 10 ? 5.0 - i * 0.2 : rng.NextDouble()).ToArray();
        var a = Compose(spectrum, rng);
        var one = SymmetricEigen.Largest(a, n, 6, threads: 1, forceIterative: true);
        var two = SymmetricEigen.Largest(a, n, 6, threads: 2, forceIterative: true);
        Assert.That(two.Values, Is.EqualTo(one.Values));
        for (var c = 0; c < 6; c++) Assert.That(two.Vectors[c], Is.EqualTo(one.Vectors[c]));
    }

    [Test]
    public void Largest_SmallMatrix_GivesTheTopEigenvaluesDescending()
    {
        // diag(3, 1, 2) rotated: the top two are 3 and 2 whichever path runs.
        var rng = new Random(5);
        var a = Compose([3, 1, 2], rng);
        var (values, _) = SymmetricEigen.Largest(a, 3, 2);
        Assert.That(values, Is.EqualTo(new[] { 3.0, 2.0 }).Within(1e-12));
    }

    private static double[] Compose(double[] spectrum, Random rng)
    {
        var n = spectrum.Length;
        // A random orthogonal Q by Gram–Schmidt on Gaussian columns.
        var q = new double[n][];
        for (var c = 0; c < n; c++)
        {
            var v = new double[n];
            for (var i = 0; i < n; i++) v[i] = Gaussian(rng);
            for (var pass = 0; pass < 2; pass++)
                for (var d = 0; d < c; d++)
                {
                    var dot = SymmetricEigen.Dot(v, q[d]);
                    for (var i = 0; i < n; i++) v[i] -= dot * q[d][i];
                }

            var norm = Math.Sqrt(SymmetricEigen.Dot(v, v));
            for (var i = 0; i < n; i++) v[i] /= norm;
            q[c] = v;
        }

        var a = new double[n * n];
        for (var c = 0; c < n; c++)
            for (var i = 0; i < n; i++)
            {
                var s = spectrum[c] * q[c][i];
                for (var j = 0; j < n; j++) a[i * n + j] += s * q[c][j];
            }

        for (var i = 0; i < n; i++)
            for (var j = 0; j < i; j++) a[i * n + j] = a[j * n + i] = (a[i * n + j] + a[j * n + i]) / 2;
        return a;
    }

    private static double Residual(double[] a, int n, double lambda, double[] v)
    {
        double worst = 0;
        for (var i = 0; i < n; i++)
        {
            var av = SymmetricEigen.Dot(a.AsSpan(i * n, n), v);
            worst = Math.Max(worst, Math.Abs(av - lambda * v[i]));
        }

        return worst;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
