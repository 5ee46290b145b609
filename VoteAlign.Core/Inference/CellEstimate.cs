using VoteAlign.Core.Model;

namespace VoteAlign.Core.Inference;

/// <summary>One member's vote on one motion after reconstruction.</summary>
/// <param name="Member">The member.</param>
/// <param name="Motion">The motion.</param>
/// <param name="Probabilities">P(for), P(against), P(abstain), P(absent); one-hot for evidence.</param>
/// <param name="MostLikely">The value in the most-likely matrix (which meets every tally).</param>
/// <param name="Basis">The evidence basis, <see cref="Basis.Forced"/> when arithmetic alone fixes it, else <see cref="Basis.Inferred"/>.</param>
public sealed record CellEstimate(MemberId Member, MotionId Motion, VoteProbabilities Probabilities, Vote MostLikely, Basis Basis);
