using System.Collections.Immutable;

namespace VoteAlign.Core.Model;

/// <summary>Everything known about a body's votes: roster, meetings, motions, positions and their sources.
/// The in-memory form of a <c>votealign/1</c> file.</summary>
/// <param name="Body">The body that votes, if named.</param>
/// <param name="Seats">Voting seats on the body, if known. When <c>null</c> the roster is taken to be complete.</param>
/// <param name="Reports">The documents the facts were taken from.</param>
/// <param name="Members">The roster.</param>
/// <param name="Meetings">The meetings.</param>
/// <param name="Motions">The motions.</param>
/// <param name="Positions">Member-level positions; at most one per member and motion.</param>
/// <param name="GroupPositions">Group statements and counted statements.</param>
public sealed record RecordSet(
    string? Body,
    int? Seats,
    ImmutableArray<Report> Reports,
    ImmutableArray<Member> Members,
    ImmutableArray<Meeting> Meetings,
    ImmutableArray<Motion> Motions,
    ImmutableArray<Position> Positions,
    ImmutableArray<GroupPosition> GroupPositions)
{
    /// <summary>The format tag this version reads and writes.</summary>
    public const string FormatVersion = "votealign/1";
}
