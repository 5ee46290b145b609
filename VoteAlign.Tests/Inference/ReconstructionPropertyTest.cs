using System.Collections.Immutable;
using VoteAlign.Core.Inference;
using VoteAlign.Tests.Support;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Inference;

/// <summary>Properties every reconstruction must have, on generated committees and on the NEC data set.</summary>
public class ReconstructionPropertyTest
{
    private static IEnumerable<TestCaseData> Committees()
    {
        foreach (var (seed, k, dims, method, spatial) in new[]
                 {
                     (201, 3, 1, ReconstructionMethod.Stances, true), (202, 4, 2, ReconstructionMethod.Stances, true),
                     (201, 3, 1, ReconstructionMethod.Gibbs, true), (203, 2, 1, ReconstructionMethod.Gibbs, false),
                 })
            yield return new TestCaseData(new CommitteeScenario(new SimulationOptions(25, 40, k, dims, seed), Seed: seed), Quick(method, spatial))
                .SetName($"Reconstruction_Committee{seed}_{method}{(method == ReconstructionMethod.Gibbs ? spatial ? "Spatial" : "Free" : "")}_KeepsTalliesPositionsAndProbabilities");
    }

    private static ReconstructionOptions Quick(ReconstructionMethod method = ReconstructionMethod.Stances, bool spatial = true, int seed = 3) =>
        new(Blocs: 3, BurnIn: 20, Samples: 40, Seed: seed, Spatial: spatial, Method: method);

    [TestCaseSource(nameof(Committees))]
    public void Reconstruction_KeepsEveryTallyEveryKnownPositionAndSumsToOne(CommitteeScenario scenario, ReconstructionOptions options)
    {
        var (_, records) = scenario.Build();
        var result = Reconstruction.Run(records, options);
        Assert.Multiple(() =>
        {
            foreach (var motion in records.Motions)
            {
                var cells = result.Cells.Where(c => c.Motion == motion.Id).ToList();
                var t = motion.Tally!.Value;
                Assert.That(cells.Count(c => c.MostLikely == Vote.For), Is.EqualTo(t.For), $"{motion.Id} for");
                Assert.That(cells.Count(c => c.MostLikely == Vote.Against), Is.EqualTo(t.Against), $"{motion.Id} against");
                Assert.That(cells.Count(c => c.MostLikely == Vote.Abstain), Is.EqualTo(t.Abstain), $"{motion.Id} abstain");
            }

            var known = records.Positions.ToDictionary(p => (p.Member, p.Motion), p => p.Vote);
            foreach (var c in result.Cells)
            {
                var p = c.Probabilities;
                Assert.That(p.Total, Is.EqualTo(1.0).Within(1e-9));
                Assert.That(new[] { p.For, p.Against, p.Abstain, p.Absent }, Has.All.InRange(0.0, 1.0));
                if (known.TryGetValue((c.Member, c.Motion), out var v)) Assert.That(c.MostLikely, Is.EqualTo(v), "known position kept");
            }
        });
    }

    // A chamber whose every member's party is declared and which publishes only tallies and a few named votes: the
    // parties are distinct blocs in the truth, and the fit must not merge them (it once sent every member into one
    // bloc, ARI 0, on the benchmark's nec chamber: the first bloc update, taken before the stance shares had been
    // fitted, decided it).
    [TestCase(1001, 150)]
    [TestCase(1002, 150)]
    public void Reconstruction_FullyDeclaredTallyOnlyChamber_KeepsItsPartiesApart(int seed, int motions)
    {
        var scenario = CommitteeScenario.TallyOnly(new SimulationOptions(39, motions, 3, 1, seed), seed);
        var (truth, records) = scenario.Build();
        var result = Reconstruction.Run(records, new ReconstructionOptions(Blocs: 3, Seed: 7));
        var ari = Core.Analysis.Compare.Partitions.AdjustedRandIndex([.. truth.Members.Select(id => result.BlocOf[id])], [.. truth.TrueBloc]);
        Assert.That(ari, Is.GreaterThan(0.5), result.Fitting);
    }

