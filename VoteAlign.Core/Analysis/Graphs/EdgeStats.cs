namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>What one co-voting edge rests on. Agreement counts only motions both members cast a vote on (for,
/// against or abstain; absent and unknown do not count).</summary>
/// <param name="Sign">+1 for an agreement edge, −1 for an opposition edge (<c>--signed</c>).</param>
/// <param name="Weight">The edge weight in [0, 1]: <see cref="Agreement"/> for an agreement edge, 1 − agreement for
/// an opposition edge.</param>
/// <param name="Agreement">Same / shared, in [0, 1].</param>
/// <param name="Shared">Motions both cast a vote on.</param>
/// <param name="Same">Of those, motions on which they voted alike.</param>
/// <param name="ContestedShared">Shared motions that were contested (not unanimous; see <see cref="ContestedMotions"/>).</param>
/// <param name="ContestedSame">Of those, motions on which they voted alike.</param>
/// <param name="KnownShared">Shared motions on which both votes are evidence, not inference. Equal to
/// <paramref name="Shared"/> when no vote is inferred.</param>
/// <param name="InferredShare">Share of the shared motions on which at least one of the two votes is inferred, in
/// [0, 1]; 0 when no vote is inferred.</param>
/// <param name="WeightLow">Lowest weight consistent with the reconstruction's uncertainty; equal to
/// <paramref name="Weight"/> when every vote is evidence.</param>
/// <param name="WeightHigh">Highest weight consistent with the reconstruction's uncertainty; equal to
/// <paramref name="Weight"/> when every vote is evidence.</param>
public sealed record EdgeStats(
    int Sign,
    double Weight,
    double Agreement,
    int Shared,
    int Same,
    int ContestedShared,
    int ContestedSame,
    int KnownShared,
    double InferredShare,
    double WeightLow,
    double WeightHigh)
{
    /// <summary>Agreement on contested motions only, in [0, 1]; null when the pair shares no contested motion.</summary>
    public double? ContestedAgreement => ContestedShared == 0 ? null : (double)ContestedSame / ContestedShared;
}
