using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Scaling;

/// <summary>One member's coordinates.</summary>
/// <param name="Member">The member.</param>
/// <param name="Dim1">First coordinate, or null when the member could not be placed.</param>
/// <param name="Dim2">Second coordinate (2-D MDS only).</param>
/// <param name="Se1">Standard error of <paramref name="Dim1"/> (IRT only).</param>
/// <param name="Votes">Votes the placement rests on (MDS: cast votes; IRT: for/against votes).</param>
public sealed record MemberPlacement(MemberId Member, double? Dim1, double? Dim2, double? Se1, int Votes);