    [TestCase(ReconstructionMethod.Stances)]
    [TestCase(ReconstructionMethod.Gibbs)]
    public void Reconstruction_ReportsEachIterationInOrder_AndTheResultDoesNotDependOnIt(ReconstructionMethod method)
    {
        var (_, records) = new CommitteeScenario(new SimulationOptions(25, 40, 3, 1, 205), Seed: 205).Build();
        var seen = new Recorder();
        var quiet = Reconstruction.Run(records, Quick(method));
        var watched = Reconstruction.Run(records, Quick(method) with { Progress = seen });
        var numbers = seen.Lines.Select(l => int.Parse(System.Text.RegularExpressions.Regex.Match(l, @"(iteration|sweep) (\d+)").Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(watched.Cells, Is.EqualTo(quiet.Cells));
            Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, numbers.Count)), "one report per iteration, in order");
            if (method == ReconstructionMethod.Gibbs) Assert.That(numbers, Has.Count.EqualTo(20 + 40), "every sweep: burn-in and samples");
            else Assert.That(watched.Fitting, Does.Contain($"after {numbers.Count} iterations"));
        });
    }

    private sealed class Recorder : IProgress<string>
    {
        public List<string> Lines { get; } = [];

        public void Report(string value) => Lines.Add(value);
    }

    [TestCase(ReconstructionMethod.Stances)]
    [TestCase(ReconstructionMethod.Gibbs)]
    public void Reconstruction_SameSeedSameOutput_AnyThreadCount(ReconstructionMethod method)
    {
        var (_, records) = new CommitteeScenario(new SimulationOptions(25, 40, 3, 1, 204), Seed: 204).Build();
        var a = Reconstruction.Run(records, Quick(method));
        var b = Reconstruction.Run(records, Quick(method) with { Threads = 1 });
        Assert.That(b.Cells, Is.EqualTo(a.Cells));
        Assert.That(b.AskNext, Is.EqualTo(a.AskNext));
    }

    [Test]
    [Category("Acceptance")]
    [Explicit("Not yet met on this shape: the [0.4, 0.5) bin is 6.3 points off and the most-likely matrix 2 points under the winning-side baseline (45 x 300, seed 211)")]
    public void StanceModel_WithTheTrueBlocsFixed_ProbabilitiesAreCalibratedOnAChamber()
    {
        // A property of a fitted probability model on data it fits: among the inferred cells predicted at p, about p
        // are right. 45 members in 3 blocs over 300 motions, reported as the committees are; the blocs are given, so
        // this checks the stance, loyalty and tally parts (the acceptance test checks the whole).
        var scenario = new CommitteeScenario(new SimulationOptions(45, 300, 3, 1, 211), Seed: 211);
        var (truth, records) = scenario.Build();
        var result = Reconstruction.Run(records, new ReconstructionOptions(Blocs: 3, Seed: 5), [.. truth.TrueBloc]);
        var e = ReconstructionEvaluation.Of(truth, records, result);
        Assert.Multiple(() =>
        {
            foreach (var b in e.Reliability.Where(b => b.Cells >= 300))
                Assert.That(b.Observed, Is.EqualTo(b.Predicted).Within(0.06), $"cells predicted in [{b.Low:0.0}, {b.High:0.0})");
            Assert.That(e.Accuracy, Is.GreaterThan(e.Baseline), "the most-likely matrix beats giving everyone the winning side");
        });
    }

    [Test]
    public void AskGroups_NamesADeclaredGroupWithoutAStatementOnAContestedMotion()
    {
        // Few enough (group, motion) pairs (3 slates x 6 motions) that the ranking is not cut at 20: a pair whose
        // line is already reported would show if it were not left out.
        var (_, records) = new CommitteeScenario(new SimulationOptions(15, 6, 3, 1, 206), DeclaredShare: 1.0, GroupStatementShare: 0.4, Seed: 206).Build();
        Assume.That(records.GroupPositions, Is.Not.Empty);
        var result = Reconstruction.Run(records, Quick());
        Assert.That(result.AskGroups, Is.Not.Empty);
        Assert.That(result.AskGroups, Has.Length.LessThan(20), "the whole ranking, not cut");
        Assert.That(result.AskGroups.Select(q => q.Bits), Is.Ordered.Descending);
        Assert.That(result.AskGroups.Select(q => q.Bits), Has.All.InRange(0.0, Math.Log2(3) + 1e-9));
        var stated = records.GroupPositions.Select(g => (g.Group, g.Motion)).ToHashSet();
        Assert.That(result.AskGroups.Where(q => stated.Contains((q.Group, q.Motion))), Is.Empty, "a line already reported is not asked for");
    }

    [Test]
    public void Reconstruction_SameSeed_SameOutput_OtherSeedMayDiffer()
    {
        var (_, records) = new CommitteeScenario(new SimulationOptions(25, 40, 3, 1, 204), Seed: 204).Build();
        var a = Reconstruction.Run(records, Quick());
        var b = Reconstruction.Run(records, Quick());
        Assert.That(b.Cells, Is.EqualTo(a.Cells));
    }

    [Test]
    public void Reconstruction_Nec_MeetsEveryFeasibleTallyWithUnnamedSeatsAndKeepsEvidence()
    {
        using var reader = Core.Data.BundledData.OpenNec();
        var records = Core.Ingest.RecordFileReader.Read(reader, "nec").Records;
        var result = Reconstruction.Run(records, Quick());
        Assert.That(result.Motions.All(m => m.Feasible), Is.True, "every NEC tally can be met");
        // Every named position is a cell with its own basis and a one-hot probability.
        foreach (var p in records.Positions)
        {
            var cell = result.Cells.Single(c => c.Member == p.Member && c.Motion == p.Motion);
            Assert.That(cell.Basis, Is.EqualTo(p.Basis));
            Assert.That(cell.MostLikely, Is.EqualTo(p.Vote));
        }

        // The written record set validates (inferred positions carry probabilities that sum to 1; no tally exceeded).
        var text = new StringWriter();
        Core.Export.Json.RecordFileWriter.Write(result.Records, text);
        Assert.DoesNotThrow(() => Core.Ingest.RecordFileReader.Read(new StringReader(text.ToString()), "reconstructed.json"));
        Assert.That(result.EvidenceShare + result.ForcedShare + result.InferredShare, Is.EqualTo(1.0).Within(1e-9));
    }

    [Test]
    public void Forced_FourteenNamedAgainstInA15To14VoteWithAbstentionsKnown_EveryOtherVoterIsFor()
    {
        // 30 members on the roster, one of whom left office before the meeting: 29 in office. Tally 15-14-0
        // (abstentions reported as none) with 14 named against: 15 + 14 + 0 = 29, so nobody was absent and each of
        // the other 15 members in office must have voted for. The one out of office gets no cell.
        var members = Enumerable.Range(0, 30).Select(i => Member.Simple(new MemberId($"m{i:00}"), $"M{i}")).ToList();
        members[29] = members[29] with { Terms = [new Term(null, new DateOnly(2020, 1, 1))] };
        var meeting = new Meeting(new MeetingId("d"), new DateOnly(2024, 5, 20), "NEC", null, null, []);
        var motion = new Motion(new MotionId("x"), meeting.Id, "X", MotionKind.Paper, new Tally(15, 14, 0), Outcome.Passed, false, false, null, [],
            System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty);
        var positions = Enumerable.Range(0, 14).Select(i => new Position(members[i].Id, motion.Id, Vote.Against, Basis.Attributed, null, null));
        var records = new RecordSet(null, null, [], [.. members], [meeting], [motion], [.. positions], []);
        var result = Reconstruction.Run(records, Quick());
        var others = result.Cells.Where(c => c.Basis != Basis.Attributed).ToList();
        Assert.That(others, Has.Count.EqualTo(15), "members 14..28 (29 left office)");
        Assert.That(others, Has.All.Property(nameof(CellEstimate.Basis)).EqualTo(Basis.Forced));
        Assert.That(others, Has.All.Property(nameof(CellEstimate.MostLikely)).EqualTo(Vote.For));
    }

    [Test]
    public void AskNext_RanksAnUnplacedSilentMemberBeforeAVocalDeclaredOne()
    {
        // A committee where member 0 reports half their votes and carries a slate, and member 1 has no slate and
        // no known vote: the votes worth asking about are member 1's.
        var scenario = new CommitteeScenario(new SimulationOptions(25, 60, 3, 1, 205), VocalMembers: 0, SilentShare: 0, QuietShare: 0, DeclaredShare: 1.0, GroupStatementShare: 0.1, Seed: 205);
        var (truth, records) = scenario.Build();
        var vocal = truth.Members[0];
        var silent = truth.Members[1];
        var positions = records.Positions.AddRange(Enumerable.Range(0, 60).Where(j => j % 2 == 0)
            .Select(j => new Position(vocal, truth.Motions[j], truth.Matrix[0, j]!.Value, Basis.Self, null, null)));
        var members = records.Members.Select(m => m.Id == silent ? m with { Affiliations = [] } : m).ToImmutableArray();
        var result = Reconstruction.Run(records with { Positions = positions, Members = members }, Quick());
        Assert.That(result.AskNext, Is.Not.Empty);
        Assert.That(result.AskNext.Select(q => q.Bits), Is.Ordered.Descending);
        Assert.That(result.AskNext.Select(q => q.Bits), Has.All.InRange(0.0, Math.Log2(3) + 1e-9));
        Assert.That(result.AskNext[0].Member, Is.EqualTo(silent));
        Assert.That(result.AskNext.Any(q => q.Member == vocal), Is.False);
    }
}
