namespace VoteAlign.Core.Inference;

/// <summary>Exact inference for one motion: the distribution over the unknown participants' votes given per-member
/// weights for each vote value and the requirement that the counts of constrained values equal the reported ones.
/// A dynamic programme over the participants whose state is how many of each constrained value have been used
/// so far (mixed-radix index); each step's message is rescaled so hundreds of members cannot underflow.</summary>
internal sealed class ConstrainedVotes
{
    public const int Values = 4;

    private readonly int[] _required;   // per value: required remaining count, or −1 if free
    private readonly int[] _radix;      // per value: stride in the state index, 0 if free
    private readonly int _states;
    private readonly int _target;
    private readonly int[] _used;        // per state: constrained votes used so far

    public ConstrainedVotes(int?[] remaining)
    {
        _required = new int[Values];
        _radix = new int[Values];
        var states = 1;
        // When every value's count is fixed, the largest is implied by the number of participants (which the
        // counts already add up to): leave it out of the state, which shrinks the programme by its range.
        var implied = -1;
        if (remaining.All(r => r is not null) && remaining.Any(r => r > 0))
            implied = Array.IndexOf(remaining, remaining.Max());
        for (var c = 0; c < Values; c++)
        {
            _required[c] = c == implied ? -1 : remaining[c] ?? -1;
            if (_required[c] > 0)
            {
                _radix[c] = states;
                states *= _required[c] + 1;
            }
        }

        _states = states;
        _used = new int[states];
        for (var st = 0; st < states; st++)
            for (var c = 0; c < Values; c++)
                if (_required[c] > 0) _used[st] += st / _radix[c] % (_required[c] + 1);
        var target = 0;
        for (var c = 0; c < Values; c++)
            if (_required[c] > 0) target += _required[c] * _radix[c];
        _target = target;
    }

    /// <summary>Number of DP states (the product of required counts + 1).</summary>
    public int States => _states;

    /// <summary>Whether a value may be taken at all (a value required 0 times may not).</summary>
    public bool Allowed(int c) => _required[c] != 0;

    private int Next(int s, int c)
    {
        if (_required[c] < 0) return s;
        if (_required[c] == 0) return -1;
        var used = s / _radix[c] % (_required[c] + 1);
        return used >= _required[c] ? -1 : s + _radix[c];
    }

    private double[][]? _cachedFor;
    private double[][]? _cachedBackward;

    /// <summary>Backward messages: b[i][s] ∝ weight of completing participants i.. from state s to the target.
    /// The last result is cached for the same weights array, so sampling and marginals share one pass.</summary>
    private double[][] Backward(double[][] w)
    {
        if (ReferenceEquals(w, _cachedFor) && _cachedBackward is not null) return _cachedBackward;
        _cachedBackward = BackwardPass(w);
        _cachedFor = w;
        return _cachedBackward;
    }

    private double[][] BackwardPass(double[][] w)
    {
        var n = w.Length;
        var b = new double[n + 1][];
        b[n] = new double[_states];
        b[n][_target] = 1;
        var goal = _used[_target];
        for (var i = n - 1; i >= 0; i--)
        {
            var cur = new double[_states];
            var next = b[i + 1];
            var max = 0.0;
            for (var s = 0; s < _states; s++)
            {
                // Unreachable from the start with i members, or too far from the target with n − i left.
                if (_used[s] > i || goal - _used[s] > n - i) continue;
                double sum = 0;
                for (var c = 0; c < Values; c++)
                {
                    if (w[i][c] <= 0) continue;
                    var t = Next(s, c);
                    if (t >= 0) sum += w[i][c] * next[t];
                }

                cur[s] = sum;
                if (sum > max) max = sum;
            }

            if (max > 0)
                for (var s = 0; s < _states; s++) cur[s] /= max;
            b[i] = cur;
        }

        return b;
    }

    private int[]? _next;

    /// <summary>log Σ over assignments meeting the counts of Π_i w[i][v_i]: how likely the counts are under
    /// independent per-participant weights (−∞ when no assignment with positive weight meets them). A forward pass
    /// only, rescaled at each step, with the scale kept in the log.</summary>
    public double LogNormaliser(double[][] w)
    {
        var n = w.Length;
        var next = _next ??= BuildNext();
        var f = new double[_states];
        var g = new double[_states];
        f[0] = 1;
        var goal = _used[_target];
        double log = 0;
        for (var i = 0; i < n; i++)
        {
            Array.Clear(g);
            var wi = w[i];
            for (var s = 0; s < _states; s++)
            {
                var fs = f[s];
                if (fs == 0) continue;
                var at = s * Values;
                for (var c = 0; c < Values; c++)
                {
                    var t = next[at + c];
                    if (t >= 0 && wi[c] > 0) g[t] += fs * wi[c];
                }
            }

            double max = 0;
            for (var s = 0; s < _states; s++)
            {
                // A state that cannot reach the target with the participants left is dropped.
                if (goal - _used[s] > n - i - 1) g[s] = 0;
                else if (g[s] > max) max = g[s];
            }

            if (max <= 0) return double.NegativeInfinity;
            for (var s = 0; s < _states; s++) g[s] /= max;
            log += Math.Log(max);
            (f, g) = (g, f);
        }

        return f[_target] > 0 ? log + Math.Log(f[_target]) : double.NegativeInfinity;
    }

    private int[] BuildNext()
    {
        var next = new int[_states * Values];
        for (var s = 0; s < _states; s++)
            for (var c = 0; c < Values; c++) next[s * Values + c] = Next(s, c);
        return next;
    }

    /// <summary>Whether some assignment with positive weight meets the counts.</summary>
    public bool Feasible(double[][] w) => Backward(w)[0][0] > 0;

