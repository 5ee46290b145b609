using VoteAlign.Core.Analysis.Blocs;

namespace VoteAlign.Core.Export.Html;

/// <summary>Settings of the HTML report: which analyses to run and what is capped for large chambers.</summary>
/// <param name="Blocs">The bloc analysis (method, k, seed, minimum shared votes, threads). Bootstrap and permutations are
/// not drawn by the report.</param>
/// <param name="Window">Blocs over time: <c>year</c>, <c>term</c> or a number of motions; null for no timeline.</param>
/// <param name="EvidenceOnly">On a reconstructed file, analyse known positions alone (default: expected agreement over
/// the reconstruction, as <c>blocs</c> and <c>scale</c> do).</param>
/// <param name="IdealPointCells">The ideal-point (IRT) model is fitted on at most this many member-motion cells: above
/// it, on an evenly spaced sample of the motions (its fit costs time in proportion to the cells; ≥ 1).</param>
/// <param name="FullNetworkUpTo">Up to this many members the network draws every co-voting edge; above it, each
/// member's strongest <paramref name="EdgesPerMember"/> edges.</param>
/// <param name="EdgesPerMember">Edges kept per member in a large network (≥ 1).</param>
/// <param name="LabelsUpTo">Up to this many members, names are written on the network and map; above it, they show on
/// hover only.</param>
/// <param name="SplitsPageSize">Rows of the splits table shown at a time.</param>
public sealed record ReportOptions(
    BlocOptions Blocs,
    string? Window = null,
    bool EvidenceOnly = false,
    int IdealPointCells = 200_000,
    int FullNetworkUpTo = 60,
    int EdgesPerMember = 3,
    int LabelsUpTo = 80,
    int SplitsPageSize = 50);
