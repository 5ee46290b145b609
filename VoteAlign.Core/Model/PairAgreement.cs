namespace VoteAlign.Core.Model;

/// <summary>How often two members voted alike. Only motions on which both cast a vote (for, against or
/// abstain) count; absent and unknown cells do not.</summary>
/// <param name="Shared">Motions on which both cast a vote.</param>
/// <param name="Same">Of those, motions on which they cast the same vote.</param>
public readonly record struct PairAgreement(int Shared, int Same)
{
    /// <summary><see cref="Same"/> / <see cref="Shared"/>, in [0, 1]; <c>null</c> when they share no vote.</summary>
    public double? Value => Shared == 0 ? null : (double)Same / Shared;
}
