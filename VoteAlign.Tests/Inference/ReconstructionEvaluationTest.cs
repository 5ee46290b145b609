using VoteAlign.Core.Inference;
using VoteAlign.Tests.Support;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Inference;

/// <summary>Reconstruction of synthetic committees reported as the NEC is: tallies for every motion, a few vocal
/// members, group statements by declared slates, most members silent. The truth is the full simulated roll call.
/// These are issue 5's acceptance targets, which the current model does not yet reach (see the issue's notes):
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
        AssertTargets(Evaluate(scenario), overBaseline: 0.08, nearOracle: 0.08);
    }

    private static IEnumerable<TestCaseData> RollCalls()
    {
        // Full roll calls from the simulator turned tally-only. The benchmark's nec chamber has the peer generator's
        // noise: members vote with their bloc's majority 81% of the time, so the oracle sits only 10 points above
        // the winning side and the target is at the oracle itself. A council of 61 in three parties with strong
        // discipline (whip 3: 89% party unity among votes cast, about what party unity scores show in the US
        // Congress) is the closer stand-in for a real legislature.
        yield return new TestCaseData(CommitteeScenario.TallyOnly(SimulationOptions.Preset("nec")!, 1001)).SetName("TallyOnly_BenchNec_39x300");
        yield return new TestCaseData(CommitteeScenario.TallyOnly(new SimulationOptions(61, 300, 3, 1, 1005, Whip: 3.0), 1005)).SetName("TallyOnly_DisciplinedCouncil_61x300");
    }

    [TestCaseSource(nameof(RollCalls))]
    [Explicit("Issue 5 acceptance target (10 points over the winning-side baseline, calibrated): measured, see the issue's notes")]
    public void TallyOnlyRollCall_BeatsWinningSideByTen_Calibrated(CommitteeScenario scenario)
    {
        AssertTargets(Evaluate(scenario), overBaseline: 0.10, nearOracle: null);
    }

    // A real chamber: the US Senate of the 114th Congress, its first 500 roll calls (fixtures/rollcall), turned
    // tally-only in the same way, with each senator's party declared and the party as the true bloc.
    [Test]
    [Explicit("Issue 5 acceptance target (10 points over the winning-side baseline, calibrated) on a real roll call: measured, see the issue's notes")]
    public void TallyOnlyRealSenate_BeatsWinningSideByTen_Calibrated()
    {
        var senate = RealRollCalls.Senate114();
        var shape = new SimulationOptions(senate.Members.Length, senate.Motions.Length, 2, 1, 1114);
        AssertTargets(Evaluate(CommitteeScenario.TallyOnly(shape, 1114) with { Given = senate }), overBaseline: 0.10, nearOracle: null);
    }

    private static IEnumerable<TestCaseData> Families()
    {
        yield return new TestCaseData("committee 39 x 200, 3 blocs", 0.08, 0.08,
            Enumerable.Range(101, 20).Select(seed => new CommitteeScenario(new SimulationOptions(39, 200, 3, 1, seed), Seed: seed)).ToArray())
            .SetName("Feasibility_Committee_39x200_3Blocs_20Draws");
        yield return new TestCaseData("tally-only bench nec 39 x 300", 0.10, null,
            Enumerable.Range(1001, 10).Select(seed => CommitteeScenario.TallyOnly(SimulationOptions.Preset("nec")! with { Seed = seed }, seed)).ToArray())
            .SetName("Feasibility_TallyOnly_BenchNec_10Draws");
        yield return new TestCaseData("tally-only disciplined council 61 x 300", 0.10, null,
            Enumerable.Range(1005, 10).Select(seed => CommitteeScenario.TallyOnly(new SimulationOptions(61, 300, 3, 1, seed, Whip: 3.0), seed)).ToArray())
            .SetName("Feasibility_TallyOnly_DisciplinedCouncil_10Draws");
    }

    // Whether the issue's accuracy target could be met at all by a matrix that meets every tally: the ceiling knows
    // every parameter the simulation drew (ideal points, cuts, absence rates) and places its votes for the most cells
    // right in expectation given the tallies and the known positions, so no method reaches it on average. Where the
    // target lies above it, the target cannot be met by a tally-matching matrix on that draw. (Group statements are
    // not used by the ceiling; in the committee family they carry a little more, so there it is close to, not
    // strictly, a bound. The tally-only families have none.) No reconstruction is run: a draw takes well under a
    // second.
    [TestCaseSource(nameof(Families))]
    [Explicit("Issue 5 acceptance target against the best any tally-matching matrix can do: measured, see the issue's notes")]
    public void IssueTarget_IsWithinTheCeilingOfATallyMatchingMatrix(string family, double overBaseline, double? nearOracle, CommitteeScenario[] draws)
    {
        TestContext.Out.WriteLine($"{family}: target = max(baseline + {overBaseline:P0}{(nearOracle is { } g ? $", oracle - {g:P0}" : "")})");
        TestContext.Out.WriteLine("seed   baseline  oracle   target   ceiling (matrix)  ceiling (per cell)");
        var results = draws.Select(d =>
        {
            var (truth, records) = d.Build();
            var (baseline, oracle, ceiling, argmax) = ReconstructionEvaluation.Bounds(truth, records);
            var target = Math.Max(baseline + overBaseline, nearOracle is { } gap ? oracle - gap : double.NegativeInfinity);
            TestContext.Out.WriteLine($"{d.Simulation.Seed,-6} {baseline,8:P1} {oracle,8:P1} {target,8:P1} {ceiling,12:P1} {argmax,14:P1}");
            return (d.Simulation.Seed, Target: target, Ceiling: ceiling, Argmax: argmax);
        }).ToList();
        TestContext.Out.WriteLine($"target above the tally-matching ceiling in {results.Count(r => r.Target > r.Ceiling)} of {results.Count}; above the per-cell ceiling in {results.Count(r => r.Target > r.Argmax)}");
        Assert.Multiple(() =>
        {
            foreach (var r in results)
                Assert.That(r.Target, Is.LessThanOrEqualTo(r.Ceiling), $"seed {r.Seed}: target within the tally-matching ceiling");
        });
    }

    private static ReconstructionEvaluation Evaluate(CommitteeScenario scenario)
    {
        var (truth, records) = scenario.Build();
        var options = new ReconstructionOptions(Blocs: scenario.Simulation.Blocs, Seed: 7);
        var result = Reconstruction.Run(records, options);
        var e = ReconstructionEvaluation.Of(truth, records, result);
        var withTrueBlocs = ReconstructionEvaluation.Of(truth, records, Reconstruction.Run(records, options, [.. truth.TrueBloc]));
        var zAri = Core.Analysis.Compare.Partitions.AdjustedRandIndex([.. truth.Members.Select(id => result.BlocOf[id])], [.. truth.TrueBloc]);
        TestContext.Out.WriteLine($"known {e.KnownShare:P1}; {result.Fitting}");
        TestContext.Out.WriteLine($"tally-matching matrix {e.Accuracy:P1} | per-cell most likely {e.PerCell:P1} | baseline {e.Baseline:P1} | oracle {e.Oracle:P1} | oracle held to the tallies {e.TallyOracle:P1}");
        TestContext.Out.WriteLine($"ceiling (every simulation parameter known): tally-matching {e.Ceiling:P1}, per cell {e.CeilingArgmax:P1}");
        TestContext.Out.WriteLine($"with the true blocs fixed: tally-matching {withTrueBlocs.Accuracy:P1}, per cell {withTrueBlocs.PerCell:P1}");
        TestContext.Out.WriteLine($"Brier {e.Brier:0.000}; bloc ARI (blocs of the matrix) {e.BlocAri:0.000}, (latent blocs) {zAri:0.000}; tallies met {e.TalliesMet}");
        foreach (var b in e.Reliability.Where(b => b.Cells > 0))
            TestContext.Out.WriteLine($"  p in [{b.Low:0.0}, {b.High:0.0}): {b.Cells,5} cells, predicted {b.Predicted:P1}, right {b.Observed:P1}");
        return e;
    }

    // The issue's targets, on the most-likely matrix that meets every tally (as the issue defines it), and calibration
    // within 5 points in every bin of at least 100 cells.
    private static void AssertTargets(ReconstructionEvaluation e, double overBaseline, double? nearOracle) => Assert.Multiple(() =>
    {
        Assert.That(e.TalliesMet, Is.True, "most-likely matrix meets every tally");
        Assert.That(e.Accuracy, Is.GreaterThanOrEqualTo(e.Baseline + overBaseline), $"{overBaseline:P0} above the winning-side baseline");
        if (nearOracle is { } gap) Assert.That(e.Accuracy, Is.GreaterThanOrEqualTo(e.Oracle - gap), $"within {gap:P0} of the oracle");
        foreach (var b in e.Reliability.Where(b => b.Cells >= 100))
            Assert.That(Math.Abs(b.Predicted - b.Observed), Is.LessThanOrEqualTo(0.05), $"calibrated in [{b.Low:0.0}, {b.High:0.0})");
    });
}
