using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.Distributions;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Inference;

/// <summary>Reconstructs member-level votes from tallies and attributed positions.</summary>
/// <remarks>
/// <para>Model: each member belongs to one of K latent blocs; on each motion each bloc has propensities
/// θ_kj over for / against / abstain / absent (Dirichlet(α) prior); members vote independently given their bloc,
/// subject to the hard constraint that every reported count is met exactly and every known position kept.
/// Members not in office that day take no part; seats beyond the roster (the record set's <c>seats</c>) are
/// anonymous members who vote with the chamber's average propensities.</para>
/// <para>Before any model, arithmetic: a cell is <c>forced</c> when every assignment meeting the counts gives it
/// the same value.</para>
/// <para>Fitting: a seeded sampler over blocs and propensities in which the unknown votes are summed out
/// exactly. Each sweep computes, per motion, the constrained marginals of the unknown votes given (z, θ) with a
/// dynamic programme over members whose state is the counts used so far (<see cref="ConstrainedVotes"/>), and
/// from the same forward and backward messages how likely the counts are for each member in each bloc; it then
/// draws each member's bloc from that, their known votes and the prior; draws θ from its Dirichlet posterior
/// given known counts plus expected counts of the unknown votes (an approximation to the exact conditional,
/// which is not Dirichlet); and draws the bloc shares.
/// Group statements are soft evidence: the stated vote is multiplied by the reliability r and every other value
/// by (1 − r)/3. Declared groups are a soft prior: a member's bloc gets a bonus of η × (share of their declared
/// group-mates in it) on the log scale. After burn-in, the exact per-cell marginals of each sweep are averaged
/// (Rao-Blackwellisation). The most-likely matrix is the assignment that meets every count with the most cells
/// right in expectation (it maximises the summed marginal probabilities of the values it picks).</para>
/// </remarks>
public static class Reconstruction
{
    private const int Values = ConstrainedVotes.Values;

    /// <summary>Reconstructs the unknown cells of <paramref name="records"/>.</summary>
    /// <param name="records">Validated records.</param>
    /// <param name="options">Model and sampler settings.</param>
    public static ReconstructionResult Run(RecordSet records, ReconstructionOptions options) => Run(records, options, null);

