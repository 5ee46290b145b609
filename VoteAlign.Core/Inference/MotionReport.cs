using VoteAlign.Core.Model;

namespace VoteAlign.Core.Inference;

/// <summary>What the reconstruction did with one motion.</summary>
/// <param name="Motion">The motion.</param>
/// <param name="Tally">The tally it used (null: unconstrained).</param>
/// <param name="Participants">Members taken to be in office (roster members plus unnamed seats).</param>
/// <param name="UnnamedSeats">Seats not on the roster, modelled as anonymous members.</param>
/// <param name="Note">Which tally was used and why, or why the motion was left unconstrained.</param>
/// <param name="Feasible">Whether the tally could be met given the known positions.</param>
public sealed record MotionReport(MotionId Motion, Tally? Tally, int Participants, int UnnamedSeats, string Note, bool Feasible);
