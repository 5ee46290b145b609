using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Compare;
using VoteAlign.Core.Inference;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Support;

/// <summary>How well a reconstruction recovers a known roll call, on the cells it did not know.</summary>
/// <param name="UnknownCells">Cells not given as named positions.</param>
/// <param name="KnownShare">Share of all cells given as named positions.</param>
/// <param name="Accuracy">Most-likely matrix: share of unknown cells right.</param>
/// <param name="Baseline">Every unknown member given the winning side (for if the motion passed, against if not).</param>
/// <param name="Oracle">Every unknown member given their true bloc's actual plurality on the motion.</param>
/// <param name="Brier">Mean over unknown cells of Σ_v (p_v − 1[truth = v])².</param>
/// <param name="Reliability">Per bin of the most-likely value's probability: cells, mean predicted, share right.</param>
/// <param name="BlocAri">ARI of the default bloc analysis on the most-likely matrix against the true blocs.</param>
/// <param name="TalliesMet">Whether every motion's most-likely counts equal its tally.</param>
/// <param name="Ceiling">The best a tally-matching matrix could do knowing every parameter of the simulation (each
/// member's ideal point and absence rate, each motion's cut and bloc shifts) but not the members' own noise: the
/// exact conditional marginals given the tally and the known positions, then the tally-matching matrix with the most
/// cells right in expectation. Group statements are not used.</param>
/// <param name="CeilingArgmax">The same marginals' most probable value per cell (which need not match the tallies).</param>
/// <param name="PerCell">Each unknown cell's own most probable value (the argmax of its reported probabilities, which
/// taken together need not meet the tallies): share right. Like the baseline and the oracle, it is free of the tallies.</param>
/// <param name="TallyOracle">The oracle held to the tallies: it knows every member's true bloc and how many of each
/// bloc's unknown members cast each vote on each motion, but not which of them, so a member of bloc b given v is
/// right with chance c_bv / n_b; it takes the tally-matching assignment with the most cells right in expectation, a
/// transport problem the counting programme solves exactly (it may put one bloc's dissent on another bloc's members
/// where that costs less, which beats placing each bloc's own counts at random).</param>
internal sealed record ReconstructionEvaluation(
    int UnknownCells,
    double KnownShare,
    double Accuracy,
    double Baseline,
    double Oracle,
    double Brier,
    ImmutableArray<(double Low, double High, int Cells, double Predicted, double Observed)> Reliability,
    double BlocAri,
    bool TalliesMet,
    double Ceiling,
    double CeilingArgmax,
    double PerCell,
    double TallyOracle)
{
    /// <summary>Evaluates <paramref name="result"/> against <paramref name="truth"/>.</summary>
    /// <param name="truth">The full roll call.</param>
    /// <param name="records">The record set the reconstruction was given.</param>
    /// <param name="result">The reconstruction.</param>
    public static ReconstructionEvaluation Of(SimulatedRollCall truth, RecordSet records, ReconstructionResult result)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(result);
        var row = truth.Members.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var col = truth.Motions.Select((id, j) => (id, j)).ToDictionary(p => p.id, p => p.j);
        var plurality = Pluralities(truth);
        var winning = records.Motions.ToDictionary(m => m.Id, WinningSide);

        int unknown = 0, right = 0, baseline = 0, oracle = 0, perCell = 0;
        var blocCounts = new Dictionary<(int Bloc, int Motion), int[]>();
        double brier = 0;
        var bins = new (int Cells, double Predicted, int Right)[10];
        foreach (var c in result.Cells.Where(c => c.Basis is Basis.Inferred or Basis.Forced))
        {
            var (i, j) = (row[c.Member], col[c.Motion]);
            var y = truth.Matrix[i, j]!.Value;
            unknown++;
            if (c.MostLikely == y) right++;
            if (winning[c.Motion] == y) baseline++;
            if (plurality[truth.TrueBloc[i], j] == y) oracle++;
            var p = new[] { c.Probabilities.For, c.Probabilities.Against, c.Probabilities.Abstain, c.Probabilities.Absent };
            for (var v = 0; v < 4; v++) brier += Math.Pow(p[v] - ((int)y == v ? 1 : 0), 2);
            var top = Array.IndexOf(p, p.Max());
            if (top == (int)y) perCell++;
            if (!blocCounts.TryGetValue((truth.TrueBloc[i], j), out var counts)) blocCounts[(truth.TrueBloc[i], j)] = counts = new int[4];
            counts[(int)y]++;
            var bin = Math.Min(9, (int)(p.Max() * 10));
            bins[bin].Cells++;
            bins[bin].Predicted += p.Max();
            if (top == (int)y) bins[bin].Right++;
        }

        // Most-likely counts against tallies (the roster is the whole committee here).
        var met = true;
        foreach (var m in records.Motions)
        {
            var cells = result.Cells.Where(c => c.Motion == m.Id).ToList();
            var t = m.Tally!.Value;
            met &= cells.Count(c => c.MostLikely == Vote.For) == t.For && cells.Count(c => c.MostLikely == Vote.Against) == t.Against
                && cells.Count(c => c.MostLikely == Vote.Abstain) == t.Abstain;
        }

        var most = VoteMatrix.FromPositions(truth.Members, truth.Motions,
            result.Cells.Select(c => new Position(c.Member, c.Motion, c.MostLikely, c.Basis, null, null)));
        var blocs = BlocAnalysis.Run(most, new BlocOptions());
        var ari = Partitions.AdjustedRandIndex([.. blocs.Assignments.Select(a => a.Bloc ?? 0)], [.. truth.TrueBloc]);
        var (ceiling, ceilingArgmax) = CeilingOf(truth, records);
        var total = (double)truth.Members.Length * truth.Motions.Length;
        var tallyOracle = BestPlacement(truth, result, row, col, blocCounts) / unknown;
        return new ReconstructionEvaluation(unknown, 1 - unknown / total, (double)right / unknown, (double)baseline / unknown, (double)oracle / unknown,
            brier / unknown, [.. bins.Select((b, i) => (i / 10.0, (i + 1) / 10.0, b.Cells, b.Cells == 0 ? 0 : b.Predicted / b.Cells, b.Cells == 0 ? 0 : (double)b.Right / b.Cells))],
            ari, met, ceiling, ceilingArgmax, (double)perCell / unknown, tallyOracle);
    }

    private static double BestPlacement(SimulatedRollCall truth, ReconstructionResult result, Dictionary<MemberId, int> row, Dictionary<MotionId, int> col,
        Dictionary<(int Bloc, int Motion), int[]> blocCounts) =>
        result.Cells.Where(c => c.Basis is Basis.Inferred or Basis.Forced).GroupBy(c => col[c.Motion])
            .Sum(motion => BestPlacement([.. motion.Select(c => blocCounts[(truth.TrueBloc[row[c.Member]], motion.Key)])]));

    /// <summary>One motion's oracle held to the tallies: cells right in expectation when each unknown member, knowing
    /// only their bloc's counts (<paramref name="blocCountsOfMember"/>[x]: for, against, abstain, absent among the
    /// bloc's unknown members), is placed by the tally-matching assignment with the most cells right in expectation
    /// (a member of bloc b given v is right with chance c_bv / n_b). Each bloc's counts add up to the members given
    /// with them; the motion's counts are the blocs' counts summed.</summary>
    internal static double BestPlacement(int[][] blocCountsOfMember)
    {
        // The motion's counts: each of a bloc's n_b members carries c_bv / n_b of its count.
        var remaining = new int?[ConstrainedVotes.Values];
        for (var v = 0; v < remaining.Length; v++) remaining[v] = (int)Math.Round(blocCountsOfMember.Sum(c => (double)c[v] / c.Sum()));
        // A tiny weight on every value keeps each one open to the programme; it is taken back out of the sum.
        var w = blocCountsOfMember.Select(c => c.Select(x => (double)x / c.Sum() + 1e-9).ToArray()).ToArray();
        var best = new ConstrainedVotes(remaining).MostLikely(w, expectedCorrect: true)!;
        return w.Select((wx, x) => wx[best[x]] - 1e-9).Sum();
    }

    /// <summary>What can be said of a scenario without reconstructing it, on the cells its records leave unknown: the
    /// winning-side baseline, the bloc oracle, and the ceiling (tally-matching and per cell), as in
    /// <see cref="Of"/>.</summary>
    /// <param name="truth">The full roll call.</param>
    /// <param name="records">The record set a reconstruction would be given.</param>
    public static (double Baseline, double Oracle, double Ceiling, double CeilingArgmax) Bounds(SimulatedRollCall truth, RecordSet records)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(records);
        var known = records.Positions.Select(p => (p.Member, p.Motion)).ToHashSet();
        var plurality = Pluralities(truth);
        int cells = 0, baseline = 0, oracle = 0;
        for (var j = 0; j < truth.Motions.Length; j++)
        {
            var winning = WinningSide(records.Motions[j]);
            for (var i = 0; i < truth.Members.Length; i++)
            {
                if (known.Contains((truth.Members[i], truth.Motions[j]))) continue;
                var y = truth.Matrix[i, j]!.Value;
                cells++;
                if (y == winning) baseline++;
                if (y == plurality[truth.TrueBloc[i], j]) oracle++;
            }
        }

        var (ceiling, argmax) = CeilingOf(truth, records);
        return ((double)baseline / cells, (double)oracle / cells, ceiling, argmax);
    }

    /// <summary>Each true bloc's actual plurality on each motion, [bloc, motion] (ties to the lower vote value).</summary>
    private static Vote[,] Pluralities(SimulatedRollCall truth)
    {
        var k = truth.TrueBloc.Max() + 1;
        var plurality = new Vote[k, truth.Motions.Length];
        for (var j = 0; j < truth.Motions.Length; j++)
            for (var b = 0; b < k; b++)
                plurality[b, j] = Enumerable.Range(0, truth.Members.Length).Where(i => truth.TrueBloc[i] == b)
                    .Select(i => truth.Matrix[i, j]!.Value).GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return plurality;
    }

    /// <summary>The baseline's guess: for if the motion passed, against otherwise.</summary>
    private static Vote WinningSide(Motion motion) => motion.Outcome == Outcome.Passed ? Vote.For : Vote.Against;

    private static (double MostLikely, double Argmax) CeilingOf(SimulatedRollCall truth, RecordSet records)
    {
        // A real roll call has no drawn parameters: no ceiling.
        if (truth.MotionParameters.IsDefaultOrEmpty) return (double.NaN, double.NaN);
        var known = records.Positions.ToDictionary(p => (p.Member, p.Motion), p => (int)p.Vote);
        int cells = 0, right = 0, argmaxRight = 0;
        for (var j = 0; j < truth.Motions.Length; j++)
        {
            var t = records.Motions[j].Tally!.Value;
            var remaining = new int?[] { t.For, t.Against, t.Abstain, truth.Members.Length - t.For - t.Against - t.Abstain };
            var unknown = new List<int>();
            for (var i = 0; i < truth.Members.Length; i++)
            {
                if (known.TryGetValue((truth.Members[i], truth.Motions[j]), out var v)) remaining[v]--;
                else unknown.Add(i);
            }

            var solver = new ConstrainedVotes(remaining);
            var w = unknown.Select(i => truth.CellProbabilities(i, j)).ToArray();
            var marginals = solver.Marginals(w)!;
            var best = solver.MostLikely(marginals, expectedCorrect: true)!;
            for (var x = 0; x < unknown.Count; x++)
            {
                var y = (int)truth.Matrix[unknown[x], j]!.Value;
                cells++;
                if (best[x] == y) right++;
                if (Array.IndexOf(marginals[x], marginals[x].Max()) == y) argmaxRight++;
            }
        }

        return ((double)right / cells, (double)argmaxRight / cells);
    }
}
