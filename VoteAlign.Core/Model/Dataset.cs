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
    /// <summary>A data set over a record set's evidence positions (inferred ones are left out).</summary>
    /// <param name="name">Display name.</param>
    /// <param name="records">The records.</param>
    public static Dataset FromRecords(string name, RecordSet records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var members = records.Members.DistinctBy(m => m.Id).ToImmutableArray();
        var motions = records.Motions.DistinctBy(m => m.Id).ToImmutableArray();
        var matrix = VoteMatrix.FromPositions([.. members.Select(m => m.Id)], [.. motions.Select(m => m.Id)],
            records.Positions.Where(p => p.IsEvidence).DistinctBy(p => (p.Member, p.Motion)));
        return new Dataset(name, members, records.Meetings, motions, matrix, records);
    }
}
