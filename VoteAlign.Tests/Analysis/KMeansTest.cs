using VoteAlign.Core.Analysis.Blocs;

namespace VoteAlign.Tests.Analysis;

/// <summary>k-means restarts run in parallel yet pick what one-after-another restarts from one seeded generator pick.</summary>
public class KMeansTest
{
    [TestCase(1, 40, 3, false)]
    [TestCase(2, 7, 5, false)]
    [TestCase(3, 25, 4, true)]
    public void Run_TakesExactlyOneDrawPerCentre(int seed, int n, int k, bool identicalPoints)
    {
        var points = Points(new Random(seed), n, identicalPoints);
        var rng = new Random(seed);
        KMeans.Run(points, k, rng, 300, out _);
        var reference = new Random(seed);
        for (var d = 0; d < k; d++) reference.NextDouble();
        Assert.That(rng.NextDouble(), Is.EqualTo(reference.NextDouble()));
    }

    [TestCase(1, 60, 3)]
    [TestCase(5, 200, 6)]
    [TestCase(9, 13, 4)]
    public void Cluster_AnyThreadCount_IsTheSequentialRestartsChoice(int seed, int n, int k)
    {
        var points = Points(new Random(seed), n, false);
        // The restarts one after another, all drawing from one generator.
        var rng = new Random(seed);
        int[]? expected = null;
        var bestCost = double.PositiveInfinity;
        for (var r = 0; r < 10; r++)
        {
            var labels = KMeans.Run(points, k, rng, 300, out var cost);
            if (cost < bestCost - 1e-12) (expected, bestCost) = (labels, cost);
        }

        Louvain.Renumber(expected!);
        Assert.Multiple(() =>
        {
            Assert.That(KMeans.Cluster(points, k, seed, threads: 1), Is.EqualTo(expected));
            Assert.That(KMeans.Cluster(points, k, seed, threads: 2), Is.EqualTo(expected));
            Assert.That(KMeans.Cluster(points, k, seed), Is.EqualTo(expected));
        });
    }

    // Clumps around a few random centres in 3-D, so restarts can differ in where they settle; or one point repeated
    // (every squared distance 0: the seeding's other branch).
    private static double[][] Points(Random rng, int n, bool identical)
    {
        var centres = Enumerable.Range(0, 5).Select(_ => new[] { rng.NextDouble() * 4, rng.NextDouble() * 4, rng.NextDouble() * 4 }).ToArray();
        return [.. Enumerable.Range(0, n).Select(_ =>
        {
            if (identical) return new[] { 1.0, 2.0, 3.0 };
            var c = centres[rng.Next(centres.Length)];
            return new[] { c[0] + rng.NextDouble(), c[1] + rng.NextDouble(), c[2] + rng.NextDouble() };
        })];
    }
}
