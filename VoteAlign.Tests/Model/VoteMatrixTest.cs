using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Model;

/// <summary>The bit-packed matrix against a plain reference: a <c>Vote?[,]</c> array and loops that count.</summary>
public class VoteMatrixTest
{
    private static IEnumerable<TestCaseData> Shapes()
    {
        // Word boundaries are where bit-packing goes wrong: 63/64/65, 127/128/129, and shapes with no motions; and
        // 1,023/1,024/1,025 and 2,100, across the 16-word ranges the column counts are split into for threads.
        int[] motions = [0, 1, 2, 63, 64, 65, 100, 127, 128, 129, 191, 192, 193, 300, 1023, 1024, 1025, 2100];
        int[] members = [1, 2, 3, 7, 33];
        var seed = 1;
        foreach (var m in motions)
            foreach (var n in members)
                yield return new TestCaseData(n, m, seed++).SetName($"VoteMatrix_{n}x{m}_MatchesReference");
    }

    [TestCaseSource(nameof(Shapes))]
    public void Matrix_RandomShape_MatchesReference(int members, int motions, int seed)
    {
        var rng = new Random(seed);
        // Vary the density so some rows are nearly empty and some nearly full.
        var density = rng.NextDouble();
        var reference = new Vote?[members, motions];
        var positions = new List<Position>();
        var memberIds = Enumerable.Range(0, members).Select(i => new MemberId($"m{i}")).ToImmutableArray();
        var motionIds = Enumerable.Range(0, motions).Select(j => new MotionId($"v{j}")).ToImmutableArray();
        for (var i = 0; i < members; i++)
            for (var j = 0; j < motions; j++)
                if (rng.NextDouble() < density)
                {
                    var vote = (Vote)rng.Next(4);
                    reference[i, j] = vote;
                    positions.Add(new Position(memberIds[i], motionIds[j], vote, Basis.Recorded, null, null));
                }

        var matrix = VoteMatrix.FromPositions(memberIds, motionIds, positions);
        var agreement = AgreementMatrix.Compute(matrix);
        var counts = matrix.ColumnCounts();
        Assert.Multiple(() =>
        {
            for (var i = 0; i < members; i++)
            {
                for (var j = 0; j < motions; j++) Assert.That(matrix[i, j], Is.EqualTo(reference[i, j]), $"cell {i},{j}");
                Assert.That(matrix.KnownCount(i), Is.EqualTo(Enumerable.Range(0, motions).Count(j => reference[i, j] is not null)), $"known {i}");
                Assert.That(matrix.CastCount(i), Is.EqualTo(Enumerable.Range(0, motions).Count(j => reference[i, j] is Vote.For or Vote.Against or Vote.Abstain)), $"cast {i}");
                for (var k = 0; k < members; k++)
                {
                    var (shared, same) = ReferenceAgreement(reference, i, k);
                    Assert.That(matrix.Agreement(i, k), Is.EqualTo(new PairAgreement(shared, same)), $"pair {i},{k}");
                    Assert.That(agreement[i, k], Is.EqualTo(new PairAgreement(shared, same)), $"all-pairs {i},{k}");
                }
            }

            for (var j = 0; j < motions; j++)
            {
                var col = Enumerable.Range(0, members).Select(i => reference[i, j]).ToList();
                Assert.That(counts[j], Is.EqualTo((col.Count(v => v == Vote.For), col.Count(v => v == Vote.Against), col.Count(v => v == Vote.Abstain))), $"column {j}");
            }
        });
    }

