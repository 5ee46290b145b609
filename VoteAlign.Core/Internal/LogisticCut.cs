namespace VoteAlign.Core.Internal;

/// <summary>Newton–Raphson for one motion's cut (α, β) in a logistic model P(for) = σ(β x − α), from binomial
/// observations (position x, votes for y out of n), with Gaussian priors on α and β. Shared by the ideal-point
/// model (one member per observation) and the reconstruction's spatial blocs (one bloc per observation).</summary>
internal static class LogisticCut
{
    /// <summary>Takes <paramref name="steps"/> Newton steps, each capped at 2 in either parameter; stops early if the
    /// Hessian is not negative definite.</summary>
    public static void Fit(ReadOnlySpan<(double X, double Y, double N)> observations, ref double alpha, ref double beta,
        double varAlpha, double varBeta, int steps = 2)
    {
        for (var step = 0; step < steps; step++)
        {
            double ga = -alpha / varAlpha, gb = -beta / varBeta, haa = -1 / varAlpha, hbb = -1 / varBeta, hab = 0;
            foreach (var (x, y, n) in observations)
            {
                if (n <= 0) continue;
                var p = Sigmoid(beta * x - alpha);
                var r = y - n * p;
                var w = n * p * (1 - p);
                ga -= r;
                gb += r * x;
                haa -= w;
                hbb -= w * x * x;
                hab += w * x;
            }

            var det = haa * hbb - hab * hab;
            if (det <= 0) return;
            var da = -(hbb * ga - hab * gb) / det;
            var db = -(-hab * ga + haa * gb) / det;
            var limit = Math.Max(Math.Abs(da), Math.Abs(db));
            if (limit > 2)
            {
                da *= 2 / limit;
                db *= 2 / limit;
            }

            alpha += da;
            beta += db;
        }
    }

    /// <summary>The logistic function, computed without overflow.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
