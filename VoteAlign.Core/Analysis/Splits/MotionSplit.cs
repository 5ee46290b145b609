using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Splits;

/// <summary>How one motion split.</summary>
/// <param name="Motion">The motion (title, kind, tally, outcome, flags, sources).</param>
/// <param name="Date">Its meeting's date, if known.</param>
/// <param name="Margin">|for − against| when both are known.</param>
/// <param name="Conflicts">Distinct tallies its sources give, when they disagree (empty otherwise).</param>
/// <param name="Blocs">Per bloc or group, the split.</param>
/// <param name="Rebels">Members against their group's majority.</param>
/// <param name="SwitchesToFlip">For / against votes that would have to change sides to flip the outcome (null without a full tally).</param>
/// <param name="Pivotal">Members on the winning side who could have flipped it, when <paramref name="SwitchesToFlip"/> is small.</param>
/// <param name="BlocLine">Share of the known cast votes that went with their group's majority, in [0, 1]; null when too few.</param>
public sealed record MotionSplit(
    Motion Motion,
    DateOnly? Date,
    int? Margin,
    ImmutableArray<Tally> Conflicts,
    ImmutableArray<BlocBreakdown> Blocs,
    ImmutableArray<Rebel> Rebels,
    int? SwitchesToFlip,
    ImmutableArray<PivotalMember> Pivotal,
    double? BlocLine);
