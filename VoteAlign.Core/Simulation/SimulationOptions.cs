namespace VoteAlign.Core.Simulation;

/// <summary>Parameters of the spatial voting model used by <see cref="RollCallSimulator"/>. The defaults follow the
/// peer benchmark's generator (bench/gen_rollcall.py): within-bloc spread 0.35, whip 0.6, abstain band 0.15,
/// absence propensity Beta(1, 19).</summary>
/// <param name="Members">Number of members (≥ 2 × <paramref name="Blocs"/>).</param>
/// <param name="Motions">Number of motions (≥ 1).</param>
/// <param name="Blocs">Number of blocs (≥ 1).</param>
/// <param name="Dimensions">1 or 2 policy dimensions.</param>
/// <param name="Seed">Seed for every random draw: the same options give the same roll call.</param>
/// <param name="Spread">Standard deviation of members' ideal points around their bloc's centre.</param>
/// <param name="Whip">Standard deviation of the per-bloc, per-motion shift (party discipline that is not ideology).</param>
/// <param name="AbstainBand">Half-width of the utility band in which a member abstains.</param>
/// <param name="AbsentA">Beta(a, b) for each member's propensity to be absent: a.</param>
/// <param name="AbsentB">Beta(a, b): b.</param>
/// <param name="Logit">Logistic noise instead of normal (probit).</param>
public sealed record SimulationOptions(
    int Members,
    int Motions,
    int Blocs,
    int Dimensions = 1,
    int Seed = 1,
    double Spread = 0.35,
    double Whip = 0.6,
    double AbstainBand = 0.15,
    double AbsentA = 1.0,
    double AbsentB = 19.0,
    bool Logit = false)
{
    /// <summary>The shapes of the peer benchmark: nec (39 × 300, 3 blocs, 1-D), house (450 × 1,500, 4 blocs, 2-D),
    /// ep (750 × 20,000, 8 blocs, 2-D), with the benchmark's seeds.</summary>
    /// <param name="name">nec, house or ep.</param>
    /// <returns>The options, or <c>null</c> for an unknown name.</returns>
    public static SimulationOptions? Preset(string name) => name switch
    {
        "nec" => new SimulationOptions(39, 300, 3, 1, 1001),
        "house" => new SimulationOptions(450, 1500, 4, 2, 1002),
        "ep" => new SimulationOptions(750, 20000, 8, 2, 1003),
        _ => null,
    };
}
