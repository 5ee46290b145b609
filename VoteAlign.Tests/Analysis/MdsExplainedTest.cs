using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Analysis;

/// <summary>The MDS shares are λ² / Σλ² of the double-centred matrix: each in [0, 1] and together at most 1, even when
/// the agreement distances are far from Euclidean (sparse votes, unknown pairs filled with the mean).</summary>
public class MdsExplainedTest
{
    [TestCase(12, 40, 0.3, 1)]
    [TestCase(30, 25, 0.6, 2)]
    [TestCase(250, 60, 0.5, 3)]
    public void Mds_SparseVotes_SharesAreFractionsThatSumToAtMostOne(int members, int motions, double known, int seed)
    {
        var rng = new Random(seed);
        var b = new VoteMatrix.Builder([.. Enumerable.Range(0, members).Select(i => new MemberId($"m{i:000}"))],
            [.. Enumerable.Range(0, motions).Select(j => new MotionId($"v{j:000}"))]);
        for (var i = 0; i < members; i++)
            for (var j = 0; j < motions; j++)
                if (rng.NextDouble() < known) b.Set(i, j, (Vote)rng.Next(3));
        var result = MemberScaling.Run(b.Build(), new ScaleOptions(ScaleMethod.Mds, 2, MinShared: 3));
        Assert.That(result.Explained, Has.Length.EqualTo(2));
        Assert.That(result.Explained, Has.All.InRange(0.0, 1.0));
        Assert.That(result.Explained.Sum(), Is.LessThanOrEqualTo(1.0 + 1e-12));
        Assert.That(result.Explained[0], Is.GreaterThanOrEqualTo(result.Explained[1]), "dimensions in order of their eigenvalues");
    }
}
