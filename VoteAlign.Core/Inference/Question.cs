using VoteAlign.Core.Model;

namespace VoteAlign.Core.Inference;

/// <summary>A fact worth asking a reporter for: one member's vote on one motion.</summary>
/// <param name="Member">Whose vote.</param>
/// <param name="Motion">On what.</param>
/// <param name="Bits">Expected information about the member's bloc from learning the vote (mutual information, bits).</param>
public sealed record Question(MemberId Member, MotionId Motion, double Bits);
