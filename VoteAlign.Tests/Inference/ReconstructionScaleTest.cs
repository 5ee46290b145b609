using System.Diagnostics;
using System.Globalization;
using VoteAlign.Core.Inference;
using VoteAlign.Core.Simulation;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Inference;

/// <summary>How long the stance model takes on chambers larger than a committee, reported tally-only. A measurement,
/// not a check: it runs on request (dotnet test --filter "FullyQualifiedName~ReconstructionScaleTest"), prints the time
/// of each EM iteration and the figures of the result, and gives up after VOTEALIGN_SCALE_LIMIT seconds (600 unless
/// set), saying how far it got.</summary>
[Category("Acceptance")]
public class ReconstructionScaleTest
{
    [TestCase(101, 400, 4, TestName = "TallyOnlyCouncil_101x400_4Parties")]
    [TestCase(201, 400, 2, TestName = "TallyOnlyCouncil_201x400_2Parties")]
    [Explicit("A timing of a large tally-only chamber: minutes")]
    public void TallyOnlyCouncil_Reconstructs_Timed(int members, int motions, int parties)
    {
        var limit = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("VOTEALIGN_SCALE_LIMIT"), out var s) ? s : 600);
        var (truth, records) = CommitteeScenario.TallyOnly(new SimulationOptions(members, motions, parties, 1, 1007, Whip: 3.0), 1007).Build();
        var progress = new Steps();
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => Reconstruction.Run(records, new ReconstructionOptions(Blocs: parties, Seed: 7, Progress: progress)));
        var finished = run.Wait(limit);
        var elapsed = clock.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{members} x {motions}, {parties} parties: {(finished ? "finished" : "NOT finished")} after {elapsed:0.0} s"));
        foreach (var line in progress.Lines()) TestContext.Out.WriteLine(line);
        if (!finished) return;

        var result = run.Result;
        var e = ReconstructionEvaluation.Of(truth, records, result);
        TestContext.Out.WriteLine(result.Fitting);
        TestContext.Out.WriteLine($"tally-matching matrix {e.Accuracy:P1} | per-cell most likely {e.PerCell:P1} | baseline {e.Baseline:P1} | oracle {e.Oracle:P1} | tallies met {e.TalliesMet}");
        Assert.That(e.TalliesMet, Is.True);
    }

    /// <summary>Each progress report with the seconds since the one before.</summary>
    private sealed class Steps : IProgress<string>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<(double At, string Text)> _reports = [];

        public void Report(string value)
        {
            lock (_reports) _reports.Add((_clock.Elapsed.TotalSeconds, value));
        }

        public List<string> Lines()
        {
            lock (_reports)
                return [.. _reports.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
                    $"  {r.At,7:0.0} s (+{(i == 0 ? r.At : r.At - _reports[i - 1].At),6:0.0}) {r.Text}"))];
        }
    }
}
