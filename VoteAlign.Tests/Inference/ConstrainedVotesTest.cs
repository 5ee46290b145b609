using VoteAlign.Core.Inference;

namespace VoteAlign.Tests.Inference;

/// <summary>The exact constrained distribution against brute-force enumeration of every assignment.</summary>
public class ConstrainedVotesTest
{
    private static IEnumerable<TestCaseData> Cases()
    {
        var rng = new Random(5);
        for (var t = 0; t < 40; t++)
        {
            var n = rng.Next(1, 7);
            var w = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.Next(4) == 0 ? 0.0 : rng.NextDouble()).ToArray()).ToArray();
            // Random requirement: each value fixed with probability 1/2; when all four are fixed they sum to n.
            var req = new int?[4];
            var left = n;
            for (var c = 0; c < 4; c++)
            {
                if (rng.Next(2) == 0) continue;
                var r = rng.Next(0, left + 1);
                req[c] = r;
                left -= r;
            }

            if (req.All(r => r is not null)) req[3] = req[3]!.Value + left;
            yield return new TestCaseData(w, req).SetName($"ConstrainedVotes_Random{t}_MatchesEnumeration");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Marginals_MatchBruteForce(double[][] w, int?[] req)
    {
        var n = w.Length;
        var totals = new double[n, 4];
        double z = 0;
        var best = double.NegativeInfinity;
        int[]? argmax = null;
        foreach (var a in All(n))
        {
            var ok = true;
            for (var c = 0; c < 4; c++)
                if (req[c] is { } r && a.Count(x => x == c) != r) ok = false;
            if (!ok) continue;
            var p = 1.0;
            for (var i = 0; i < n; i++) p *= w[i][a[i]];
            if (p <= 0) continue;
            z += p;
            for (var i = 0; i < n; i++) totals[i, a[i]] += p;
            if (Math.Log(p) > best + 1e-12)
            {
                best = Math.Log(p);
                argmax = a;
            }
        }

        var solver = new ConstrainedVotes(req);
        var marginals = solver.Marginals(w);
        if (z == 0)
        {
            Assert.That(marginals, Is.Null, "infeasible");
            Assert.That(solver.MostLikely(w), Is.Null);
            return;
        }

        for (var i = 0; i < n; i++)
            for (var c = 0; c < 4; c++)
                Assert.That(marginals![i][c], Is.EqualTo(totals[i, c] / z).Within(1e-9), $"member {i} value {c}");
        var most = solver.MostLikely(w)!;
        var score = Enumerable.Range(0, n).Sum(i => Math.Log(w[i][most[i]]));
        Assert.That(score, Is.EqualTo(best).Within(1e-9), "most likely is a maximum");
        // Every sample meets the counts.
        var rng = new Random(1);
        for (var s = 0; s < 20; s++)
        {
            var draw = solver.Sample(w, rng)!;
            for (var c = 0; c < 4; c++)
                if (req[c] is { } r) Assert.That(draw.Count(x => x == c), Is.EqualTo(r));
            Assert.That(Enumerable.Range(0, n).All(i => w[i][draw[i]] > 0), Is.True);
        }
    }

    private static IEnumerable<TestCaseData> Bounds() =>
        Cases().Select((c, t) => new TestCaseData(c.Arguments).SetName($"ConstrainedVotes_Random{t}_BoundIsAtLeastTheExactLog"));

    // The screening of the stance model skips a pattern on this bound: were it ever below the exact value, a pattern
    // that carries weight could be dropped.
    [TestCaseSource(nameof(Bounds))]
    public void LogBound_IsAtLeastLogNormaliser_WhichMatchesEnumeration(double[][] w, int?[] req)
    {
        double z = 0;
        foreach (var a in All(w.Length))
        {
            var p = 1.0;
            for (var i = 0; i < w.Length; i++) p *= w[i][a[i]];
            if (Enumerable.Range(0, 4).All(c => req[c] is not { } r || a.Count(x => x == c) == r)) z += p;
        }

        var solver = new ConstrainedVotes(req);
        var exact = solver.LogNormaliser(w);
        var bound = solver.LogBound(w);
        Assert.Multiple(() =>
        {
            Assert.That(exact, z > 0 ? Is.EqualTo(Math.Log(z)).Within(1e-9) : Is.EqualTo(double.NegativeInfinity), "exact");
            Assert.That(bound, Is.GreaterThanOrEqualTo(exact - 1e-9), "bound");
            // Never worse than λ = 0: the product of each participant's total weight on the values allowed at all.
            Assert.That(bound, Is.LessThanOrEqualTo(w.Sum(wi => Math.Log(Enumerable.Range(0, 4).Where(c => req[c] != 0).Sum(c => wi[c]))) + 1e-12));
        });
    }

    // Four members each for with probability ¼, exactly three for: Σ over assignments = C(4,3) (¼)³ ¾ = 3/64. The bound
    // 4 log(¼ e^λ + ¾) − 3λ is least where the tilted mean 4 · ¼e^λ / (¼e^λ + ¾) is 3, at e^λ = 9: 4 log 3 − 3 log 9 = log(1/9).
    [Test]
    public void LogBound_ThreeOfFourAtAQuarter_IsLogOneNinth()
    {
        var w = Enumerable.Range(0, 4).Select(_ => new[] { 0.25, 0.75, 0, 0 }).ToArray();
        var solver = new ConstrainedVotes([3, null, null, null]);
        Assert.Multiple(() =>
        {
            Assert.That(solver.LogNormaliser(w), Is.EqualTo(Math.Log(3.0 / 64)).Within(1e-12));
            Assert.That(solver.LogBound(w), Is.EqualTo(Math.Log(1.0 / 9)).Within(1e-9));
        });
    }

    // Every count fixed (the largest, for, implied): one against and one abstention among three members, nobody absent.
    // With each member's weights (½, ¼, ¼, 0) the exact sum is 3! · ½ · ¼ · ¼ = 3/16; the bound, over λ for against and
    // abstain, is least at e^λa = e^λb = 2 (each tilted mean ⅓ · 3 = 1): 3 log(½ + ½ + ½) − 2 log 2 = log(27/32).
    [Test]
    public void LogBound_AllCountsFixed_IsLogTwentySevenThirtySeconds()
    {
        var w = Enumerable.Range(0, 3).Select(_ => new[] { 0.5, 0.25, 0.25, 0 }).ToArray();
        var solver = new ConstrainedVotes([1, 1, 1, 0]);
        Assert.Multiple(() =>
        {
            Assert.That(solver.LogNormaliser(w), Is.EqualTo(Math.Log(3.0 / 16)).Within(1e-12));
            Assert.That(solver.LogBound(w), Is.EqualTo(Math.Log(27.0 / 32)).Within(1e-9));
        });
    }

    // Three for are required and only two members may vote for: no assignment, and the bound says so.
    [Test]
    public void LogBound_MoreRequiredThanCanTakeTheValue_IsMinusInfinity()
    {
        double[][] w = [[0.5, 0.5, 0, 0], [0.5, 0.5, 0, 0], [0, 1, 0, 0]];
        Assert.That(new ConstrainedVotes([3, null, null, null]).LogBound(w), Is.EqualTo(double.NegativeInfinity));
    }

    private static IEnumerable<int[]> All(int n)
    {
        var total = (int)Math.Pow(4, n);
        for (var code = 0; code < total; code++)
        {
            var a = new int[n];
            var x = code;
            for (var i = 0; i < n; i++)
            {
                a[i] = x % 4;
                x /= 4;
            }

            yield return a;
        }
    }
}
