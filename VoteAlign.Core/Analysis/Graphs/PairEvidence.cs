using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>What a pair of members is known to share, before thresholds: agreement over all shared motions and over
/// the contested ones. Built from the evidence matrix today; reconstruction (inferred votes with probabilities) will
/// add expected counts and their spread here, and <see cref="ToEdge"/> is the one place that turns them into the
/// uncertainty fields of <see cref="EdgeStats"/>.</summary>
/// <param name="All">Agreement over every motion both cast a vote on.</param>
/// <param name="Contested">Agreement over the contested motions both cast a vote on.</param>
internal readonly record struct PairEvidence(PairAgreement All, PairAgreement Contested)
{
    /// <summary>The edge for this pair with the given sign. With evidence alone nothing is inferred: the known count
    /// is the shared count, the inferred share is 0, and the weight's low and high bounds equal the weight.</summary>
    /// <param name="sign">+1 (agreement edge) or −1 (opposition edge).</param>
    public EdgeStats ToEdge(int sign)
    {
        var agreement = All.Value ?? throw new InvalidOperationException("A pair with no shared vote has no edge.");
        var weight = sign > 0 ? agreement : 1 - agreement;
        return new EdgeStats(sign, weight, agreement, All.Shared, All.Same, Contested.Shared, Contested.Same,
            KnownShared: All.Shared, InferredShare: 0, WeightLow: weight, WeightHigh: weight);
    }
}
