using VoteAlign.Core.Model;

namespace VoteAlign.Core.Inference;

/// <summary>A fact worth asking a reporter for: one member's vote on one motion.</summary>
/// <param name="Member">Whose vote.</param>
/// <param name="Motion">On what.</param>
/// <param name="Bits">Expected information about the member's bloc from learning the vote (mutual information, bits).</param>
public sealed record Question(MemberId Member, MotionId Motion, double Bits);

/// <summary>A fact worth asking a reporter for: which way a declared group went on one motion.</summary>
/// <param name="Group">The declared group (slate, section group), as the members' affiliations first spell it.</param>
/// <param name="Motion">On what.</param>
/// <param name="Bits">Expected information about how the motion split between the blocs (the stance pattern) from
/// learning the group's line: mutual information, in bits.</param>
public sealed record GroupQuestion(string Group, MotionId Motion, double Bits);
