using System.Globalization;

namespace VoteAlign.Core.Inference;

/// <summary>The bloc-stance model of a committee that publishes tallies: fitted by variational EM.</summary>
/// <remarks>
/// <para>Each member i belongs to one of K blocs (posterior q_i). On each motion j every bloc takes a stance
/// σ ∈ {for, against, abstain}; the motion's stance pattern s_j = (σ_1 … σ_K) is one of 3^K, with prior shares ω
/// learned across motions (so "the two left blocs against, the right for" is learned to be common and "left and
/// right for, centre against" rare). Given its bloc's stance a member who attends votes v with probability
/// E[σ][v] (loyalty on the diagonal, learned), and is absent with their own rate a_i whatever the stance.</para>
/// <para>Per motion, for every pattern, the likelihood of the facts is exact: known positions multiply in, and the
/// probability that the unknown members' votes meet the tally is a sum over every assignment, done by the
/// counting dynamic programme of <see cref="ConstrainedVotes"/> over members whose weights mix their blocs by q.
/// The programme is screened: a pattern whose upper bound on that probability (Chernoff's,
/// <see cref="ConstrainedVotes.LogBound"/>, far cheaper) already puts it <see cref="Screening"/> nats below the best
/// pattern's exact value has posterior under e^−30 and is given 0 without it. The pattern posterior follows; for the
/// patterns that carry weight, the programme's forward and backward messages give each unknown cell's marginal under
/// the count constraint and how likely the facts are were the member in each bloc. Those per-bloc likelihoods (not
/// the member's own marginal, which would feed back on itself) update q; expected counts update E, a, ω and the
/// bloc shares. Declared groups are a soft prior on q: η × the mean posterior of one's group-mates, on the log
/// scale.</para>
/// <para>Deterministic: the start is the declared groups (group g to bloc g mod K) with a seeded jitter for
/// everyone, motions are computed in parallel into their own buffers and reduced in motion order.</para>
/// </remarks>
internal sealed class StanceModel
{
    private const int V = ConstrainedVotes.Values;
    private const int Stances = 3;
    private const double Negligible = 1e-6;

    // EM iterations that fit the stance shares, loyalty and absence to the starting blocs before the blocs move.
    // From the flat start (every pattern equally likely, generic loyalty) the first bloc evidence is poorly informed
    // and, taken at once, sent every member of a fully declared chamber into one bloc, a local optimum the fit
    // never left (seen on a tally-only roll call: log-likelihood −1663 merged against −1639 with the true blocs).
    private const int Warmup = 3;

    /// <summary>How far (in nats of log posterior) a pattern's upper bound must fall below the best exact value of the
    /// motion for the pattern's exact programme to be skipped. The bound is never below the exact value, so a skipped
    /// pattern's posterior is under e^−30 ≈ 1e-13, seven orders under the 1e-6 at which patterns start to count (measured
    /// on the acceptance scenarios and a 101-member council, the bound sits 0.5–3.2 nats above the exact value, so
    /// the patterns skipped are those whose exact value is 27–30 nats or more below the best).</summary>
    internal const double Screening = 30;

    private readonly Reconstruction.Problem _problem;
    private readonly double _screen;
    private readonly int _k;
    private readonly int _patterns;
    private readonly int[][] _stance;   // pattern → stance per bloc

    /// <param name="problem">The motions and members.</param>
    /// <param name="k">Blocs.</param>
    /// <param name="screen">The screening margin in nats (<see cref="Screening"/>); +∞ runs every pattern's exact programme.</param>
    public StanceModel(Reconstruction.Problem problem, int k, double screen = Screening)
    {
        if (k > 6) throw new ArgumentException("The stance model takes at most 6 blocs (3^K stance patterns per motion).", nameof(k));
        _problem = problem;
        _screen = screen;
        _k = k;
        _patterns = (int)Math.Pow(Stances, k);
        _stance = new int[_patterns][];
        for (var s = 0; s < _patterns; s++)
        {
            _stance[s] = new int[k];
            for (int b = 0, x = s; b < k; b++, x /= Stances) _stance[s][b] = x % Stances;
        }
    }

