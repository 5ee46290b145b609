using System.Collections.Immutable;
using VoteAlign.Core.Internal;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Scaling;

/// <summary>A 1-D ideal point per member from the two-parameter logistic model
/// P(for_ij) = 1 / (1 + exp(−(β_j x_i − α_j))), using for and against votes (abstentions and absences are left out).</summary>
/// <remarks>Fitted by maximum a posteriori with priors x_i ~ N(0, 1), α_j ~ N(0, 5²), β_j ~ N(0, 2.5²), under the
/// constraint that the ideal points have mean 0 and standard deviation 1 (so it is the joint MAP on the identified
/// scale, not the unconstrained one, whose scale drifts for hundreds of iterations), by alternating Newton–Raphson
/// steps (one each): each motion's (α_j, β_j) given the ideal points, then each member's x_i given
/// the motions, then the ideal points shifted and scaled back to mean 0 and standard deviation 1 (α and β adjusted so
/// every probability is unchanged: the identification, applied at every step so the scale cannot drift), until no
/// ideal point moves by more than 1e-4 (or the iteration cap). It starts from the first MDS coordinate. The sign is
/// set so the points correlate
/// positively with MDS dimension 1 (whose own sign is fixed as documented there, or by the polarity member).
/// Each member's standard error is the Laplace approximation 1 / sqrt(Σ_j β_j² p_ij (1 − p_ij) + 1), given the
/// motion parameters, on the standardised scale. Motions on which every placed member voted the same way carry no
/// information about order and are left out.</remarks>
internal static class IdealPoints
{
    public static ScaleResult Fit(VoteMatrix matrix, ScaleResult mds, ScaleOptions o)
    {
        var n = matrix.MemberCount;
        var placed = Enumerable.Range(0, n).Where(r => mds.Members[r].Dim1 is not null).ToList();
        var local = placed.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
        var np = placed.Count;
        // Per motion, the placed members who voted for (1) or against (0).
        var byMotion = new List<(int Member, byte Y)>[matrix.MotionCount];
        var forPlane = matrix.Plane(Vote.For);
        var againstPlane = matrix.Plane(Vote.Against);
        var words = matrix.WordsPerRow;
        for (var j = 0; j < matrix.MotionCount; j++) byMotion[j] = [];
        foreach (var r in placed)
        {
            var i = local[r];
            for (var w = 0; w < words; w++)
            {
                for (var y = 0; y < 2; y++)
                {
                    var bits = (y == 1 ? forPlane : againstPlane)[r * words + w];
                    while (bits != 0)
                    {
                        var j = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                        byMotion[j].Add((i, (byte)y));
                        bits &= bits - 1;
                    }
                }
            }
        }

        var motions = Enumerable.Range(0, matrix.MotionCount).Where(j => byMotion[j].Any(c => c.Y == 1) && byMotion[j].Any(c => c.Y == 0)).ToArray();
        var byMember = new List<(int Motion, byte Y)>[np];
        for (var i = 0; i < np; i++) byMember[i] = [];
        for (var t = 0; t < motions.Length; t++)
            foreach (var (i, y) in byMotion[motions[t]]) byMember[i].Add((t, y));

        var x = new double[np];
        var start = placed.Select(r => mds.Members[r].Dim1!.Value).ToArray();
        Standardise(start);
        Array.Copy(start, x, np);
        var alpha = new double[motions.Length];
        var beta = new double[motions.Length];
        var iterations = 0;
        var converged = false;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.Threads };
        while (iterations < o.MaxIterations)
        {
            iterations++;
            Parallel.For(0, motions.Length, parallel, () => new (double, double, double)[np], (t, _, buffer) =>
            {
                UpdateMotion(byMotion[motions[t]], x, buffer, ref alpha[t], ref beta[t]);
                return buffer;
            }, _ => { });
            var before = (double[])x.Clone();
            Parallel.For(0, np, parallel, i => x[i] = UpdateMember(byMember[i], alpha, beta, x[i]));
            // Joint MAP leaves the scale weakly identified (spreading the points and shrinking β costs only the
            // priors), so unconstrained it drifts for hundreds of iterations. Each iteration is put back on the
            // identified scale, mean 0 and sd 1, with α and β adjusted so that no probability changes.
            var (mu, sigma) = MeanSd(x);
            if (sigma > 0)
            {
                for (var i = 0; i < np; i++) x[i] = (x[i] - mu) / sigma;
                for (var t = 0; t < motions.Length; t++)
                {
                    alpha[t] -= beta[t] * mu;
                    beta[t] *= sigma;
                }
            }

            var moved = 0.0;
            for (var i = 0; i < np; i++) moved = Math.Max(moved, Math.Abs(x[i] - before[i]));
            if (np == 0 || moved < 1e-4)
            {
                converged = true;
                break;
            }
        }