    [TestCase(1023, 70, 1)]
    [TestCase(1024, 130, 2)]
    [TestCase(1500, 1100, 3)]
    public void ColumnCounts_ManyMembers_CountEveryValue(int members, int motions, int seed)
    {
        // Counts up to the member count itself (every bit of the widest count used), and motions where nobody cast that value.
        var rng = new Random(seed);
        var b = new VoteMatrix.Builder([.. Enumerable.Range(0, members).Select(i => new MemberId($"m{i}"))],
            [.. Enumerable.Range(0, motions).Select(j => new MotionId($"v{j}"))]);
        var expected = new (int For, int Against, int Abstain)[motions];
        for (var j = 0; j < motions; j++)
        {
            var kind = j % 4;
            for (var i = 0; i < members; i++)
            {
                var vote = kind == 0 ? Vote.For : kind == 1 ? Vote.Abstain : (Vote)rng.Next(4);
                if (kind == 3 && rng.Next(3) == 0) continue;
                b.Set(i, j, vote);
                if (vote == Vote.For) expected[j].For++;
                else if (vote == Vote.Against) expected[j].Against++;
                else if (vote == Vote.Abstain) expected[j].Abstain++;
            }
        }

        Assert.That(b.Build().ColumnCounts(), Is.EqualTo(expected));
    }

    [Test]
    public void Agreement_AbsentOnOneSide_IsNotCounted()
    {
        // Hand-computed: motions 0..3. a: for, against, abstain, absent; b: for, for, abstain, for.
        // Shared = motions 0,1,2 (motion 3: a absent) = 3; same = 0 and 2 = 2.
        var m = Build(2, 4, (0, 0, Vote.For), (0, 1, Vote.Against), (0, 2, Vote.Abstain), (0, 3, Vote.Absent),
            (1, 0, Vote.For), (1, 1, Vote.For), (1, 2, Vote.Abstain), (1, 3, Vote.For));
        var p = m.Agreement(0, 1);
        Assert.That((p.Shared, p.Same), Is.EqualTo((3, 2)));
        Assert.That(p.Value, Is.EqualTo(2.0 / 3.0).Within(1e-12));
    }

    [Test]
    public void Agreement_NoSharedVote_IsUnknownNotZero()
    {
        var m = Build(2, 2, (0, 0, Vote.For), (1, 1, Vote.Against));
        Assert.That(m.Agreement(0, 1).Value, Is.Null);
    }

    [Test]
    public void Agreement_IsSymmetricAndInUnitInterval()
    {
        var rng = new Random(42);
        var cells = new List<(int, int, Vote)>();
        for (var i = 0; i < 20; i++)
            for (var j = 0; j < 150; j++)
                if (rng.Next(3) > 0) cells.Add((i, j, (Vote)rng.Next(4)));
        var m = Build(20, 150, [.. cells]);
        var all = AgreementMatrix.Compute(m);
        for (var a = 0; a < 20; a++)
            for (var b = 0; b < 20; b++)
            {
                Assert.That(all[a, b], Is.EqualTo(all[b, a]));
                if (all[a, b].Value is { } v) Assert.That(v, Is.InRange(0.0, 1.0));
            }
    }

    [Test]
    public void Builder_SameCellTwice_Throws()
    {
        var b = new VoteMatrix.Builder([new MemberId("a")], [new MotionId("x")]);
        b.Set(0, 0, Vote.For);
        Assert.Throws<ArgumentException>(() => b.Set(0, 0, Vote.Against));
    }

    [Test]
    public void Indexer_OutOfRange_Throws()
    {
        var m = Build(1, 1, (0, 0, Vote.For));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = m[0, 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = m[1, 0]);
    }

    private static (int Shared, int Same) ReferenceAgreement(Vote?[,] r, int a, int b)
    {
        int shared = 0, same = 0;
        for (var j = 0; j < r.GetLength(1); j++)
        {
            if (r[a, j] is not { } x || r[b, j] is not { } y || x == Vote.Absent || y == Vote.Absent) continue;
            shared++;
            if (x == y) same++;
        }

        return (shared, same);
    }

    private static VoteMatrix Build(int members, int motions, params (int I, int J, Vote V)[] cells)
    {
        var b = new VoteMatrix.Builder(
            [.. Enumerable.Range(0, members).Select(i => new MemberId($"m{i}"))],
            [.. Enumerable.Range(0, motions).Select(j => new MotionId($"v{j}"))]);
        foreach (var (i, j, v) in cells) b.Set(i, j, v);
        return b.Build();
    }
}
