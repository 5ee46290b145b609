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

    /// <summary><see cref="Next"/> from the table: the programmes' inner step, where the division and remainder of
    /// <see cref="Next"/> cost more than the arithmetic around them.</summary>
    private int Move(int s, int c) => (_next ??= BuildNext())[s * Values + c];

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
        var moves = _next ??= BuildNext();
        for (var i = n - 1; i >= 0; i--)
        {
            var cur = new double[_states];
            var next = b[i + 1];
            var wi = w[i];
            var max = 0.0;
            for (var s = 0; s < _states; s++)
            {
                // Unreachable from the start with i members, or too far from the target with n − i left.
                if (_used[s] > i || goal - _used[s] > n - i) continue;
                double sum = 0;
                var at = s * Values;
                for (var c = 0; c < Values; c++)
                {
                    if (wi[c] <= 0) continue;
                    var t = moves[at + c];
                    if (t >= 0) sum += wi[c] * next[t];
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

    /// <summary>An upper bound on <see cref="LogNormaliser"/> at a small part of its cost (Chernoff's): for any λ over
    /// the constrained values, Σ over assignments meeting the counts of Π_i w[i][v_i] ≤ Π_i Σ_v w[i][v] e^(λ_v) / e^(λ·r),
    /// as every assignment meeting the counts r has e^(λ·(counts − r)) = 1 and the others add terms ≥ 0 (values
    /// required 0 times are left out of the sums, an implied value and free ones have λ = 0). The log of the right side
    /// is convex in λ and is minimised by damped Newton steps; at its minimum it is the saddle-point approximation
    /// without its −½ log det(2πH) term: a few nats above the exact value where the counts are likely, and as steep as
    /// it where they are not. −∞ when a count needs more participants than have weight on its value.</summary>
    public double LogBound(double[][] w)
    {
        var n = w.Length;
        Span<int> dims = stackalloc int[Values];
        var d = 0;
        for (var c = 0; c < Values; c++)
        {
            if (_required[c] <= 0) continue;
            var able = 0;
            for (var i = 0; i < n; i++)
                if (w[i][c] > 0) able++;
            if (able < _required[c]) return double.NegativeInfinity;
            dims[d++] = c;
        }

        Span<double> lambda = stackalloc double[Values];
        Span<double> trial = stackalloc double[Values];
        Span<double> gradient = stackalloc double[Values];
        Span<double> hessian = stackalloc double[Values * Values];
        Span<double> step = stackalloc double[Values];
        Span<double> g = stackalloc double[Values];
        Span<double> h = stackalloc double[Values * Values];
        var f = Chernoff(w, lambda, dims[..d], gradient, hessian);
        if (double.IsNegativeInfinity(f) || d == 0) return f;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            if (!Newton(hessian, gradient, step, d)) break;
            double slope = 0;
            for (var x = 0; x < d; x++) slope += gradient[x] * step[x];
            // Close enough: the Newton decrement puts the minimum within 1e-10 nats.
            if (-slope < 1e-10) break;
            var accepted = false;
            for (var t = 1.0; t > 1e-6; t /= 2)
            {
                lambda.CopyTo(trial);
                for (var x = 0; x < d; x++) trial[dims[x]] = Math.Clamp(lambda[dims[x]] + t * step[x], -50, 50);
                var ft = Chernoff(w, trial, dims[..d], g, h);
                if (!(ft <= f + 1e-4 * t * slope)) continue;
                f = ft;
                trial.CopyTo(lambda);
                g.CopyTo(gradient);
                h.CopyTo(hessian);
                accepted = true;
                break;
            }

            if (!accepted) break;
        }

        return f;
    }

    /// <summary>log Π_i Σ_v w[i][v] e^(λ_v) − λ·r, with its gradient and Hessian in the constrained values <paramref name="dims"/>
    /// (the tilted mean of their counts less r, and the tilted covariance).</summary>
    private double Chernoff(double[][] w, ReadOnlySpan<double> lambda, ReadOnlySpan<int> dims, Span<double> gradient, Span<double> hessian)
    {
        var d = dims.Length;
        Span<double> tilt = stackalloc double[Values];
        for (var c = 0; c < Values; c++) tilt[c] = _required[c] == 0 ? 0 : Math.Exp(lambda[c]);
        Span<double> p = stackalloc double[Values];
        gradient[..d].Clear();
        hessian[..(d * d)].Clear();
        double f = 0;
        for (var i = 0; i < w.Length; i++)
        {
            var wi = w[i];
            double sum = 0;
            for (var c = 0; c < Values; c++) sum += wi[c] * tilt[c];
            if (!(sum > 0)) return double.NegativeInfinity;
            f += Math.Log(sum);
            for (var x = 0; x < d; x++) p[x] = wi[dims[x]] * tilt[dims[x]] / sum;
            for (var x = 0; x < d; x++)
            {
                gradient[x] += p[x];
                hessian[x * d + x] += p[x];
                for (var y = 0; y < d; y++) hessian[x * d + y] -= p[x] * p[y];
            }
        }

        for (var x = 0; x < d; x++)
        {
            f -= lambda[dims[x]] * _required[dims[x]];
            gradient[x] -= _required[dims[x]];
        }

        return f;
    }

    /// <summary>The Newton step −H⁻¹g by Cholesky, with a small ridge when H is (nearly) singular; false when it cannot be
    /// taken.</summary>
    private static bool Newton(ReadOnlySpan<double> hessian, ReadOnlySpan<double> gradient, Span<double> step, int d)
    {
        Span<double> l = stackalloc double[Values * Values];
        double trace = 0;
        for (var x = 0; x < d; x++) trace += hessian[x * d + x];
        var ridge = 1e-9 * trace + 1e-12;
        for (var x = 0; x < d; x++)
            for (var y = 0; y <= x; y++)
            {
                var sum = hessian[x * d + y] + (x == y ? ridge : 0);
                for (var z = 0; z < y; z++) sum -= l[x * d + z] * l[y * d + z];
                if (x == y)
                {
                    if (!(sum > 0)) return false;
                    l[x * d + x] = Math.Sqrt(sum);
                }
                else l[x * d + y] = sum / l[y * d + y];
            }

        // Solve L Lᵀ step = −g.
        for (var x = 0; x < d; x++)
        {
            var sum = -gradient[x];
            for (var z = 0; z < x; z++) sum -= l[x * d + z] * step[z];
            step[x] = sum / l[x * d + x];
        }

        for (var x = d - 1; x >= 0; x--)
        {
            var sum = step[x];
            for (var z = x + 1; z < d; z++) sum -= l[z * d + x] * step[z];
            step[x] = sum / l[x * d + x];
        }

        return true;
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
                    var t = Move(s, c);
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
        var moves = _next ??= BuildNext();
        for (var i = 0; i < n; i++)
        {
            var m = new double[Values];
            var nf = new double[_states];
            var alt = alternatives[i];
            var sc = new double[alt.Length];
            var wi = w[i];
            var next = b[i + 1];
            for (var s = 0; s < _states; s++)
            {
                var fs = f[s];
                if (fs == 0) continue;
                var at = s * Values;
                for (var c = 0; c < Values; c++)
                {
                    var t = moves[at + c];
                    if (t < 0) continue;
                    var bt = next[t];
                    for (var k = 0; k < alt.Length; k++) sc[k] += fs * alt[k][c] * bt;
                    if (wi[c] <= 0) continue;
                    var p = fs * wi[c];
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
                var t = w[i][c] > 0 ? Move(s, c) : -1;
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
            s = Move(s, pick);
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
                    var t = Move(s, c);
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
                var t = Move(state, c);
                if (t < 0) continue;
                var v = Score(w[i][c]) + b[i + 1][t];
                if (v > best + 1e-12)
                {
                    best = v;
                    pick = c;
                }
            }

            result[i] = pick;
            state = Move(state, pick);
        }

        return result;
    }
}
