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
