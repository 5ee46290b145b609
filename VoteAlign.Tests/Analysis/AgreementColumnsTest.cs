using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Analysis;

/// <summary>Agreement restricted to some motions (the graph's contested-only agreement) against a plain count over
/// those motions.</summary>
public class AgreementColumnsTest
{
    [TestCase(7, 1, 1)]
    [TestCase(12, 64, 2)]
    [TestCase(20, 130, 3)]
    [TestCase(5, 200, 4)]
    public void Compute_WithColumns_CountsOnlyThoseMotions(int members, int motions, int seed)
    {
        var rng = new Random(seed);
        var cells = new Vote?[members, motions];
        var b = new VoteMatrix.Builder([.. Enumerable.Range(0, members).Select(i => new MemberId($"m{i:00}"))],
            [.. Enumerable.Range(0, motions).Select(j => new MotionId($"v{j:000}"))]);
        for (var i = 0; i < members; i++)
            for (var j = 0; j < motions; j++)
            {
                var r = rng.Next(5);
                if (r == 4) continue;
                cells[i, j] = (Vote)r;
                b.Set(i, j, (Vote)r);
            }

        var keep = Enumerable.Range(0, motions).Select(_ => rng.Next(3) > 0).ToArray();
        var matrix = b.Build();
        var direct = AgreementMatrix.Compute(matrix, keep, 2);
        // Counting the motions left out and subtracting them from the whole must give the same counts.
        var restricted = AgreementMatrix.Restrict(AgreementMatrix.Compute(matrix, 2), matrix, keep, 2);
        foreach (var agreement in new[] { direct, restricted })
        {
            for (var x = 0; x < members; x++)
                for (var y = 0; y < members; y++)
                {
                    int shared = 0, same = 0;
                    for (var j = 0; j < motions; j++)
                    {
                        if (!keep[j] || cells[x, j] is not { } vx || cells[y, j] is not { } vy || vx == Vote.Absent || vy == Vote.Absent) continue;
                        shared++;
                        if (vx == vy) same++;
                    }

                    Assert.That((agreement[x, y].Shared, agreement[x, y].Same), Is.EqualTo((shared, same)), $"pair {x}, {y}");
                }
        }
    }
}
