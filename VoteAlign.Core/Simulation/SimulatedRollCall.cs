using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Simulation;

/// <summary>A generated roll call with its ground truth.</summary>
/// <param name="Members">Member ids, in matrix row order.</param>
/// <param name="Motions">Motion ids, in column order.</param>
/// <param name="TrueBloc">Each member's bloc, 0-based.</param>
/// <param name="IdealPoints">Each member's ideal point (one array of <c>Dimensions</c> values per member).</param>
/// <param name="Matrix">The votes; every cell known (absent is a value).</param>
public sealed record SimulatedRollCall(
    ImmutableArray<MemberId> Members,
    ImmutableArray<MotionId> Motions,
    ImmutableArray<int> TrueBloc,
    ImmutableArray<ImmutableArray<double>> IdealPoints,
    VoteMatrix Matrix)
{
    /// <summary>Each motion's parameters as drawn: discrimination per dimension, difficulty, and each bloc's shift.</summary>
    public ImmutableArray<(ImmutableArray<double> Beta, double Alpha, ImmutableArray<double> Shift)> MotionParameters { get; init; } = [];

    /// <summary>Each member's propensity to be absent.</summary>
    public ImmutableArray<double> AbsenceRates { get; init; } = [];

    /// <summary>The options it was generated with.</summary>
    public SimulationOptions? Options { get; init; }

    /// <summary>The model's probability of each vote (for, against, abstain, absent) for member i on motion j given
    /// every drawn parameter, before the member's own noise: what the best possible predictor could know.</summary>
    /// <exception cref="InvalidOperationException">The roll call was not generated with its parameters.</exception>
    public double[] CellProbabilities(int i, int j)
    {
        if (Options is null || MotionParameters.IsDefaultOrEmpty) throw new InvalidOperationException("Generated without parameters.");
        var (beta, alpha, shift) = MotionParameters[j];
        var mean = -alpha + shift[TrueBloc[i]];
        for (var d = 0; d < beta.Length; d++) mean += beta[d] * IdealPoints[i][d];
        double Cdf(double x) => Options.Logit ? 1 / (1 + Math.Exp(-x)) : MathNet.Numerics.Distributions.Normal.CDF(0, 1, x);
        var pFor = 1 - Cdf(Options.AbstainBand - mean);
        var pAgainst = Cdf(-Options.AbstainBand - mean);
        var present = 1 - AbsenceRates[i];
        return [present * pFor, present * pAgainst, present * (1 - pFor - pAgainst), AbsenceRates[i]];
    }
}
