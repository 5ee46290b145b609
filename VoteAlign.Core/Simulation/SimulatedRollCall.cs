using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Simulation;

/// <summary>A generated roll call with its ground truth.</summary>
/// <param name="Members">Member ids, in matrix row order.</param>
/// <param name="Motions">Motion ids, in column order.</param>
/// <param name="TrueBloc">Each member's bloc, 0-based.</param>
/// <param name="IdealPoints">Each member's ideal point (one array of <c>Dimensions</c> values per member).</param>
/// <param name="Matrix">The votes; every cell known (absent is a value).</param>
public sealed record SimulatedRollCall(
    ImmutableArray<MemberId> Members,
    ImmutableArray<MotionId> Motions,
    ImmutableArray<int> TrueBloc,
    ImmutableArray<ImmutableArray<double>> IdealPoints,
    VoteMatrix Matrix);
