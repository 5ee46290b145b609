namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>Settings of a bloc analysis.</summary>
/// <param name="Method">The clustering method.</param>
/// <param name="K">The number of blocs, or <c>null</c> to choose it from the data.</param>
/// <param name="MaxK">The largest k considered when choosing (≥ 2).</param>
/// <param name="MinShared">A pair sharing fewer cast votes has unknown agreement (≥ 1).</param>
/// <param name="MinVotes">A member who cast fewer votes is listed as unassigned (≥ 1).</param>
/// <param name="Seed">Seed for every random choice.</param>
/// <param name="Resolution">Louvain's resolution γ (1 = classical modularity; larger finds smaller blocs).</param>
/// <param name="Bootstrap">Bootstrap resamples of the motions for stability (0 = none).</param>
/// <param name="Permutations">Motion-shuffled data sets for the permutation test (0 = none).</param>
/// <param name="Threads">Maximum threads (-1 = all cores).</param>
/// <param name="Progress">Told the name of each stage as it starts (for a progress display); null for none.</param>
public sealed record BlocOptions(
    BlocMethod Method = BlocMethod.Spectral,
    int? K = null,
    int MaxK = 12,
    int MinShared = 1,
    int MinVotes = 1,
    int Seed = 1,
    double Resolution = 1.0,
    int Bootstrap = 0,
    int Permutations = 0,
    int Threads = -1,
    IProgress<string>? Progress = null);