    /// <summary>As <see cref="Run(RecordSet, ReconstructionOptions)"/>, with every member's bloc fixed (a diagnostic:
    /// how good the reconstruction would be if the blocs were known).</summary>
    internal static ReconstructionResult Run(RecordSet records, ReconstructionOptions options, int[]? fixedBlocs)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Blocs < 1 || options.Samples < 1 || options.BurnIn < 0) throw new ArgumentException("Blocs and samples must be at least 1.", nameof(options));
        var problem = Problem.Build(records, options);
        if (options.Method == ReconstructionMethod.Stances) return RunStances(records, problem, options, fixedBlocs);
        var rng = new Random(options.Seed);
        var k = options.Blocs;
        var n = problem.Members.Length;
        var m = problem.Motions.Length;

        // Latent blocs: start from declared groups where there are any, else at random.
        var z = new int[n];
        var groupIds = problem.Groups.SelectMany(g => g).Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < n; i++)
            z[i] = fixedBlocs?[i] ?? (problem.Groups[i].Count > 0 ? groupIds.IndexOf(problem.Groups[i].Min(StringComparer.Ordinal)!) % k : rng.Next(k));

        var theta = new double[k, m, Values];
        var pi = Enumerable.Repeat(1.0 / k, k).ToArray();
        for (var b = 0; b < k; b++)
            for (var j = 0; j < m; j++)
                for (var c = 0; c < Values; c++) theta[b, j, c] = 0.25;

        // Known votes of roster members (−1: unknown or not taking part).
        var vote = new int[n, m];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++) vote[i, j] = -1;
        foreach (var mo in problem.Motions)
            foreach (var (i, v) in mo.Known) vote[i, mo.Index] = v;

        var spatial = new SpatialBlocs(k, m);
        var sums = problem.Motions.Select(mo => new double[mo.Unknown.Length + mo.Anonymous, Values]).ToArray();
        var blocCounts = new double[n, k];
        var thetaSum = new double[k, m, Values];
        var expected = problem.Motions.Select(mo => new double[mo.Unknown.Length, Values]).ToArray();
        var tallyScore = new double[n, k];
        var sweeps = options.BurnIn + options.Samples;
        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            options.Progress?.Report($"reconstruct: Gibbs sweep {sweep + 1} of {sweeps}");
            // Unknown votes are summed out exactly given (z, θ): per motion, the constrained marginals, and for each
            // unknown member how likely the counts are were they in each bloc.
            Array.Clear(tallyScore);
            var keep = sweep >= options.BurnIn;
            foreach (var mo in problem.Motions)
            {
                if (mo.Unknown.Length + mo.Anonymous == 0) continue;
                var w = Weights(mo, theta, pi, z, k);
                var alternatives = new double[w.Length][][];
                for (var t = 0; t < w.Length; t++)
                {
                    alternatives[t] = new double[t < mo.Unknown.Length ? k : 0][];
                    for (var b = 0; b < alternatives[t].Length; b++)
                    {
                        alternatives[t][b] = new double[Values];
                        for (var c = 0; c < Values; c++) alternatives[t][b][c] = theta[b, mo.Index, c] * mo.Soft[t][c];
                    }
                }

                var (marginals, scores) = mo.Solver.MarginalsAndScores(w, alternatives) ?? throw new InvalidOperationException($"Motion {mo.Id} became infeasible.");
                for (var t = 0; t < mo.Unknown.Length; t++)
                {
                    for (var c = 0; c < Values; c++) expected[mo.Index][t, c] = marginals[t][c];
                    for (var b = 0; b < k; b++) tallyScore[mo.Unknown[t], b] += Math.Log(Math.Max(scores[t][b], 1e-300));
                }

                if (keep)
                    for (var t = 0; t < marginals.Length; t++)
                        for (var c = 0; c < Values; c++) sums[mo.Index][t, c] += marginals[t][c];
            }

            // z | θ, known votes, tallies (unknown votes summed out), declared groups.
            var logp = new double[k];
            for (var i = 0; i < n; i++)
            {
                for (var b = 0; b < k; b++)
                {
                    logp[b] = Math.Log(pi[b]) + tallyScore[i, b];
                    foreach (var j in problem.MotionsOf[i])
                        if (vote[i, j] >= 0) logp[b] += Math.Log(theta[b, j, vote[i, j]]);
                }

                if (problem.Mates[i].Length > 0)
                    for (var b = 0; b < k; b++)
                        logp[b] += options.DeclaredPrior * problem.Mates[i].Count(q => z[q] == b) / problem.Mates[i].Length;
                z[i] = fixedBlocs?[i] ?? SampleLog(logp, rng);
                if (keep) blocCounts[i, z[i]]++;
            }

            // θ | z, expected votes: Dirichlet(α + known counts + expected counts of the unknown).
            var counts = new double[k, m, Values];
            foreach (var mo in problem.Motions)
            {
                foreach (var (i, v) in mo.Known) counts[z[i], mo.Index, v]++;
                for (var t = 0; t < mo.Unknown.Length; t++)
                    for (var c = 0; c < Values; c++) counts[z[mo.Unknown[t]], mo.Index, c] += expected[mo.Index][t, c];
            }

            if (options.Spatial) spatial.Fit(counts, theta);
            else
            {
                var draw = new double[Values];
                for (var b = 0; b < k; b++)
                    for (var j = 0; j < m; j++)
                    {
                        double total = 0;
                        for (var c = 0; c < Values; c++) total += draw[c] = Gamma.Sample(rng, options.Alpha + counts[b, j, c], 1.0);
                        for (var c = 0; c < Values; c++) theta[b, j, c] = total > 0 ? Math.Max(draw[c] / total, 1e-12) : 0.25;
                    }
            }

            if (keep)
                for (var b = 0; b < k; b++)
                    for (var j = 0; j < m; j++)
                        for (var c = 0; c < Values; c++) thetaSum[b, j, c] += theta[b, j, c];

            // π | z.
            var size = new double[k];
            for (var i = 0; i < n; i++) size[z[i]]++;
            double piTotal = 0;
            for (var b = 0; b < k; b++) piTotal += pi[b] = Gamma.Sample(rng, 1.0 + size[b], 1.0);
            for (var b = 0; b < k; b++) pi[b] /= piTotal;
        }

        // θ as used in the sampled sweeps, for the ask-next ranking.
        var probs = problem.Motions.Select(mo => Enumerable.Range(0, mo.Unknown.Length + mo.Anonymous)
            .Select(t => Enumerable.Range(0, Values).Select(c => sums[mo.Index][t, c] / options.Samples).ToArray()).ToArray()).ToArray();
        var result = Assemble(records, problem, probs, z);
        return result with
        {
            AskNext = AskNext(problem, blocCounts, thetaSum, options.Samples, k),
            Fitting = string.Create(CultureInfo.InvariantCulture, $"Gibbs sampler: {options.BurnIn} sweeps of burn-in, {options.Samples} averaged"),
        };
    }

    private static ReconstructionResult RunStances(RecordSet records, Problem problem, ReconstructionOptions options, int[]? fixedBlocs)
    {
        var fit = new StanceModel(problem, options.Blocs).Run(options, fixedBlocs);
        var z = new int[problem.Members.Length];
        for (var i = 0; i < z.Length; i++)
        {
            var best = 0;
            for (var b = 1; b < options.Blocs; b++)
                if (fit.Blocs[i, b] > fit.Blocs[i, best]) best = b;
            z[i] = best;
        }

        return Assemble(records, problem, fit.Probabilities, z) with
        {
            AskNext = [.. fit.MemberQuestions.Select(x => new Question(problem.Members[x.Member], problem.Motions[x.Motion].Id, x.Bits))],
            AskGroups = [.. fit.GroupQuestions.Select(x => new GroupQuestion(x.Group, problem.Motions[x.Motion].Id, x.Bits))],
            Fitting = fit.Converged
                ? string.Create(CultureInfo.InvariantCulture, $"stance model, EM: converged after {fit.Iterations} iterations")
                : string.Create(CultureInfo.InvariantCulture, $"stance model, EM: stopped at the cap of {fit.Iterations} iterations before converging"),
        };
    }

    private static double[][] Weights(MotionProblem mo, double[,,] theta, double[] pi, int[] z, int k)
    {
        var w = new double[mo.Unknown.Length + mo.Anonymous][];
        for (var t = 0; t < mo.Unknown.Length; t++)
        {
            var i = mo.Unknown[t];
            w[t] = new double[Values];
            for (var c = 0; c < Values; c++) w[t][c] = theta[z[i], mo.Index, c] * mo.Soft[t][c];
        }

        var average = new double[Values];
        for (var b = 0; b < k; b++)
            for (var c = 0; c < Values; c++) average[c] += pi[b] * theta[b, mo.Index, c];
        for (var t = mo.Unknown.Length; t < w.Length; t++) w[t] = average;
        return w;
    }

    private static int SampleLog(double[] logp, Random rng)
    {
        var max = logp.Max();
        var p = logp.Select(x => Math.Exp(x - max)).ToArray();
        var u = rng.NextDouble() * p.Sum();
        for (var b = 0; b < p.Length; b++)
        {
            u -= p[b];
            if (u <= 0) return b;
        }

        return p.Length - 1;
    }

    private static ReconstructionResult Assemble(RecordSet records, Problem problem, double[][][] probabilities, int[] z)
    {
        var cells = ImmutableArray.CreateBuilder<CellEstimate>();
        var added = new List<Position>();
        foreach (var mo in problem.Motions)
        {
            var motion = records.Motions[mo.RecordIndex];
            foreach (var (i, v) in mo.Known)
            {
                var p = OneHot(v);
                cells.Add(new CellEstimate(problem.Members[i], motion.Id, p, (Vote)v, mo.KnownBasis[i]));
            }

            var count = mo.Unknown.Length + mo.Anonymous;
            if (count == 0) continue;
            var probs = probabilities[mo.Index].Select(p => (double[])p.Clone()).ToArray();

            // Anonymous seats are exchangeable: give each the average of their marginals.
            if (mo.Anonymous > 0)
            {
                var avg = new double[Values];
                for (var t = mo.Unknown.Length; t < count; t++)
                    for (var c = 0; c < Values; c++) avg[c] += probs[t][c] / mo.Anonymous;
                for (var t = mo.Unknown.Length; t < count; t++) probs[t] = avg;
            }

            var best = mo.Solver.MostLikely(probs, expectedCorrect: true) ?? throw new InvalidOperationException($"Motion {mo.Id}: no most-likely assignment.");
            for (var t = 0; t < mo.Unknown.Length; t++)
            {
                var i = mo.Unknown[t];
                var forced = mo.Forced[t];
                var p = forced >= 0 ? OneHot(forced) : Normalise(probs[t]);
                var value = forced >= 0 ? forced : best[t];
                var basis = forced >= 0 ? Basis.Forced : Basis.Inferred;
                cells.Add(new CellEstimate(problem.Members[i], motion.Id, p, (Vote)value, basis));
                added.Add(new Position(problem.Members[i], motion.Id, (Vote)value, basis, basis == Basis.Inferred ? p : null, null));
            }
        }

        // Inferred positions already in the input (an earlier reconstruction) are not evidence: they are replaced by
        // this run's, so no cell is written twice.
        var updated = records with { Positions = [.. records.Positions.Where(p => p.Basis != Basis.Inferred), .. added] };
        var blocOf = problem.Members.Select((id, i) => (id, z[i])).ToImmutableDictionary(p => p.id, p => p.Item2);
        return new ReconstructionResult(cells.ToImmutable(), [.. problem.Motions.Select(x => x.Report)], updated, blocOf);
    }

    /// <summary>Ranks unknown cells by how much learning them would tell about the member's bloc: the mutual
    /// information I(bloc; vote) = H(Σ_k q_k θ_kj) − Σ_k q_k H(θ_kj), in bits, with q the member's bloc posterior
    /// (share of sweeps in each bloc) and θ the blocs' averaged propensities on the motion. The tally's coupling
    /// between members is ignored here.</summary>
    private static ImmutableArray<Question> AskNext(Problem problem, double[,] blocCounts, double[,,] thetaSum, int samples, int k)
    {
        var questions = new List<Question>();
        Span<double> mix = stackalloc double[Values];
        Span<double> th = stackalloc double[Values];
        foreach (var mo in problem.Motions)
        {
            // A vote nobody opposed says nothing about blocs, whatever the propensities say about absences.
            if (!mo.Contested) continue;
            foreach (var i in mo.Unknown)
            {
                mix.Clear();
                double conditional = 0;
                for (var b = 0; b < k; b++)
                {
                    var q = blocCounts[i, b] / samples;
                    if (q <= 0) continue;
                    for (var c = 0; c < Values; c++) th[c] = thetaSum[b, mo.Index, c] / samples;
                    conditional += q * StanceModel.Entropy(th);
                    for (var c = 0; c < Values; c++) mix[c] += q * th[c];
                }

                var bits = StanceModel.Entropy(mix) - conditional;
                if (bits > 1e-6) questions.Add(new Question(problem.Members[i], mo.Id, bits));
            }
        }

        return [.. questions.OrderByDescending(q => q.Bits).ThenBy(q => q.Member).ThenBy(q => q.Motion).Take(20)];
    }

    private static VoteProbabilities OneHot(int v) => new(v == 0 ? 1 : 0, v == 1 ? 1 : 0, v == 2 ? 1 : 0, v == 3 ? 1 : 0);

    private static VoteProbabilities Normalise(double[] p)
    {
        // Round to 6 decimals so the file is stable and readable, keeping the sum exactly 1.
        var r = p.Select(x => Math.Round(x, 6)).ToArray();
        var diff = 1 - r.Sum();
        var at = Array.IndexOf(r, r.Max());
        r[at] = Math.Round(r[at] + diff, 6);
        return new VoteProbabilities(r[0], r[1], r[2], r[3]);
    }

    /// <summary>One motion's part of the problem.</summary>
    internal sealed record MotionProblem(
        int Index,
        int RecordIndex,
        MotionId Id,
        int[] Participants,
        (int Member, int Vote)[] Known,
        Dictionary<int, Basis> KnownBasis,
        int[] Unknown,
        double[][] Soft,
        int Anonymous,
        ConstrainedVotes Solver,
        int[] Forced,
        MotionReport Report,
        bool Contested,
        (int[] Members, int Vote)[] Statements);

    internal sealed record Problem(ImmutableArray<MemberId> Members, MotionProblem[] Motions, List<int>[] MotionsOf, List<string>[] Groups, int[][] Mates,
        Dictionary<string, string> GroupNames)
    {
        public static Problem Build(RecordSet records, ReconstructionOptions options)
        {
            var members = records.Members.Select(x => x.Id).Distinct().ToImmutableArray();
            var index = members.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
            var meetings = records.Meetings.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First());
            var memberById = records.Members.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First());
            var known = new Dictionary<(int, MotionId), (int Vote, Basis Basis)>();
            foreach (var p in records.Positions.Where(p => p.IsEvidence))
                if (index.TryGetValue(p.Member, out var i)) known.TryAdd((i, p.Motion), ((int)p.Vote, p.Basis));
            var soft = new Dictionary<(int, MotionId), int>();
            foreach (var g in records.GroupPositions)
            {
                if (g.Members.IsDefaultOrEmpty || (g.Count is { } c && c < g.Members.Length)) continue;
                foreach (var id in g.Members)
                    if (index.TryGetValue(id, out var i)) soft.TryAdd((i, g.Motion), (int)g.Vote);
            }

            var groups = members.Select(id => memberById[id].Affiliations.Select(a => Normalise(a.Group)).Distinct().ToList()).ToArray();
            var mates = Enumerable.Range(0, members.Length)
                .Select(i => Enumerable.Range(0, members.Length).Where(q => q != i && groups[q].Intersect(groups[i]).Any()).ToArray()).ToArray();

            var motionsOf = Enumerable.Range(0, members.Length).Select(_ => new List<int>()).ToArray();
            var list = new List<MotionProblem>();
            for (var r = 0; r < records.Motions.Length; r++)
            {
                var motion = records.Motions[r];
                var j = list.Count;
                var meeting = meetings.GetValueOrDefault(motion.Meeting);
                var date = meeting?.Date;
                var participants = Enumerable.Range(0, members.Length).Where(i => date is null || memberById[members[i]].InOffice(date.Value)).ToArray();
                var seats = meeting?.Seats ?? records.Seats;
                var anonymous = seats is { } s ? Math.Max(0, s - participants.Length) : 0;
                foreach (var i in participants) motionsOf[i].Add(j);
                var knownHere = participants.Where(i => known.ContainsKey((i, motion.Id))).Select(i => (i, known[(i, motion.Id)].Vote)).ToArray();
                var knownBasis = participants.Where(i => known.ContainsKey((i, motion.Id))).ToDictionary(i => i, i => known[(i, motion.Id)].Basis);
                var unknown = participants.Where(i => !known.ContainsKey((i, motion.Id))).ToArray();
                var softWeights = unknown.Select(i => soft.TryGetValue((i, motion.Id), out var v)
                    ? Enumerable.Range(0, Values).Select(c => c == v ? options.GroupReliability : (1 - options.GroupReliability) / 3).ToArray()
                    : [1.0, 1.0, 1.0, 1.0]).ToArray();

                var total = participants.Length + anonymous;
                var (constraint, note) = ConstraintFor(motion, total);
                var remaining = new int?[Values];
                for (var c = 0; c < Values; c++)
                    remaining[c] = constraint.Of(c) is { } need ? need - knownHere.Count(x => x.Vote == c) : null;
                var free = unknown.Length + anonymous;
                var feasible = remaining.All(x => x is null or >= 0);
                ConstrainedVotes solver;
                var uniform = Enumerable.Range(0, free).Select(_ => new[] { 1.0, 1.0, 1.0, 1.0 }).ToArray();
                if (feasible)
                {
                    solver = new ConstrainedVotes(remaining);
                    feasible = solver.Feasible(uniform);
                }
                else
                {
                    solver = new ConstrainedVotes(new int?[Values]);
                }

                if (!feasible)
                {
                    note = $"tally {motion.Tally?.ToString() ?? "(flags)"} cannot be met by the {total} members in office with the known positions: left unconstrained";
                    solver = new ConstrainedVotes(new int?[Values]);
                }

                // Arithmetic first: a cell every feasible assignment agrees on is forced.
                var forced = new int[unknown.Length];
                Array.Fill(forced, -1);
                if (feasible && constraint != CountConstraint.None && free > 0)
                {
                    var marg = solver.Marginals(uniform)!;
                    for (var t = 0; t < unknown.Length; t++)
                    {
                        var possible = Enumerable.Range(0, Values).Where(c => marg[t][c] > 0).ToList();
                        if (possible.Count == 1) forced[t] = possible[0];
                    }
                }

                var report = new MotionReport(motion.Id, feasible ? motion.Tally : null, total, anonymous, note, feasible);
                // Contested: both sides had votes, by the tally or the known positions; or nothing says otherwise.
                var contested = !motion.Unanimous && !motion.NemCon && (motion.Tally is not { } tt
                    || ((tt.For ?? 1) > 0 && (tt.Against ?? 1) > 0));
                var statements = records.GroupPositions.Where(g => g.Motion == motion.Id && !g.Members.IsDefaultOrEmpty && !(g.Count is { } gc && gc < g.Members.Length))
                    .Select(g => (g.Members.Where(index.ContainsKey).Select(id => index[id]).Where(i => participants.Contains(i)).ToArray(), (int)g.Vote))
                    .Where(g => g.Item1.Length > 0).ToArray();
                list.Add(new MotionProblem(j, r, motion.Id, participants, knownHere, knownBasis, unknown, softWeights, anonymous, solver, forced, report, contested, statements));
            }

            // Each declared group as first spelled in the records, for people (the model compares normalised names).
            var groupNames = records.Members.SelectMany(x => x.Affiliations).Select(a => a.Group)
                .GroupBy(Normalise).ToDictionary(g => g.Key, g => g.First());
            return new Problem(members, [.. list], motionsOf, groups, mates, groupNames);
        }

        private static (CountConstraint, string) ConstraintFor(Motion motion, int total)
        {
            var t = motion.Tally ?? new Tally(null, null, null);
            int? f = t.For, a = t.Against, b = t.Abstain;
            var flags = new List<string>();
            if (motion.Unanimous)
            {
                a ??= 0;
                b ??= 0;
                flags.Add("unanimous: nobody against or abstaining");
            }

            if (motion.NemCon)
            {
                a ??= 0;
                flags.Add("nem con: nobody against");
            }

            int? absent = f is { } ff && a is { } aa && b is { } bb ? total - ff - aa - bb : null;
            var conflicts = motion.ConflictingTallies;
            string note;
            if (motion.Tally is null && flags.Count == 0) note = "no tally reported: only the model constrains it";
            else if (conflicts.Length > 1)
                note = $"sources disagree ({string.Join(" vs ", motion.Sources.Where(s => s.Tally is not null).Select(s => $"{s.Tally} in {s.Report}"))}); used {motion.Tally}, the tally the data set records for the motion"
                       + (motion.Note is { } n ? $" ({n})" : "");
            else note = motion.Tally is { } tt ? $"tally {tt}" + (b is null ? " (abstentions not reported: abstain and absent are free)" : "") : "no figures";
            if (flags.Count > 0) note += "; " + string.Join("; ", flags);
            return (f is null && a is null && b is null ? CountConstraint.None : new CountConstraint(f, a, b, absent), note);
        }

        private static string Normalise(string group) => string.Join(' ', group.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
