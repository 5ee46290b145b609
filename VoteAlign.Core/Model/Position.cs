namespace VoteAlign.Core.Model;

/// <summary>One member's vote on one motion, with what it rests on.</summary>
/// <param name="Member">Who.</param>
/// <param name="Motion">On what.</param>
/// <param name="Vote">How they voted (for an inferred position: the most likely value).</param>
/// <param name="Basis">What the position rests on.</param>
/// <param name="Probabilities">For an inferred position, the probability of each value; otherwise <c>null</c>.</param>
/// <param name="Source">Where it was reported, if anywhere.</param>
public sealed record Position(MemberId Member, MotionId Motion, Vote Vote, Basis Basis, VoteProbabilities? Probabilities, Source? Source)
{
    /// <summary>Whether the position is evidence (anything but <see cref="Basis.Inferred"/>).</summary>
    public bool IsEvidence => Basis != Basis.Inferred;
}