        // Identification: mean 0, sd 1; sign to agree with MDS dimension 1.
        var mean = x.Average();
        var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, np));
        if (sd <= 0) sd = 1;
        var sign = x.Zip(start).Sum(p => (p.First - mean) * p.Second) < 0 ? -1.0 : 1.0;
        var se = new double[np];
        for (var i = 0; i < np; i++)
        {
            double info = 1;
            foreach (var (t, _) in byMember[i])
            {
                var p = Sigmoid(beta[t] * x[i] - alpha[t]);
                info += beta[t] * beta[t] * p * (1 - p);
            }

            se[i] = 1 / Math.Sqrt(info) / sd;
        }

        var members = Enumerable.Range(0, n).Select(r => local.TryGetValue(r, out var i)
            ? new MemberPlacement(matrix.Members[r], sign * (x[i] - mean) / sd, null, se[i], byMember[i].Count)
            : new MemberPlacement(matrix.Members[r], null, null, null, 0)).ToImmutableArray();
        return new ScaleResult(ScaleMethod.Irt, 1, members, mds.Unplaced, [], iterations, converged,
            $"2PL logistic ideal points, joint MAP by alternating Newton steps ({iterations} iterations{(converged ? ", converged" : ", not converged")}); "
            + $"{motions.Length} of {matrix.MotionCount} motions divide the members; scaled to mean 0, sd 1; sign agrees with MDS dimension 1 ({mds.Note.Split(';')[0]})");
    }

    private static void UpdateMotion(List<(int Member, byte Y)> votes, double[] x, (double X, double Y, double N)[] buffer, ref double alpha, ref double beta)
    {
        for (var t = 0; t < votes.Count; t++) buffer[t] = (x[votes[t].Member], votes[t].Y, 1);
        LogisticCut.Fit(buffer.AsSpan(0, votes.Count), ref alpha, ref beta, varAlpha: 25, varBeta: 6.25, steps: 1);
    }

    private static double UpdateMember(List<(int Motion, byte Y)> votes, double[] alpha, double[] beta, double x)
    {
        for (var step = 0; step < 1; step++)
        {
            double g = -x, h = -1;
            foreach (var (t, y) in votes)
            {
                var p = Sigmoid(beta[t] * x - alpha[t]);
                g += (y - p) * beta[t];
                h -= p * (1 - p) * beta[t] * beta[t];
            }

            var dx = -g / h;
            x += Math.Clamp(dx, -1, 1);
        }

        return x;
    }

    private static (double Mean, double Sd) MeanSd(double[] v)
    {
        if (v.Length == 0) return (0, 0);
        var mean = v.Average();
        return (mean, Math.Sqrt(v.Sum(a => (a - mean) * (a - mean)) / v.Length));
    }

    private static void Standardise(double[] v)
    {
        if (v.Length == 0) return;
        var mean = v.Average();
        var sd = Math.Sqrt(v.Sum(a => (a - mean) * (a - mean)) / v.Length);
        for (var i = 0; i < v.Length; i++) v[i] = sd > 0 ? (v[i] - mean) / sd : 0;
    }

    private static double Sigmoid(double z) => LogisticCut.Sigmoid(z);
}
