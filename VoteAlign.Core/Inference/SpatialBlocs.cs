using VoteAlign.Core.Internal;

namespace VoteAlign.Core.Inference;

/// <summary>Bloc propensities tied across motions by one dimension: bloc k sits at x_k, motion j has a cut
/// (α_j, β_j); among for and against, P(for) = σ(β_j x_k − α_j); each bloc abstains and is absent at its own
/// rates. Fitted to expected counts by a few Newton–Raphson steps per call (warm-started), with priors
/// x ~ N(0, 1), α ~ N(0, 3²), β ~ N(0, 3²); positions are re-centred and scaled to sd 1.</summary>
internal sealed class SpatialBlocs
{
    private readonly int _k;
    private readonly int _m;
    private readonly double[] _x;
    private readonly double[] _alpha;
    private readonly double[] _beta;

    public SpatialBlocs(int k, int m)
    {
        _k = k;
        _m = m;
        _x = Enumerable.Range(0, k).Select(b => k == 1 ? 0 : -1 + 2.0 * b / (k - 1)).ToArray();
        _alpha = new double[m];
        _beta = new double[m];
    }

    /// <summary>Refits to <paramref name="counts"/>[bloc, motion, value] and writes the propensities into <paramref name="theta"/>.</summary>
    public void Fit(double[,,] counts, double[,,] theta)
    {
        var abstain = new double[_k];
        var absent = new double[_k];
        for (var b = 0; b < _k; b++)
        {
            double all = 0, ab = 0, ai = 0;
            for (var j = 0; j < _m; j++)
            {
                for (var c = 0; c < 4; c++) all += counts[b, j, c];
                ab += counts[b, j, 2];
                ai += counts[b, j, 3];
            }

            abstain[b] = (ab + 0.5) / (all + 2);
            absent[b] = (ai + 0.5) / (all + 2);
        }

        for (var iteration = 0; iteration < 3; iteration++)
        {
            for (var j = 0; j < _m; j++) FitMotion(counts, j);
            FitPositions(counts);
        }

        for (var b = 0; b < _k; b++)
            for (var j = 0; j < _m; j++)
            {
                var p = Math.Clamp(Sigmoid(_beta[j] * _x[b] - _alpha[j]), 0.005, 0.995);
                var cast = 1 - abstain[b] - absent[b];
                theta[b, j, 0] = cast * p;
                theta[b, j, 1] = cast * (1 - p);
                theta[b, j, 2] = abstain[b];
                theta[b, j, 3] = absent[b];
            }
    }

    private void FitMotion(double[,,] counts, int j)
    {
        var observations = new (double X, double Y, double N)[_k];
        for (var b = 0; b < _k; b++) observations[b] = (_x[b], counts[b, j, 0], counts[b, j, 0] + counts[b, j, 1]);
        LogisticCut.Fit(observations, ref _alpha[j], ref _beta[j], varAlpha: 9, varBeta: 9);
    }

    private void FitPositions(double[,,] counts)
    {
        for (var b = 0; b < _k; b++)
        {
            double g = -_x[b], h = -1;
            for (var j = 0; j < _m; j++)
            {
                var y = counts[b, j, 0];
                var n = counts[b, j, 0] + counts[b, j, 1];
                if (n <= 0) continue;
                var p = Sigmoid(_beta[j] * _x[b] - _alpha[j]);
                g += (y - n * p) * _beta[j];
                h -= n * p * (1 - p) * _beta[j] * _beta[j];
            }

            _x[b] += Math.Clamp(-g / h, -1, 1);
        }

        if (_k < 2) return;
        var mean = _x.Average();
        var sd = Math.Sqrt(_x.Sum(v => (v - mean) * (v - mean)) / _k);
        if (sd <= 1e-9) return;
        for (var b = 0; b < _k; b++) _x[b] = (_x[b] - mean) / sd;
        // Keep every motion's probabilities unchanged by the rescaling.
        for (var j = 0; j < _m; j++)
        {
            _alpha[j] -= _beta[j] * mean;
            _beta[j] *= sd;
        }
    }

    private static double Sigmoid(double z) => LogisticCut.Sigmoid(z);
}
