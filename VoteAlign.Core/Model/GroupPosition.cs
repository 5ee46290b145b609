using System.Collections.Immutable;

namespace VoteAlign.Core.Model;

/// <summary>A vote stated for a group ("the left CLP reps voted against"), or counted over a set
/// ("10 members of the NEC … voted to support the CLPs").</summary>
/// <param name="Group">The group as the report names it.</param>
/// <param name="Motion">The motion.</param>
/// <param name="Vote">How the group (or the counted part of it) voted.</param>
/// <param name="Count">How many voted so, when the report gives a number.</param>
/// <param name="Members">Members the report names as part of the group.</param>
/// <param name="Source">Where it was reported.</param>
public sealed record GroupPosition(string Group, MotionId Motion, Vote Vote, int? Count, ImmutableArray<MemberId> Members, Source? Source);