    /// <summary>The fitted model.</summary>
    /// <param name="Probabilities">Per motion, per unknown participant (roster members first, then unnamed seats): P(v).</param>
    /// <param name="Blocs">Per member, the posterior over blocs.</param>
    /// <param name="Patterns">Per motion, the posterior over stance patterns.</param>
    /// <param name="LogLikelihood">Σ_j log P(facts of motion j) at the last iteration.</param>
    /// <param name="Iterations">EM iterations run.</param>
    /// <param name="Converged">Whether the bloc posteriors stopped moving before the cap.</param>
    public sealed record Fit(double[][][] Probabilities, double[,] Blocs, double[][] Patterns, double LogLikelihood, int Iterations, bool Converged)
    {
        /// <summary>Loyalty: P(vote | stance) for members who attend, [stance, vote].</summary>
        public double[,] Emission { get; init; } = new double[0, 0];

        /// <summary>(Motion, pattern) pairs of the final pass whose exact tally programme the screening skipped.</summary>
        public int Skipped { get; init; }

        /// <summary>Prior shares of the stance patterns.</summary>
        public double[] Shares { get; init; } = [];

        /// <summary>Unknown cells by the information their value carries about the member's bloc, most first.</summary>
        public List<(int Member, int Motion, double Bits)> MemberQuestions { get; init; } = [];

        /// <summary>(Declared group, motion) pairs by the information the group's line carries about the motion's
        /// stance pattern, most first.</summary>
        public List<(string Group, int Motion, double Bits)> GroupQuestions { get; init; } = [];
    }

    /// <summary>Fits the model.</summary>
    /// <param name="options">Seed, declared-group prior strength, group-statement reliability, iteration cap.</param>
    /// <param name="fixedBlocs">When given, every member's bloc is held at this value (a diagnostic).</param>
    public Fit Run(ReconstructionOptions options, int[]? fixedBlocs)
    {
        var n = _problem.Members.Length;
        var m = _problem.Motions.Length;
        var k = _k;
        var rng = new Random(options.Seed);

        // Start: declared groups to blocs in name order, a small seeded jitter for everyone.
        var q = new double[n, k];
        var groupIds = _problem.Groups.SelectMany(g => g).Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < n; i++)
        {
            var home = fixedBlocs?[i] ?? (_problem.Groups[i].Count > 0 ? groupIds.IndexOf(_problem.Groups[i].Min(StringComparer.Ordinal)!) % k : -1);
            double total = 0;
            for (var b = 0; b < k; b++) total += q[i, b] = (b == home ? (fixedBlocs is null ? 4.0 : 1e9) : 1.0) * (1 + 0.2 * rng.NextDouble());
            for (var b = 0; b < k; b++) q[i, b] /= total;
        }

        var pi = Enumerable.Repeat(1.0 / k, k).ToArray();
        var omega = Enumerable.Repeat(1.0 / _patterns, _patterns).ToArray();
        var emission = new double[Stances, Stances];
        for (var a = 0; a < Stances; a++)
            for (var v = 0; v < Stances; v++) emission[a, v] = a == v ? 0.85 : 0.075;
        var absence = Enumerable.Repeat(0.05, n).ToArray();

