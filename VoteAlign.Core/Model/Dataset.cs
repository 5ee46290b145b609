using System.Collections.Immutable;

namespace VoteAlign.Core.Model;

/// <summary>What an analysis runs on: the roster, the motions, and the members × motions matrix of known votes,
/// with the record set behind it when there is one. A roll call read from CSV goes straight into the matrix.</summary>
/// <param name="Name">Display name (the input file, or the bundled data set).</param>
/// <param name="Members">The roster, in matrix row order.</param>
/// <param name="Meetings">The meetings.</param>
/// <param name="Motions">The motions, in matrix column order.</param>
/// <param name="Matrix">Evidence: every known position (any basis but inferred), one value per cell.</param>
/// <param name="Records">The full record set, when the input was a record file (null for a roll-call CSV).</param>
public sealed record Dataset(
    string Name,
    ImmutableArray<Member> Members,
    ImmutableArray<Meeting> Meetings,
    ImmutableArray<Motion> Motions,
    VoteMatrix Matrix,
    RecordSet? Records)
{
    /// <summary>A data set over a record set's evidence: every position except inferred ones, plus the group
    /// statements that name their members (see <see cref="GroupEvidence"/>).</summary>
    /// <param name="name">Display name.</param>
    /// <param name="records">The records.</param>
    public static Dataset FromRecords(string name, RecordSet records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var members = records.Members.DistinctBy(m => m.Id).ToImmutableArray();
        var motions = records.Motions.DistinctBy(m => m.Id).ToImmutableArray();
        var evidence = records.Positions.Where(p => p.IsEvidence).DistinctBy(p => (p.Member, p.Motion)).ToList();
        evidence.AddRange(GroupEvidence(records, evidence));
        var matrix = VoteMatrix.FromPositions([.. members.Select(m => m.Id)], [.. motions.Select(m => m.Id)], evidence);
        return new Dataset(name, members, records.Meetings, motions, matrix, records);
    }

    /// <summary>Positions with basis <see cref="Basis.Group"/> resolved from group statements that name their members
    /// ("As left CLP reps we voted against": the authors), for members with no position of their own on that motion.
    /// A counted statement (a count smaller than the members named) is not resolved: it does not say which members.</summary>
    /// <param name="records">The records.</param>
    /// <param name="named">Positions already known, which take precedence.</param>
    public static IEnumerable<Position> GroupEvidence(RecordSet records, IEnumerable<Position> named)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(named);
        var taken = named.Select(p => (p.Member, p.Motion)).ToHashSet();
        foreach (var g in records.GroupPositions)
        {
            if (g.Members.IsDefaultOrEmpty || (g.Count is { } c && c < g.Members.Length)) continue;
            foreach (var m in g.Members)
                if (taken.Add((m, g.Motion))) yield return new Position(m, g.Motion, g.Vote, Basis.Group, null, g.Source);
        }
    }
}
