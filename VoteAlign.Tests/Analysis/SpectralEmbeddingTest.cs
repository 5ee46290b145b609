using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Analysis;

/// <summary>The self-tuning scale σ_i of the spectral affinity, against the rule spelled out with a full sort.</summary>
public class SpectralEmbeddingTest
{
    [TestCase(1, 30, 0.0)]
    [TestCase(2, 30, 0.5)]
    [TestCase(3, 12, 0.9)]
    [TestCase(4, 9, 0.0)]
    public void NearestDistance_IsTheSeventhSmallestKnownDistance(int seed, int n, double unknownShare)
    {
        var rng = new Random(seed);
        var values = new double[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                // Few distinct values, so ties are common; some rows have fewer than seven known distances.
                values[a * n + b] = a == b ? 0 : rng.NextDouble() < unknownShare ? double.NaN : rng.Next(6) / 5.0;
        var d = new DistanceMatrix([.. Enumerable.Range(0, n).Select(i => new MemberId($"p{i}"))], values);
        var nearest = new double[7];
        for (var i = 0; i < n; i++)
        {
            var row = Enumerable.Range(0, n).Where(j => j != i && !double.IsNaN(d[i, j])).Select(j => d[i, j]).Order().ToList();
            var expected = row.Count == 0 ? 1 : Math.Max(row[Math.Min(7, row.Count) - 1], 1e-6);
            Assert.That(SpectralEmbedding.NearestDistance(d, i, nearest), Is.EqualTo(expected), $"row {i} ({row.Count} known)");
        }
    }
}