    /// <summary>Per participant, the probability of each value under the constraint (rows sum to 1); null if infeasible.</summary>
    public double[][]? Marginals(double[][] w)
    {
        var n = w.Length;
        var b = Backward(w);
        if (b[0][0] <= 0) return null;
        var f = new double[_states];
        f[0] = 1;
        var result = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var m = new double[Values];
            var nf = new double[_states];
            for (var s = 0; s < _states; s++)
            {
                if (f[s] == 0) continue;
                for (var c = 0; c < Values; c++)
                {
                    if (w[i][c] <= 0) continue;
                    var t = Next(s, c);
                    if (t < 0) continue;
                    var p = f[s] * w[i][c];
                    m[c] += p * b[i + 1][t];
                    nf[t] += p;
                }
            }

            var total = m.Sum();
            for (var c = 0; c < Values; c++) m[c] = total > 0 ? m[c] / total : 0;
            result[i] = m;
            var max = nf.Max();
            if (max > 0)
                for (var s = 0; s < _states; s++) nf[s] /= max;
            f = nf;
        }

        return result;
    }

    /// <summary>Exact marginals and, for each participant, the relative likelihood of the counts under each of
    /// several alternative weight vectors for that participant alone (others unchanged):
    /// score[t][k] ∝ Σ_s F_t(s) Σ_c alt[t][k][c] B_(t+1)(s + e_c), normalised to sum 1 over k. Used to resample a
    /// member's bloc with their unknown votes summed out. Returns null if infeasible.</summary>
    public (double[][] Marginals, double[][] Scores)? MarginalsAndScores(double[][] w, double[][][] alternatives)
    {
        var n = w.Length;
        var b = Backward(w);
        if (b[0][0] <= 0) return null;
        var f = new double[_states];
        f[0] = 1;
        var marginals = new double[n][];
        var scores = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var m = new double[Values];
            var nf = new double[_states];
            var alt = alternatives[i];
            var sc = new double[alt.Length];
            for (var s = 0; s < _states; s++)
            {
                if (f[s] == 0) continue;
                for (var c = 0; c < Values; c++)
                {
                    var t = Next(s, c);
                    if (t < 0) continue;
                    var bt = b[i + 1][t];
                    for (var k = 0; k < alt.Length; k++) sc[k] += f[s] * alt[k][c] * bt;
                    if (w[i][c] <= 0) continue;
                    var p = f[s] * w[i][c];
                    m[c] += p * bt;
                    nf[t] += p;
                }
            }

            var total = m.Sum();
            for (var c = 0; c < Values; c++) m[c] = total > 0 ? m[c] / total : 0;
            marginals[i] = m;
            var st = sc.Sum();
            for (var k = 0; k < sc.Length; k++) sc[k] = st > 0 ? sc[k] / st : 1.0 / sc.Length;
            scores[i] = sc;
            var max = nf.Max();
            if (max > 0)
                for (var s = 0; s < _states; s++) nf[s] /= max;
            f = nf;
        }

        return (marginals, scores);
    }

    /// <summary>Draws one assignment exactly from the constrained distribution; null if infeasible.</summary>
    public int[]? Sample(double[][] w, Random rng)
    {
        var n = w.Length;
        var b = Backward(w);
        if (b[0][0] <= 0) return null;
        var s = 0;
        var result = new int[n];
        var p = new double[Values];
        for (var i = 0; i < n; i++)
        {
            double total = 0;
            for (var c = 0; c < Values; c++)
            {
                var t = w[i][c] > 0 ? Next(s, c) : -1;
                p[c] = t >= 0 ? w[i][c] * b[i + 1][t] : 0;
                total += p[c];
            }

            var u = rng.NextDouble() * total;
            var pick = Values - 1;
            for (var c = 0; c < Values; c++)
            {
                if (p[c] <= 0) continue;
                pick = c;
                u -= p[c];
                if (u <= 0) break;
            }

            result[i] = pick;
            s = Next(s, pick);
        }

        return result;
    }

    /// <summary>The assignment meeting the counts that maximises Σ log w (the most probable one when w are
    /// independent probabilities), or with <paramref name="expectedCorrect"/> Σ w: the most cells right in
    /// expectation when w are marginal probabilities. Null if infeasible.</summary>
    public int[]? MostLikely(double[][] w, bool expectedCorrect = false)
    {
        double Score(double x) => expectedCorrect ? x : Math.Log(x);
        var n = w.Length;
        // Backward max-messages in log space.
        var b = new double[n + 1][];
        b[n] = Enumerable.Repeat(double.NegativeInfinity, _states).ToArray();
        b[n][_target] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            var cur = new double[_states];
            for (var s = 0; s < _states; s++)
            {
                var best = double.NegativeInfinity;
                for (var c = 0; c < Values; c++)
                {
                    if (w[i][c] <= 0) continue;
                    var t = Next(s, c);
                    if (t < 0) continue;
                    var v = Score(w[i][c]) + b[i + 1][t];
                    if (v > best) best = v;
                }

                cur[s] = best;
            }

            b[i] = cur;
        }

        if (double.IsNegativeInfinity(b[0][0])) return null;
        var result = new int[n];
        var state = 0;
        for (var i = 0; i < n; i++)
        {
            var best = double.NegativeInfinity;
            var pick = -1;
            for (var c = 0; c < Values; c++)
            {
                if (w[i][c] <= 0) continue;
                var t = Next(state, c);
                if (t < 0) continue;
                var v = Score(w[i][c]) + b[i + 1][t];
                if (v > best + 1e-12)
                {
                    best = v;
                    pick = c;
                }
            }

            result[i] = pick;
            state = Next(state, pick);
        }

        return result;
    }
}
