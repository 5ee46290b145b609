using VoteAlign.Core.Inference;
using VoteAlign.Core.Simulation;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Inference;

/// <summary>The stance model's screening of stance patterns against the model without it.</summary>
public class StanceModelTest
{
    // A council in four parties (81 patterns a motion) reported tally-only, and a committee in three reported as the NEC
    // is. The screening skips the exact programme of a pattern whose bound lies 30 nats below the best pattern's exact
    // value, so what it drops has posterior below e^−30 ≈ 1e-13: the fit must be the one without screening to 1e-9,
    // and some programmes must actually have been skipped in the final pass (else the comparison shows nothing).
    [TestCase(61, 40, 4, 211, true, TestName = "Screening_TallyOnlyCouncil61x40_4Parties_SameFitAsWithout")]
    [TestCase(39, 60, 3, 212, false, TestName = "Screening_Committee39x60_3Blocs_SameFitAsWithout")]
    public void Screening_SkipsPatterns_LeavesTheFitAsWithout(int members, int motions, int blocs, int seed, bool tallyOnly)
    {
        var scenario = tallyOnly
            ? CommitteeScenario.TallyOnly(new SimulationOptions(members, motions, blocs, 1, seed, Whip: 3.0), seed)
            : new CommitteeScenario(new SimulationOptions(members, motions, blocs, 1, seed), Seed: seed);
        var (_, records) = scenario.Build();
        var options = new ReconstructionOptions(Blocs: blocs, Seed: 7, Iterations: 15);
        var problem = Reconstruction.Problem.Build(records, options);
        var screened = new StanceModel(problem, blocs).Run(options, null);
        var exact = new StanceModel(problem, blocs, screen: double.PositiveInfinity).Run(options, null);
        Assert.Multiple(() =>
        {
            Assert.That(exact.Skipped, Is.Zero, "no screening");
            Assert.That(screened.Skipped, Is.Positive, "screened: some programmes skipped");
            TestContext.Out.WriteLine($"skipped {screened.Skipped} of {motions * exact.Patterns[0].Length} programmes in the final pass");
            Assert.That(screened.Iterations, Is.EqualTo(exact.Iterations), "iterations");
            Assert.That(screened.LogLikelihood, Is.EqualTo(exact.LogLikelihood).Within(1e-9), "log-likelihood");
            for (var j = 0; j < motions; j++)
            {
                for (var s = 0; s < exact.Patterns[j].Length; s++)
                    Assert.That(screened.Patterns[j][s], Is.EqualTo(exact.Patterns[j][s]).Within(1e-9), $"motion {j} pattern {s}");
                for (var t = 0; t < exact.Probabilities[j].Length; t++)
                    for (var v = 0; v < ConstrainedVotes.Values; v++)
                        Assert.That(screened.Probabilities[j][t][v], Is.EqualTo(exact.Probabilities[j][t][v]).Within(1e-9), $"motion {j} cell {t} value {v}");
            }

            for (var i = 0; i < members; i++)
                for (var b = 0; b < blocs; b++)
                    Assert.That(screened.Blocs[i, b], Is.EqualTo(exact.Blocs[i, b]).Within(1e-9), $"member {i} bloc {b}");
        });
    }
}
