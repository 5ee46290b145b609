using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Compare;
using VoteAlign.Core.Model;
using VoteAlign.Core.Analysis.Cohesion;

namespace VoteAlign.Tests.Analysis;

/// <summary>Rice, the Agreement Index, ARI, silhouette and modularity pinned to values computed by hand.</summary>
public class MetricsTest
{
    [TestCase(8, 2, 0.6, TestName = "Rice_8For2Against_Is0Point6")]
    [TestCase(5, 5, 0.0, TestName = "Rice_EvenSplit_IsZero")]
    [TestCase(7, 0, 1.0, TestName = "Rice_Unanimous_IsOne")]
    public void Rice_HandComputed(int f, int a, double expected) =>
        Assert.That(CohesionIndex.Rice(f, a), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void Rice_NobodyForOrAgainst_IsUnknown() => Assert.That(CohesionIndex.Rice(0, 0), Is.Null);

    // AI = (max − ½(total − max)) / total.
    [TestCase(8, 2, 0, 0.7, TestName = "AgreementIndex_8_2_0_Is0Point7")]
    [TestCase(5, 3, 2, 0.25, TestName = "AgreementIndex_5_3_2_Is0Point25")]
    [TestCase(1, 1, 1, 0.0, TestName = "AgreementIndex_ThreeWaySplit_IsZero")]
    [TestCase(10, 0, 0, 1.0, TestName = "AgreementIndex_Unanimous_IsOne")]
    [TestCase(0, 0, 4, 1.0, TestName = "AgreementIndex_AllAbstain_IsOne")]
    public void AgreementIndex_HandComputed(int f, int a, int b, double expected) =>
        Assert.That(CohesionIndex.AgreementIndex(f, a, b), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void AdjustedRand_Identical_IsOne_AndRelabellingDoesNotMatter()
    {
        Assert.That(Partitions.AdjustedRandIndex([0, 0, 1, 1, 2], [0, 0, 1, 1, 2]), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(Partitions.AdjustedRandIndex([0, 0, 1, 1, 2], [2, 2, 0, 0, 1]), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void AdjustedRand_CrossedHalves_IsMinusOneHalf()
    {
        // Contingency all ones: index 0; row and column sums 2 + 2 pairs... expected 2·2/6 = 2/3, max 2:
        // ARI = (0 − 2/3) / (2 − 2/3) = −0.5.
        Assert.That(Partitions.AdjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]), Is.EqualTo(-0.5).Within(1e-12));
    }

    [Test]
    public void AdjustedRand_TwoBlocsVersusThree_HandComputed()
    {
        // Table (2,1,0 / 0,1,2): index 2; rows 3+3 = 6; columns 1+1+1 = 3; expected 6·3/15 = 1.2; max 4.5.
        // ARI = 0.8 / 3.3.
        Assert.That(Partitions.AdjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), Is.EqualTo(0.8 / 3.3).Within(1e-12));
    }

    [Test]
    public void Silhouette_FourPointsOnALine_HandComputed()
    {
        // Points 0, 1, 5, 6 in two clusters. s(0) = (5.5 − 1)/5.5, s(1) = (4.5 − 1)/4.5, and symmetrically.
        var d = Line(0, 1, 5, 6);
        var s = Silhouette.Values(d, [0, 0, 1, 1]);
        Assert.That(s, Is.EqualTo(new[] { 4.5 / 5.5, 3.5 / 4.5, 3.5 / 4.5, 4.5 / 5.5 }).Within(1e-12));
        Assert.That(Silhouette.Mean(d, [0, 0, 1, 1]), Is.EqualTo((4.5 / 5.5 + 3.5 / 4.5) / 2).Within(1e-12));
    }

    [Test]
    public void Modularity_TwoTrianglesJoinedByAnEdge_IsFiveFourteenths()
    {
        // 7 edges; each triangle has 3 inside and degree sum 7: Q = 2 (3/7 − (7/14)²) = 5/14.
        var g = TwoTriangles();
        Assert.That(Modularity.Of(g, [0, 0, 0, 1, 1, 1]), Is.EqualTo(5.0 / 14).Within(1e-12));
        Assert.That(Modularity.Of(g, [0, 0, 0, 0, 0, 0]), Is.EqualTo(0.0).Within(1e-12));
    }

    [Test]
    public void Louvain_TwoTriangles_FindsTheTriangles()
    {
        var labels = Louvain.Communities(TwoTriangles(), 1.0, seed: 3);
        Assert.That(Partitions.AdjustedRandIndex(labels, [0, 0, 0, 1, 1, 1]), Is.EqualTo(1.0));
    }

    [Test]
    public void AverageLinkage_FourPoints_MergesNeighboursThenAtTheMeanDistance()
    {
        var tree = AverageLinkage.Build(Line(0, 1, 5, 6));
        Assert.That(tree.Merges.Select(m => m.Height), Is.EqualTo(new[] { 1.0, 1.0, 5.0 }).Within(1e-12));
        Assert.That(Partitions.AdjustedRandIndex(tree.Cut(2), [0, 0, 1, 1]), Is.EqualTo(1.0));
    }

    [Test]
    public void AverageLinkage_UnknownDistance_IsLeftOutOfTheMean()
    {
        // d(0,2) unknown: the cluster {0,1} is at mean(d(1,2)) = 4 from point 2, not (4 + NaN)/2.
        var d = Line(0, 1, 5);
        var values = new double[9];
        for (var a = 0; a < 3; a++)
            for (var b = 0; b < 3; b++) values[a * 3 + b] = d[a, b];
        values[2] = values[6] = double.NaN;
        var tree = AverageLinkage.Build(new DistanceMatrix(d.Members, values));
        Assert.That(tree.Merges[^1].Height, Is.EqualTo(4.0).Within(1e-12));
    }

    private static DistanceMatrix Line(params double[] x)
    {
        var n = x.Length;
        var d = new double[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++) d[a * n + b] = Math.Abs(x[a] - x[b]);
        return new DistanceMatrix([.. Enumerable.Range(0, n).Select(i => new MemberId($"p{i}"))], d);
    }

    private static WeightedGraph TwoTriangles()
    {
        var g = new WeightedGraph(6);
        foreach (var (a, b) in new[] { (0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3) }) g.Add(a, b, 1);
        return g;
    }
}
