using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Analysis;

public class ScalingTest
{
    private static readonly Lazy<SimulatedRollCall> OneD = new(() => RollCallSimulator.Generate(new SimulationOptions(450, 1000, 4, 1, Seed: 31)));

    private static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var (ma, mb) = (a.Average(), b.Average());
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    [TestCase(ScaleMethod.Mds)]
    [TestCase(ScaleMethod.Irt)]
    public void Dimension1_CorrelatesWithTrueIdealPoints(ScaleMethod method)
    {
        var sim = OneD.Value;
        var r = MemberScaling.Run(sim.Matrix, new ScaleOptions(method, 1));
        var r1 = Correlation([.. r.Members.Select(p => p.Dim1!.Value)], [.. sim.IdealPoints.Select(x => x[0])]);
        TestContext.Out.WriteLine($"{method}: r = {r1:0.000}");
        Assert.That(Math.Abs(r1), Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public void Irt_StandardErrors_ArePositiveAndShrinkWithMoreVotes()
    {
        var sim = RollCallSimulator.Generate(new SimulationOptions(60, 300, 2, 1, Seed: 4));
        var full = MemberScaling.Run(sim.Matrix, new ScaleOptions(ScaleMethod.Irt, 1));
        Assert.That(full.Members.Select(p => p.Se1), Has.All.GreaterThan(0.0));
        // The same chamber with only the first 60 motions: every member's standard error grows.
        var fewer = sim.Matrix.SelectColumns([.. Enumerable.Range(0, 60)]);
        var part = MemberScaling.Run(fewer, new ScaleOptions(ScaleMethod.Irt, 1));
        Assert.That(part.Members.Select(p => p.Se1!.Value).Average(), Is.GreaterThan(full.Members.Select(p => p.Se1!.Value).Average()));
    }

    [Test]
    public void Irt_IsIdentifiedToMeanZeroAndUnitSd()
    {
        var r = MemberScaling.Run(OneD.Value.Matrix, new ScaleOptions(ScaleMethod.Irt, 1));
        var x = r.Members.Select(p => p.Dim1!.Value).ToList();
        var mean = x.Average();
        Assert.That(mean, Is.EqualTo(0).Within(1e-9));
        Assert.That(Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Count), Is.EqualTo(1).Within(1e-9));
    }

    [Test]
    public void Polarity_PutsTheNamedMemberOnThePositiveSide()
    {
        var sim = OneD.Value;
        var left = sim.Members[Enumerable.Range(0, sim.Members.Length).MinBy(i => sim.IdealPoints[i][0])];
        foreach (var method in new[] { ScaleMethod.Mds, ScaleMethod.Irt })
        {
            var r = MemberScaling.Run(sim.Matrix, new ScaleOptions(method, 1, Polarity: left));
            Assert.That(r.Members.Single(p => p.Member == left).Dim1, Is.GreaterThan(0), method.ToString());
        }
    }
}
