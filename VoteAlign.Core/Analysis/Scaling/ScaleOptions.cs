using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Scaling;

/// <summary>Settings for scaling.</summary>
/// <param name="Method">MDS or IRT.</param>
/// <param name="Dimensions">1 or 2 (IRT: 1 only).</param>
/// <param name="MinShared">MDS: a pair sharing fewer cast votes has unknown distance (imputed, see docs).</param>
/// <param name="MinVotes">Members with fewer votes are not placed.</param>
/// <param name="Polarity">A member who must come out on the positive side of dimension 1, or null for the default
/// (the member with the largest absolute first coordinate is positive).</param>
/// <param name="MaxIterations">IRT iteration cap.</param>
/// <param name="Threads">Threads (-1 = all cores).</param>
/// <param name="Progress">Told the name of each stage as it starts (for a progress display); null for none.</param>
public sealed record ScaleOptions(
    ScaleMethod Method = ScaleMethod.Mds,
    int Dimensions = 2,
    int MinShared = 1,
    int MinVotes = 1,
    MemberId? Polarity = null,
    int MaxIterations = 200,
    int Threads = -1,
    IProgress<string>? Progress = null);
