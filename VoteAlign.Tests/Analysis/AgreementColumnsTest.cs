using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Analysis;

/// <summary>Agreement restricted to some motions (the graph's contested-only agreement) against a plain count over
/// those motions, by every path the kernel has: a masked sweep, the restricted counts fused into the sweep over all
/// motions (few motions left out) or a second sweep (many left out), each with the vector kernel and without.</summary>
public class AgreementColumnsTest
{
    // Sizes cover a member count that is not a multiple of the 4-row block, rows shorter than one 4-word vector, rows
    // with a scalar tail, and rows longer than the 31 vectors whose byte counts are summed in place.
    [TestCase(7, 1, 1, 3)]
    [TestCase(12, 64, 2, 3)]
    [TestCase(20, 130, 3, 3)]
    [TestCase(5, 200, 4, 3)]
    [TestCase(11, 300, 5, 3)]
    [TestCase(9, 8100, 6, 3)]
    [TestCase(10, 1000, 7, 400)]
    [TestCase(13, 8200, 8, 4000)]
    public void Compute_WithColumns_CountsOnlyThoseMotions(int members, int motions, int seed, int leaveOutOneIn)
    {
        var rng = new Random(seed);
        var (matrix, cells) = RandomMatrix(rng, members, motions);
        var keep = Enumerable.Range(0, motions).Select(_ => rng.Next(leaveOutOneIn) > 0).ToArray();
        foreach (var vectorised in new[] { false, true })
        {
            var direct = AgreementMatrix.Sweep(matrix, keep, null, 2, vectorised).Whole;
            var (whole, restricted) = AgreementMatrix.ComputeWithRestriction(matrix, keep, 2, vectorised);
            // The restricted counts taken in the same sweep, whatever the choice between one sweep and two above.
            var fused = AgreementMatrix.Sweep(matrix, null, keep, 2, vectorised);
            AssertCounts(fused.Restricted ?? fused.Whole, cells, keep, $"fused, vectorised {vectorised}");
            AssertCounts(fused.Whole, cells, null, $"fused whole, vectorised {vectorised}");
            AssertCounts(direct, cells, keep, $"masked sweep, vectorised {vectorised}");
            AssertCounts(restricted, cells, keep, $"restricted, vectorised {vectorised}");
            AssertCounts(whole, cells, null, $"whole, vectorised {vectorised}");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Compute_VectorAndScalarKernels_GiveTheSameCounts(int threads)
    {
        Assume.That(System.Runtime.Intrinsics.X86.Avx2.IsSupported, "the vector kernel needs AVX2; without it both runs are the scalar kernel");
        var rng = new Random(11);
        var (matrix, _) = RandomMatrix(rng, 23, 777);
        var scalar = AgreementMatrix.Sweep(matrix, null, null, threads, vectorised: false).Whole;
        var vector = AgreementMatrix.Sweep(matrix, null, null, threads, vectorised: true).Whole;
        for (var a = 0; a < 23; a++)
            for (var b = 0; b < 23; b++)
                Assert.That(vector[a, b], Is.EqualTo(scalar[a, b]), $"pair {a}, {b}");
    }

    [Test]
    public void Compute_EveryoneVotesAlikeOnLongRows_NoByteCountOverflows()
    {
        Assume.That(System.Runtime.Intrinsics.X86.Avx2.IsSupported, "the vector kernel needs AVX2; without it both runs are the scalar kernel");
        // Every bit set: each byte of the vector kernel's in-place counts grows by 8 a vector, the most it can.
        const int members = 6, motions = 9000;
        var b = new VoteMatrix.Builder([.. Enumerable.Range(0, members).Select(i => new MemberId($"m{i}"))],
            [.. Enumerable.Range(0, motions).Select(j => new MotionId($"v{j}"))]);
        for (var i = 0; i < members; i++)
            for (var j = 0; j < motions; j++) b.Set(i, j, j % 7 == 0 ? Vote.Abstain : Vote.For);
        var agreement = AgreementMatrix.Sweep(b.Build(), null, null, 1, vectorised: true).Whole;
        for (var x = 0; x < members; x++)
            for (var y = 0; y < members; y++)
                Assert.That((agreement[x, y].Shared, agreement[x, y].Same), Is.EqualTo((motions, motions)), $"pair {x}, {y}");
    }

    [Test]
    public void ComputeWithRestriction_EveryMotionKept_IsTheWholeAgreement()
    {
        var (matrix, _) = RandomMatrix(new Random(3), 6, 90);
        var (whole, restricted) = AgreementMatrix.ComputeWithRestriction(matrix, [.. Enumerable.Repeat(true, 90)]);
        Assert.That(restricted, Is.SameAs(whole));
    }

    [Test]
    public void Sweep_RestrictedInTheSameSweep_HandCounted()
    {
        // Motions 0..3; motion 2 is left out.
        //   a: for, against, for, abstain
        //   b: for, for,     for, abstain
        //   c: –,   against, against, absent
        var b = new VoteMatrix.Builder([new MemberId("a"), new MemberId("b"), new MemberId("c")],
            [new MotionId("0"), new MotionId("1"), new MotionId("2"), new MotionId("3")]);
        foreach (var (i, j, v) in new[]
                 {
                     (0, 0, Vote.For), (0, 1, Vote.Against), (0, 2, Vote.For), (0, 3, Vote.Abstain),
                     (1, 0, Vote.For), (1, 1, Vote.For), (1, 2, Vote.For), (1, 3, Vote.Abstain),
                     (2, 1, Vote.Against), (2, 2, Vote.Against), (2, 3, Vote.Absent),
                 })
            b.Set(i, j, v);
        var (whole, restricted) = AgreementMatrix.Sweep(b.Build(), null, [true, true, false, true], 1, vectorised: false);
        Assert.That(restricted, Is.Not.Null);
        Assert.That((whole[0, 1].Shared, whole[0, 1].Same), Is.EqualTo((4, 3)));
        Assert.That((restricted![0, 1].Shared, restricted[0, 1].Same), Is.EqualTo((3, 2)));
        Assert.That((whole[0, 2].Shared, whole[0, 2].Same), Is.EqualTo((2, 1)));
        Assert.That((restricted[2, 0].Shared, restricted[2, 0].Same), Is.EqualTo((1, 1)));
        Assert.That((restricted[1, 2].Shared, restricted[1, 2].Same), Is.EqualTo((1, 0)));
        Assert.That((restricted[2, 2].Shared, restricted[2, 2].Same), Is.EqualTo((1, 1)));
    }

    private static (VoteMatrix Matrix, Vote?[,] Cells) RandomMatrix(Random rng, int members, int motions)
    {
        var cells = new Vote?[members, motions];
        var b = new VoteMatrix.Builder([.. Enumerable.Range(0, members).Select(i => new MemberId($"m{i:00}"))],
            [.. Enumerable.Range(0, motions).Select(j => new MotionId($"v{j:0000}"))]);
        for (var i = 0; i < members; i++)
            for (var j = 0; j < motions; j++)
            {
                var r = rng.Next(5);
                if (r == 4) continue;
                cells[i, j] = (Vote)r;
                b.Set(i, j, (Vote)r);
            }

        return (b.Build(), cells);
    }

    private static void AssertCounts(AgreementMatrix agreement, Vote?[,] cells, bool[]? keep, string what)
    {
        var (members, motions) = (cells.GetLength(0), cells.GetLength(1));
        for (var x = 0; x < members; x++)
            for (var y = 0; y < members; y++)
            {
                int shared = 0, same = 0;
                for (var j = 0; j < motions; j++)
                {
                    if (keep is not null && !keep[j]) continue;
                    if (cells[x, j] is not { } vx || cells[y, j] is not { } vy || vx == Vote.Absent || vy == Vote.Absent) continue;
                    shared++;
                    if (vx == vy) same++;
                }

                Assert.That((agreement[x, y].Shared, agreement[x, y].Same), Is.EqualTo((shared, same)), $"{what}: pair {x}, {y}");
            }
    }
}
