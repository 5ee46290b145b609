using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Splits;

/// <summary>A member who voted against the majority of their bloc on a motion.</summary>
/// <param name="Member">Who.</param>
/// <param name="Group">Their bloc or group.</param>
/// <param name="Vote">Their vote.</param>
/// <param name="GroupMajority">The bloc's majority vote among its known votes on the motion.</param>
/// <param name="Basis">What their vote rests on.</param>
public sealed record Rebel(MemberId Member, string Group, Vote Vote, Vote GroupMajority, Basis Basis);
