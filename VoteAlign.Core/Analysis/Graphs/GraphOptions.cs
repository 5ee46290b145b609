using VoteAlign.Core.Analysis.Blocs;

namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>Settings of the co-voting graph.</summary>
/// <param name="MinShared">A pair needs at least this many shared cast votes for an edge (≥ 1).</param>
/// <param name="Threshold">An agreement edge needs agreement ≥ this, in [0, 1].</param>
/// <param name="Signed">Also add opposition edges, for pairs with agreement &lt; 1 − <paramref name="Threshold"/>
/// (needs <paramref name="Threshold"/> ≥ 0.5, so a pair never gets both kinds).</param>
/// <param name="Blocs">The bloc analysis whose blocs are written on the nodes; null to skip it.</param>
/// <param name="Layout">Whether to compute the 2-D MDS layout for the nodes.</param>
/// <param name="IdealPoints">Whether to fit the 1-D logistic ideal points for the nodes (with <paramref name="Layout"/>;
/// the costliest stage on a large chamber).</param>
/// <param name="Threads">Threads for the pairwise stage (-1 = all cores).</param>
/// <param name="Progress">Told the name of each stage as it starts (for a progress display); null for none.</param>
public sealed record GraphOptions(
    int MinShared = 1,
    double Threshold = 0.5,
    bool Signed = false,
    BlocOptions? Blocs = null,
    bool Layout = true,
    int Threads = -1,
    bool IdealPoints = true,
    IProgress<string>? Progress = null);
