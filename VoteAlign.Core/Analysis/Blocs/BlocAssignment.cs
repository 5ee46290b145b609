using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>One member's bloc.</summary>
/// <param name="Member">The member.</param>
/// <param name="Bloc">1-based bloc number, or <c>null</c> when the member was left out (too little evidence).</param>
/// <param name="Stability">Share of bootstrap resamples in which the member stayed with their bloc's core, in [0, 1];
/// <c>null</c> without bootstrap or when unassigned.</param>
/// <param name="CastVotes">Votes (for, against, abstain) the member's placement rests on.</param>
/// <param name="KnownPairs">Other analysed members with whom the member shares enough votes for a known agreement.</param>
public sealed record BlocAssignment(MemberId Member, int? Bloc, double? Stability, int CastVotes, int KnownPairs);
