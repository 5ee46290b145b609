using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Compare;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Analysis;

/// <summary>Bloc recovery on simulated chambers whose blocs are known (seeds here differ from the benchmark's).</summary>
public class BlocAnalysisTest
{
    private static readonly Dictionary<string, SimulatedRollCall> Cache = new();

    private static SimulatedRollCall Sim(int n, int m, int k, int dims, int seed)
    {
        var key = $"{n}/{m}/{k}/{dims}/{seed}";
        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out var sim)) Cache[key] = sim = RollCallSimulator.Generate(new SimulationOptions(n, m, k, dims, seed));
            return sim;
        }
    }

    private static double Ari(SimulatedRollCall sim, BlocResult r) =>
        Partitions.AdjustedRandIndex([.. r.Assignments.Select(a => a.Bloc ?? 0)], [.. sim.TrueBloc]);

    [Test]
    public void Default_WellSeparatedChamber_FindsTrueKAndBlocs()
    {
        // The shape: 450 members, 4 blocs, 1,000 motions.
        var sim = Sim(450, 1000, 4, 2, seed: 77);
        var r = BlocAnalysis.Run(sim.Matrix, new BlocOptions());
        TestContext.Out.WriteLine($"spectral: k = {r.K}, ARI = {Ari(sim, r):0.000}; {r.KReason}");
        foreach (var method in new[] { BlocMethod.Hierarchical, BlocMethod.Louvain })
        {
            var other = BlocAnalysis.Run(sim.Matrix, new BlocOptions(method));
            TestContext.Out.WriteLine($"{method}: k = {other.K}, ARI = {Ari(sim, other):0.000}");
        }

        Assert.That(r.K, Is.EqualTo(4));
        Assert.That(Ari(sim, r), Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public void Default_CommitteeOf39_FindsThreeBlocs()
    {
        // The benchmark's nec shape (39 × 300, 3 blocs, 1-D) with another seed. In a committee this small each
        // moderate placed with the neighbouring bloc costs about 0.08 of ARI; with this seed two members of the
        // middle bloc sit nearer the right-hand bloc than their own (ideal points 0.47 and 0.70 against a centre
        // of 0 and a neighbour at 0.88), and every method places them there.
        var sim = Sim(39, 300, 3, 1, seed: 5);
        var r = BlocAnalysis.Run(sim.Matrix, new BlocOptions());
        TestContext.Out.WriteLine($"k = {r.K}, ARI = {Ari(sim, r):0.000}; {r.KReason}");
        Assert.That(r.K, Is.EqualTo(3));
        Assert.That(Ari(sim, r), Is.GreaterThanOrEqualTo(0.8));
    }

    [TestCase(BlocMethod.Spectral)]
    [TestCase(BlocMethod.Hierarchical)]
    public void GivenK_RecoversPlantedBlocs(BlocMethod method)
    {
        var sim = Sim(120, 400, 3, 1, seed: 9);
        var r = BlocAnalysis.Run(sim.Matrix, new BlocOptions(method, K: 3));
        TestContext.Out.WriteLine($"{method}: ARI = {Ari(sim, r):0.000}");
        Assert.That(r.K, Is.EqualTo(3));
        Assert.That(r.KChosen, Is.False);
        Assert.That(Ari(sim, r), Is.GreaterThanOrEqualTo(0.9));
    }

    [Test]
    public void SameSeed_SameResult()
    {
        var sim = Sim(120, 400, 3, 1, seed: 9);
        var a = BlocAnalysis.Run(sim.Matrix, new BlocOptions(Bootstrap: 5));
        var b = BlocAnalysis.Run(sim.Matrix, new BlocOptions(Bootstrap: 5));
        Assert.That(a.Assignments, Is.EqualTo(b.Assignments));
        Assert.That(a.KReason, Is.EqualTo(b.KReason));
    }

    [Test]
    public void Stability_WellSeparatedBlocs_IsHigh()
    {
        var sim = Sim(120, 400, 3, 1, seed: 9);
        var r = BlocAnalysis.Run(sim.Matrix, new BlocOptions(K: 3, Bootstrap: 10));
        var mean = r.Assignments.Average(a => a.Stability!.Value);
        TestContext.Out.WriteLine($"mean stability {mean:0.000}");
        Assert.That(r.Assignments, Has.All.Property(nameof(BlocAssignment.Stability)).InRange(0.0, 1.0));
        Assert.That(mean, Is.GreaterThanOrEqualTo(0.9));
    }

    [Test]
    public void PermutationTest_PlantedBlocs_BeatChance()
    {
        var sim = Sim(39, 300, 3, 1, seed: 5);
        var r = BlocAnalysis.Run(sim.Matrix, new BlocOptions(Permutations: 19));
        Assert.That(r.Permutation!.PValue, Is.EqualTo(0.05).Within(1e-12), "no shuffled set as strong as the real one");
        Assert.That(r.Permutation.Observed, Is.GreaterThan(r.Permutation.NullMean));
    }

    [Test]
    public void PermutationTest_CoinFlipVotes_AreNotStrongerThanChance()
    {
        // Every member votes for or against by a fair coin: there is no structure to find.
        var rng = new Random(11);
        var members = Enumerable.Range(0, 39).Select(i => new MemberId($"m{i}")).ToImmutableArray();
        var motions = Enumerable.Range(0, 200).Select(j => new MotionId($"v{j}")).ToImmutableArray();
        var b = new VoteMatrix.Builder(members, motions);
        for (var i = 0; i < 39; i++)
            for (var j = 0; j < 200; j++) b.Set(i, j, rng.Next(2) == 0 ? Vote.For : Vote.Against);
        var r = BlocAnalysis.Run(b.Build(), new BlocOptions(K: 3, Permutations: 19));
        TestContext.Out.WriteLine($"p = {r.Permutation!.PValue:0.00}, observed {r.Permutation.Observed:0.0000}, null mean {r.Permutation.NullMean:0.0000}");
        Assert.That(r.Permutation.PValue, Is.GreaterThan(0.05));
    }

    [Test]
    public void MembersWithTooLittleEvidence_AreUnassignedWithAReason()
    {
        var sim = Sim(39, 300, 3, 1, seed: 5);
        // Add two members: one who never voted, one with two votes.
        var members = sim.Members.Add(new MemberId("silent")).Add(new MemberId("rare"));
        var positions = new List<Position>();
        for (var i = 0; i < sim.Matrix.MemberCount; i++)
            for (var j = 0; j < sim.Matrix.MotionCount; j++)
                positions.Add(new Position(sim.Members[i], sim.Motions[j], sim.Matrix[i, j]!.Value, Basis.Recorded, null, null));
        positions.Add(new Position(new MemberId("rare"), sim.Motions[0], Vote.For, Basis.Self, null, null));
        positions.Add(new Position(new MemberId("rare"), sim.Motions[1], Vote.For, Basis.Self, null, null));
        var matrix = VoteMatrix.FromPositions(members, sim.Motions, positions);
        var r = BlocAnalysis.Run(matrix, new BlocOptions(MinVotes: 5));
        var unassigned = r.Unassigned.ToDictionary(u => u.Member.Value, u => u.Reason);
        Assert.That(unassigned.Keys, Is.EquivalentTo(new[] { "silent", "rare" }));
        Assert.That(unassigned["rare"], Does.Contain("only 2 known votes"));
        Assert.That(r.Assignments.Single(a => a.Member.Value == "silent").Bloc, Is.Null);
        Assert.That(r.Assignments.Count(a => a.Bloc is not null), Is.EqualTo(39), "no other member dropped");
    }

    [Test]
    public void PairsBelowMinShared_AreUnknownNotZero()
    {
        // a and b share one vote only; with --min-shared 2 their distance is unknown, not 0 or 1.
        var members = ImmutableArray.Create(new MemberId("a"), new MemberId("b"), new MemberId("c"));
        var motions = ImmutableArray.Create(new MotionId("1"), new MotionId("2"), new MotionId("3"));
        var matrix = VoteMatrix.FromPositions(members, motions, [
            P("a", "1", Vote.For), P("b", "1", Vote.For), P("c", "1", Vote.For),
            P("a", "2", Vote.For), P("c", "2", Vote.Against),
            P("b", "3", Vote.Against), P("c", "3", Vote.Against)]);
        var agreement = Core.Analysis.Agreement.AgreementMatrix.Compute(matrix);
        var d = DistanceMatrix.From(agreement, [0, 1, 2], minShared: 2);
        Assert.That(d[0, 1], Is.NaN);
        Assert.That(d[0, 2], Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void TwoPartyChamber_TwoBlocsMatchPartyButForModerates_AndIdealPointsOrderTheParties()
    {
        // Two parties at −1.5 and +1.5 (1-D). A member the 2-bloc split puts with the other party must be one of
        // the true moderates: among the 10% of members closest to the midpoint between the parties' centres.
        var sim = Sim(200, 600, 2, 1, seed: 8);
        var blocs = BlocAnalysis.Run(sim.Matrix, new BlocOptions(K: 2));
        var labels = blocs.Assignments.Select(a => a.Bloc!.Value).ToArray();
        // Match bloc numbers to parties by majority.
        var blocOfParty = Enumerable.Range(0, 2).ToDictionary(p => p,
            p => Enumerable.Range(0, 200).Where(i => sim.TrueBloc[i] == p).GroupBy(i => labels[i]).MaxBy(g => g.Count())!.Key);
        var centre = Enumerable.Range(0, 2).Select(p => Enumerable.Range(0, 200).Where(i => sim.TrueBloc[i] == p).Average(i => sim.IdealPoints[i][0])).Average();
        var moderates = Enumerable.Range(0, 200).OrderBy(i => Math.Abs(sim.IdealPoints[i][0] - centre)).Take(20).ToHashSet();
        var misplaced = Enumerable.Range(0, 200).Where(i => labels[i] != blocOfParty[sim.TrueBloc[i]]).ToList();
        TestContext.Out.WriteLine($"misplaced {misplaced.Count}, of whom moderates {misplaced.Count(moderates.Contains)}");
        Assert.That(misplaced, Is.SubsetOf(moderates));

        var ideal = Core.Analysis.Scaling.MemberScaling.Run(sim.Matrix, new Core.Analysis.Scaling.ScaleOptions(Core.Analysis.Scaling.ScaleMethod.Irt, 1));
        var meanOf = Enumerable.Range(0, 2).Select(p => Enumerable.Range(0, 200).Where(i => sim.TrueBloc[i] == p).Average(i => ideal.Members[i].Dim1!.Value)).ToArray();
        var trueOrder = Enumerable.Range(0, 2).OrderBy(p => Enumerable.Range(0, 200).Where(i => sim.TrueBloc[i] == p).Average(i => sim.IdealPoints[i][0])).ToArray();
        var estOrder = Enumerable.Range(0, 2).OrderBy(p => meanOf[p]).ToArray();
        Assert.That(Math.Abs(meanOf[0] - meanOf[1]), Is.GreaterThan(1.0), "parties well apart on the estimated scale");
        Assert.That(estOrder.SequenceEqual(trueOrder) || estOrder.SequenceEqual(trueOrder.Reverse()), Is.True);
    }

    private static Position P(string m, string v, Vote vote) => new(new MemberId(m), new MotionId(v), vote, Basis.Recorded, null, null);
}
