using VoteAlign.Core.Inference;
using VoteAlign.Tests.Support;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Inference;

/// <summary>Reconstruction of synthetic committees reported as the NEC is: tallies for every motion, a few vocal
/// members, group statements by declared slates, most members silent. The truth is the full simulated roll call.
/// These are issue 5's acceptance targets, which the current model does not yet reach (see the notes):
/// they run on request (dotnet test --filter "Category=Acceptance"), not in CI, and print the full table.</summary>
[Category("Acceptance")]
public class ReconstructionEvaluationTest
{
    private static IEnumerable<TestCaseData> Scenarios()
    {
        // Standard: 39 members, 3 blocs of unequal size, 200 motions.
        foreach (var seed in new[] { 101, 102, 103 })
            yield return new TestCaseData(new CommitteeScenario(new SimulationOptions(39, 200, 3, 1, seed), Seed: seed)).SetName($"Committee_39x200_3Blocs_Seed{seed}");
        yield return new TestCaseData(new CommitteeScenario(new SimulationOptions(39, 200, 4, 1, 104), Seed: 104)).SetName("Committee_39x200_4Blocs");
        // Harsh: many cross-cutting votes (weak whip, wide spread), 10% absences, silent members with 2-3 known votes.
        yield return new TestCaseData(new CommitteeScenario(new SimulationOptions(39, 200, 3, 1, 105, Spread: 0.6, Whip: 0.3, AbsentA: 2, AbsentB: 18),
            SilentKnown: 3, Seed: 105)).SetName("Committee_Harsh_CrossCutting_Absences_SilentMembers");
        yield return new TestCaseData(new CommitteeScenario(new SimulationOptions(39, 200, 4, 2, 106, AbsentA: 2, AbsentB: 18),
            SilentKnown: 2, DeclaredShare: 0.6, Seed: 106)).SetName("Committee_Harsh_2D_4Blocs_FewDeclared");
    }

    [TestCaseSource(nameof(Scenarios))]
    [Explicit("Issue 5 acceptance target (8 points over the winning-side baseline, within 8 of the oracle, calibrated): not yet met")]
    public void Reconstruction_BeatsWinningSide_NearOracle_Calibrated(CommitteeScenario scenario)
    {
        var (truth, records) = scenario.Build();
        var result = Reconstruction.Run(records, new ReconstructionOptions(Blocs: scenario.Simulation.Blocs, Seed: 7));
        var e = ReconstructionEvaluation.Of(truth, records, result);
        TestContext.Out.WriteLine($"known {e.KnownShare:P1}; accuracy {e.Accuracy:P1}, baseline {e.Baseline:P1}, oracle {e.Oracle:P1}; Brier {e.Brier:0.000}; bloc ARI {e.BlocAri:0.000}; tallies met {e.TalliesMet}");
        var argmaxRight = result.Cells.Where(c => c.Basis == Core.Model.Basis.Inferred).Count(c =>
        {
            var p = new[] { c.Probabilities.For, c.Probabilities.Against, c.Probabilities.Abstain, c.Probabilities.Absent };
            var i = truth.Members.IndexOf(c.Member);
            var j = truth.Motions.IndexOf(c.Motion);
            return Array.IndexOf(p, p.Max()) == (int)truth.Matrix[i, j]!.Value;
        });
        var zAri = Core.Analysis.Compare.Partitions.AdjustedRandIndex([.. truth.Members.Select(id => result.BlocOf[id])], [.. truth.TrueBloc]);
        var oracleBlocs = Reconstruction.Run(records, new ReconstructionOptions(Blocs: scenario.Simulation.Blocs, Seed: 7), [.. truth.TrueBloc]);
        var withTrueBlocs = ReconstructionEvaluation.Of(truth, records, oracleBlocs);
        TestContext.Out.WriteLine($"ceiling (every simulation parameter known, tallies met): {e.Ceiling:P1}; its per-cell argmax {e.CeilingArgmax:P1}");
        TestContext.Out.WriteLine($"with the true blocs fixed: accuracy {withTrueBlocs.Accuracy:P1}, Brier {withTrueBlocs.Brier:0.000}");
        foreach (var b in withTrueBlocs.Reliability.Where(b => b.Cells > 0))
            TestContext.Out.WriteLine($"  (true blocs) p in [{b.Low:0.0}, {b.High:0.0}): {b.Cells,5} cells, predicted {b.Predicted:P1}, right {b.Observed:P1}");
        TestContext.Out.WriteLine($"per-cell argmax accuracy {(double)argmaxRight / e.UnknownCells:P1}; latent bloc ARI {zAri:0.000}");
        foreach (var b in e.Reliability.Where(b => b.Cells > 0))
            TestContext.Out.WriteLine($"  p in [{b.Low:0.0}, {b.High:0.0}): {b.Cells,5} cells, predicted {b.Predicted:P1}, right {b.Observed:P1}");
        Assert.Multiple(() =>
        {
            Assert.That(e.TalliesMet, Is.True, "most-likely matrix meets every tally");
            Assert.That(e.Accuracy, Is.GreaterThanOrEqualTo(e.Baseline + 0.08), "8 points above the winning-side baseline");
            Assert.That(e.Accuracy, Is.GreaterThanOrEqualTo(e.Oracle - 0.08), "within 8 points of the oracle");
            foreach (var b in e.Reliability.Where(b => b.Cells >= 100))
                Assert.That(Math.Abs(b.Predicted - b.Observed), Is.LessThanOrEqualTo(0.05), $"calibrated in [{b.Low:0.0}, {b.High:0.0})");
        });
    }
}