        var results = new MotionResult[m];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads };
        var logLik = double.NegativeInfinity;
        var iterations = 0;
        var converged = false;
        var previous = double.NegativeInfinity;
        var step = 0.5;
        var maxIterations = Math.Max(1, options.Iterations);
        while (iterations < maxIterations)
        {
            iterations++;
            options.Progress?.Report(iterations == 1
                ? $"reconstruct: EM iteration 1 of at most {maxIterations}"
                : $"reconstruct: EM iteration {iterations} of at most {maxIterations} (log-likelihood {logLik.ToString("0.0", CultureInfo.InvariantCulture)})");
            var emit = Emissions(emission, absence);
            var anonymous = Anonymous(emission, absence);
            var qq = q;
            Parallel.For(0, m, parallel,
                j => results[j] = Motion(_problem.Motions[j], qq, emit, anonymous, pi, omega, options.GroupReliability, options.TallyWeight, withStatistics: true));

            // Reduce in motion order.
            var evidence = new double[n, k];
            var stanceVotes = new double[Stances, Stances];
            var absent = new double[n];
            var cells = new double[n];
            var patternMass = new double[_patterns];
            logLik = 0;
            foreach (var r in results)
            {
                logLik += r.LogLikelihood;
                foreach (var (i, ev) in r.Evidence)
                    for (var b = 0; b < k; b++) evidence[i, b] += ev[b];
                for (var a = 0; a < Stances; a++)
                    for (var v = 0; v < Stances; v++) stanceVotes[a, v] += r.StanceVotes[a, v];
                foreach (var (i, p) in r.Absent)
                {
                    absent[i] += p;
                    cells[i]++;
                }

                for (var s = 0; s < _patterns; s++) patternMass[s] += r.Patterns[s];
            }

            // M-step. Loyalty is one pair of numbers for the for and against stances alike (a bloc's line is kept
            // with probability ρ, crossed with δ, abstained from with the rest), so neither side's stance can drift
            // into meaning "split"; an abstaining bloc's members abstain at least 60% of the time. Light priors; an
            // absence rate Beta(0.5, 9.5) (about 5%).
            {
                var kept = stanceVotes[0, 0] + stanceVotes[1, 1] + 2.0;
                var crossed = stanceVotes[0, 1] + stanceVotes[1, 0] + 0.5;
                var abstained = stanceVotes[0, 2] + stanceVotes[1, 2] + 0.5;
                var total = kept + crossed + abstained;
                emission[0, 0] = emission[1, 1] = kept / total;
                emission[0, 1] = emission[1, 0] = crossed / total;
                emission[0, 2] = emission[1, 2] = abstained / total;
                var abstain = Math.Max(0.6, (stanceVotes[2, 2] + 2.0) / (stanceVotes[2, 0] + stanceVotes[2, 1] + stanceVotes[2, 2] + 3.0));
                emission[2, 2] = abstain;
                emission[2, 0] = emission[2, 1] = (1 - abstain) / 2;
            }

            for (var i = 0; i < n; i++) absence[i] = (absent[i] + 0.5) / (cells[i] + 10.0);
            for (var s = 0; s < _patterns; s++) omega[s] = (patternMass[s] + 0.5) / (m + 0.5 * _patterns);

            if (logLik < previous && iterations > Warmup + 1) step = Math.Max(0.05, step / 2);
            var next = new double[n, k];
            var logq = new double[k];
            var delta = 0.0;
            for (var i = 0; i < n; i++)
            {
                var mates = _problem.Mates[i];
                for (var b = 0; b < k; b++)
                {
                    logq[b] = Math.Log(pi[b]) + evidence[i, b];
                    if (mates.Length > 0)
                    {
                        double share = 0;
                        foreach (var mate in mates) share += q[mate, b];
                        logq[b] += options.DeclaredPrior * share / mates.Length;
                    }
                }

                if (fixedBlocs is not null)
                    for (var b = 0; b < k; b++) logq[b] = b == fixedBlocs[i] ? 0 : double.NegativeInfinity;
                else if (iterations <= Warmup)
                    for (var b = 0; b < k; b++) logq[b] = Math.Log(Math.Max(q[i, b], 1e-300));
                // Damped: part-way (on the log scale) from the current posterior to the update, half-way at first and
                // less each time the fit gets worse. Undamped, the simultaneous updates of everyone's bloc swing
                // members back and forth on sparse data (seen on the NEC: a two-step cycle that never settled).
                else if (iterations > 1)
                    for (var b = 0; b < k; b++) logq[b] = step * logq[b] + (1 - step) * Math.Log(Math.Max(q[i, b], 1e-300));
                var max = logq.Max();
                double total = 0;
                for (var b = 0; b < k; b++) total += next[i, b] = Math.Exp(logq[b] - max);
                for (var b = 0; b < k; b++)
                {
                    next[i, b] /= total;
                    delta = Math.Max(delta, Math.Abs(next[i, b] - q[i, b]));
                }
            }

            q = next;
            for (var b = 0; b < k; b++)
            {
                double size = 0;
                for (var i = 0; i < n; i++) size += q[i, b];
                pi[b] = (size + 1.0) / (n + k);
            }

            // Stop when the blocs have settled and the fit no longer improves (the stance shares and loyalty keep
            // moving after the blocs settle, above all when the blocs are fixed).
            var gain = logLik - previous;
            previous = logLik;
            if (delta < 1e-3 && Math.Abs(gain) < 1e-3 * Math.Max(1, m) && iterations >= Warmup + 3)
            {
                converged = true;
                break;
            }
        }

        // Final pass with the last parameters: the probabilities and pattern posteriors reported.
        var finalEmit = Emissions(emission, absence);
        var finalAnonymous = Anonymous(emission, absence);
        var qf = q;
        Parallel.For(0, m, parallel,
            j => results[j] = Motion(_problem.Motions[j], qf, finalEmit, finalAnonymous, pi, omega, options.GroupReliability, options.TallyWeight, withStatistics: false));
        return new Fit([.. results.Select(r => r.Probabilities)], q, [.. results.Select(r => r.Patterns)],
            results.Sum(r => r.LogLikelihood), iterations, converged)
        {
            Emission = emission,
            Shares = omega,
            Skipped = results.Sum(r => r.Skipped),
            MemberQuestions = MemberQuestions(results, q, finalEmit),
            GroupQuestions = GroupQuestions(results, q, options.GroupReliability),
        };
    }

    /// <summary>Shannon entropy in bits.</summary>
    internal static double Entropy(ReadOnlySpan<double> p)
    {
        double h = 0;
        foreach (var x in p)
            if (x > 0) h -= x * Math.Log2(x);
        return h;
    }

    /// <summary>I(bloc; vote) for each unknown cell of a contested motion: H(Σ_b q_b p_b) − Σ_b q_b H(p_b), with p_b the
    /// vote's distribution were the member in bloc b (their bloc's stance mixed over the motion's pattern posterior).
    /// The tally's coupling between members is left out.</summary>
    private List<(int, int, double)> MemberQuestions(MotionResult[] results, double[,] q, double[][][] emit)
    {
        var list = new List<(int, int, double)>();
        Span<double> mix = stackalloc double[V];
        Span<double> pb = stackalloc double[V];
        foreach (var mo in _problem.Motions)
        {
            if (!mo.Contested) continue;
            var r = results[mo.Index].Patterns;
            foreach (var i in mo.Unknown)
            {
                mix.Clear();
                double conditional = 0;
                for (var b = 0; b < _k; b++)
                {
                    pb.Clear();
                    for (var s = 0; s < _patterns; s++)
                        if (r[s] > Negligible)
                            for (var v = 0; v < V; v++) pb[v] += r[s] * emit[i][_stance[s][b]][v];
                    conditional += q[i, b] * Entropy(pb);
                    for (var v = 0; v < V; v++) mix[v] += q[i, b] * pb[v];
                }

                var bits = Entropy(mix) - conditional;
                if (bits > 1e-6) list.Add((i, mo.Index, bits));
            }
        }

        return [.. list.OrderByDescending(x => x.Item3).ThenBy(x => x.Item1).ThenBy(x => x.Item2).Take(20)];
    }

    /// <summary>I(pattern; the group's stated line) for each declared group on each contested motion without a
    /// statement of it: the statement is the group's members' blocs' stance, mixed by q, right with probability r.</summary>
    private List<(string, int, double)> GroupQuestions(MotionResult[] results, double[,] q, double reliability)
    {
        var groups = _problem.Groups.SelectMany(g => g).Distinct().Order(StringComparer.Ordinal).ToList();
        var members = groups.ToDictionary(g => g, g => Enumerable.Range(0, _problem.Members.Length).Where(i => _problem.Groups[i].Contains(g)).ToArray());
        var list = new List<(string, int, double)>();
        Span<double> mix = stackalloc double[Stances];
        Span<double> said = stackalloc double[Stances];
        foreach (var mo in _problem.Motions)
        {
            if (!mo.Contested) continue;
            var r = results[mo.Index].Patterns;
            foreach (var g in groups)
            {
                var group = members[g].Where(mo.Participants.Contains).ToArray();
                if (group.Length == 0 || mo.Statements.Any(x => x.Members.Intersect(group).Any())) continue;
                mix.Clear();
                double conditional = 0;
                for (var s = 0; s < _patterns; s++)
                {
                    if (r[s] <= Negligible) continue;
                    said.Clear();
                    foreach (var i in group)
                        for (var b = 0; b < _k; b++)
                            for (var v = 0; v < Stances; v++) said[v] += q[i, b] * (_stance[s][b] == v ? reliability : (1 - reliability) / 2) / group.Length;
                    conditional += r[s] * Entropy(said);
                    for (var v = 0; v < Stances; v++) mix[v] += r[s] * said[v];
                }

                var bits = Entropy(mix) - conditional;
                if (bits > 1e-6) list.Add((_problem.GroupNames[g], mo.Index, bits));
            }
        }

        return [.. list.OrderByDescending(x => x.Item3).ThenBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.Item2).Take(20)];
    }

    /// <summary>P(v | stance) for a member absent at rate <paramref name="absence"/>: [stance][v].</summary>
    private static double[][] Rows(double[,] emission, double absence)
    {
        var result = new double[Stances][];
        for (var a = 0; a < Stances; a++)
        {
            result[a] = new double[V];
            for (var v = 0; v < Stances; v++) result[a][v] = (1 - absence) * emission[a, v];
            result[a][V - 1] = absence;
        }

        return result;
    }

    /// <summary>Per member, P(v | stance) with their own absence rate: [member][stance][v].</summary>
    private static double[][][] Emissions(double[,] emission, double[] absence) => [.. absence.Select(a => Rows(emission, a))];

    /// <summary>An unnamed seat: a member absent at the roster's mean rate, [stance][v] (its bloc is mixed by the
    /// bloc shares where it is used).</summary>
    private static double[][] Anonymous(double[,] emission, double[] absence) => Rows(emission, absence.Length == 0 ? 0.05 : absence.Average());

    private sealed record MotionResult(
        double LogLikelihood,
        double[] Patterns,
        double[][] Probabilities,
        List<(int Member, double[] Evidence)> Evidence,
        double[,] StanceVotes,
        List<(int Member, double Absent)> Absent,
        int Skipped);

    private MotionResult Motion(Reconstruction.MotionProblem mo, double[,] q, double[][][] emit, double[][] anonymous, double[] pi, double[] omega, double reliability, double tallyWeight, bool withStatistics)
    {
        var k = _k;
        var unknown = mo.Unknown;
        var free = unknown.Length + mo.Anonymous;
        var lp = new double[_patterns];
        var mixKnown = new double[_patterns][];
        var weights = new double[_patterns][][];
        var bound = new double[_patterns];
        var computed = new bool[_patterns];

        // Weights of the unknown participants under a pattern: their blocs mixed by q, times any group statement.
        double[][] Weights(int s)
        {
            var st = _stance[s];
            var w = new double[free][];
            for (var t = 0; t < unknown.Length; t++)
            {
                var i = unknown[t];
                w[t] = new double[V];
                for (var b = 0; b < k; b++)
                {
                    var e = emit[i][st[b]];
                    var qb = q[i, b];
                    for (var v = 0; v < V; v++) w[t][v] += qb * e[v];
                }

            }

            if (mo.Anonymous > 0)
            {
                var avg = new double[V];
                for (var b = 0; b < k; b++)
                    for (var v = 0; v < V; v++) avg[v] += pi[b] * anonymous[st[b]][v];
                for (var t = unknown.Length; t < free; t++) w[t] = avg;
            }

            return w;
        }

        for (var s = 0; s < _patterns; s++)
        {
            var st = _stance[s];
            var logKnown = 0.0;
            var mix = mixKnown[s] = new double[mo.Known.Length];
            for (var x = 0; x < mo.Known.Length; x++)
            {
                var (i, v) = mo.Known[x];
                double p = 0;
                for (var b = 0; b < k; b++) p += q[i, b] * emit[i][st[b]][v];
                mix[x] = p;
                logKnown += Math.Log(p);
            }

            // A group statement reports the group's line: evidence about the stance of the blocs its members are in
            // (mixed by q), right with probability r. It is not a vote of each member (members break ranks and are
            // absent, and the statement still names them), which is what the loyalty E says given the stance.
            foreach (var (group, said) in mo.Statements)
            {
                double p = 0;
                foreach (var i in group)
                    for (var b = 0; b < k; b++) p += q[i, b] * (st[b] == said ? reliability : (1 - reliability) / 2);
                logKnown += Math.Log(p / group.Length);
            }

            lp[s] = Math.Log(omega[s]) + logKnown;
            weights[s] = Weights(s);
            bound[s] = free > 0 && tallyWeight > 0 ? lp[s] + tallyWeight * mo.Solver.LogBound(weights[s]) : lp[s];
        }

        // The tally's exact programme, the patterns with the highest bound first, until the bound of the rest lies more
        // than the screening margin below the best exact value so far: each of the rest has exact posterior below
        // e^−margin, and is given 0 without its programme (a tally weighed at 0 or less bounds nothing: all run).
        var screen = free > 0 && tallyWeight > 0 ? _screen : double.PositiveInfinity;
        var best = double.NegativeInfinity;
        var skipped = _patterns;
        foreach (var s in Enumerable.Range(0, _patterns).OrderByDescending(s => bound[s]))
        {
            if (bound[s] < best - screen) break;
            skipped--;
            if (free > 0) lp[s] += tallyWeight * mo.Solver.LogNormaliser(weights[s]);
            best = Math.Max(best, lp[s]);
            computed[s] = true;
        }

        for (var s = 0; s < _patterns; s++)
            if (!computed[s]) lp[s] = double.NegativeInfinity;

        var top = lp.Max();
        var r = new double[_patterns];
        double z = 0;
        for (var s = 0; s < _patterns; s++) z += r[s] = double.IsNegativeInfinity(lp[s]) ? 0 : Math.Exp(lp[s] - top);
        for (var s = 0; s < _patterns; s++) r[s] /= z;
        var logLik = top + Math.Log(z);

        var probs = new double[free][];
        for (var t = 0; t < free; t++) probs[t] = new double[V];
        var evidence = new List<(int, double[])>();
        var stanceVotes = new double[Stances, Stances];
        var absent = new List<(int, double)>();

        // Known members: how likely the motion's facts are were they in each bloc.
        for (var x = 0; x < mo.Known.Length; x++)
        {
            var (i, v) = mo.Known[x];
            var ev = new double[k];
            for (var b = 0; b < k; b++)
            {
                double sum = 0;
                for (var s = 0; s < _patterns; s++)
                    if (r[s] > 0) sum += r[s] * emit[i][_stance[s][b]][v] / mixKnown[s][x];
                ev[b] = Math.Log(Math.Max(sum, 1e-300));
            }

            evidence.Add((i, ev));
            if (withStatistics)
            {
                for (var s = 0; s < _patterns; s++)
                {
                    if (r[s] < Negligible || v == V - 1) continue;
                    for (var b = 0; b < k; b++)
                        stanceVotes[_stance[s][b], v] += r[s] * q[i, b] * emit[i][_stance[s][b]][v] / mixKnown[s][x];
                }

                absent.Add((i, v == V - 1 ? 1 : 0));
            }
        }

        // Members named in a group statement: the statement reports each named member's line, so it is evidence
        // that their bloc took the stated stance (right with probability r), whichever bloc that is.
        foreach (var (group, said) in mo.Statements)
        {
            var ev = new double[k];
            for (var b = 0; b < k; b++)
            {
                double sum = 0;
                for (var s = 0; s < _patterns; s++)
                    if (r[s] > 0) sum += r[s] * (_stance[s][b] == said ? reliability : (1 - reliability) / 2);
                ev[b] = Math.Log(sum);
            }

            foreach (var i in group) evidence.Add((i, ev));
        }

        // Unknown members: marginals under each pattern that carries weight, and per-bloc likelihoods.
        var unknownEvidence = new double[unknown.Length, k];
        if (free > 0)
        {
            for (var s = 0; s < _patterns; s++)
            {
                if (r[s] < Negligible) continue;
                var st = _stance[s];
                var w = weights[s];
                var alternatives = new double[free][][];
                for (var t = 0; t < free; t++)
                {
                    alternatives[t] = new double[t < unknown.Length ? k : 0][];
                    for (var b = 0; b < alternatives[t].Length; b++)
                    {
                        var e = emit[unknown[t]][st[b]];
                        alternatives[t][b] = new double[V];
                        for (var v = 0; v < V; v++) alternatives[t][b][v] = e[v];
                    }
                }

                var (marginals, scores) = mo.Solver.MarginalsAndScores(w, alternatives) ?? throw new InvalidOperationException($"Motion {mo.Id} became infeasible.");
                for (var t = 0; t < free; t++)
                    for (var v = 0; v < V; v++) probs[t][v] += r[s] * marginals[t][v];

                for (var t = 0; t < unknown.Length; t++)
                {
                    var i = unknown[t];
                    // L_s(b) / Z_s = score_b / Σ_b' q_b' score_b': the facts' likelihood with the member in bloc b,
                    // relative to their mixture.
                    double norm = 0;
                    for (var b = 0; b < k; b++) norm += q[i, b] * scores[t][b];
                    for (var b = 0; b < k; b++) unknownEvidence[t, b] += r[s] * (norm > 0 ? scores[t][b] / norm : 1);
                    if (!withStatistics) continue;
                    for (var v = 0; v < Stances; v++)
                    {
                        double mix = 0;
                        for (var b = 0; b < k; b++) mix += q[i, b] * emit[i][st[b]][v];
                        if (mix <= 0) continue;
                        for (var b = 0; b < k; b++)
                            stanceVotes[st[b], v] += r[s] * marginals[t][v] * q[i, b] * emit[i][st[b]][v] / mix;
                    }
                }
            }

            for (var t = 0; t < free; t++)
            {
                var total = probs[t].Sum();
                for (var v = 0; v < V; v++) probs[t][v] /= total;
            }

            for (var t = 0; t < unknown.Length; t++)
            {
                var ev = new double[k];
                for (var b = 0; b < k; b++) ev[b] = tallyWeight * Math.Log(Math.Max(unknownEvidence[t, b], 1e-300));
                evidence.Add((unknown[t], ev));
                if (withStatistics) absent.Add((unknown[t], probs[t][V - 1]));
            }
        }

        return new MotionResult(logLik, r, probs, evidence, stanceVotes, absent, skipped);
    }
}
