namespace VoteAlign.Core.Inference;

/// <summary>Settings of the reconstruction.</summary>
/// <param name="Blocs">Latent blocs in the model (≥ 1).</param>
/// <param name="BurnIn">Gibbs sweeps discarded before averaging (Gibbs method only).</param>
/// <param name="Samples">Gibbs sweeps averaged into the probabilities (Gibbs method only).</param>
/// <param name="Seed">Seed for every random draw.</param>
/// <param name="Alpha">Dirichlet prior on each bloc's propensities per motion (for / against / abstain / absent).</param>
/// <param name="GroupReliability">How much a group statement is trusted for each member of the group: the
/// stated vote gets this weight, each other value (1 − r) / 3. 1 would make it a named vote.</param>
/// <param name="DeclaredPrior">Strength of the soft prior that members of one declared group (slate, section
/// group) share a bloc: the log-odds bonus for the bloc holding all of one's group-mates.</param>
/// <param name="Spatial">Tie the blocs' propensities together across motions: each bloc has a position x_k on one
/// line and each motion a cut (α_j, β_j), so P(for | for or against) = σ(β_j x_k − α_j), with per-bloc rates of
/// abstaining and being absent. A motion's tally then fixes its cut, and every bloc's stance follows. When false,
/// each bloc has free propensities on every motion (Dirichlet). Gibbs method only.</param>
/// <param name="Method">The model and its fitting.</param>
/// <param name="Iterations">Cap on EM iterations (stance model).</param>
/// <param name="TallyWeight">Stance model: the power on each tally's likelihood when weighing a motion's stance
/// patterns (1: members vote independently given their bloc's stance). Members of a bloc are not independent (a motion
/// whose cut falls inside a bloc splits it), so a tally says less about the stances than independence claims; 0.5
/// gave calibrated probabilities on synthetic committees (see docs/reconstruct.md). The counts themselves are
/// always met exactly.</param>
/// <param name="Threads">Motions computed in parallel (-1: all cores); the result does not depend on it.</param>
/// <param name="Progress">Told, as the fit goes, which iteration (stance model) or sweep (Gibbs) it is on, for a live
/// progress line; null for none. The result does not depend on it.</param>
public sealed record ReconstructionOptions(
    int Blocs = 3,
    int BurnIn = 100,
    int Samples = 200,
    int Seed = 1,
    double Alpha = 0.5,
    double GroupReliability = 0.85,
    double DeclaredPrior = 6.0,
    bool Spatial = true,
    ReconstructionMethod Method = ReconstructionMethod.Stances,
    int Iterations = 300,
    int Threads = -1,
    double TallyWeight = 0.5,
    IProgress<string>? Progress = null);

/// <summary>How the reconstruction is fitted.</summary>
public enum ReconstructionMethod
{
    /// <summary>Blocs with a stance on each motion, fitted by variational EM with the tallies met exactly
    /// (<c>StanceModel</c>); the default.</summary>
    Stances,

    /// <summary>Blocs with free or spatial per-motion propensities, fitted by Gibbs sampling (the first model).</summary>
    Gibbs,
}
