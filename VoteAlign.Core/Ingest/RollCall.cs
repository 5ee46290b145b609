using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>A full roll call as read from CSV: roster, motions and the matrix of recorded votes.
/// Kept apart from <see cref="RecordSet"/> so a large chamber goes straight into the bit-packed matrix
/// without one object per vote.</summary>
/// <param name="Source">The votes file's display name.</param>
/// <param name="Members">Roster, in matrix row order.</param>
/// <param name="Meetings">One meeting per distinct motion date (and <c>undated</c> for motions without one).</param>
/// <param name="Motions">Motions, in matrix column order, each with the tally its recorded votes give.</param>
/// <param name="Matrix">The recorded votes.</param>
public sealed record RollCall(string Source, ImmutableArray<Member> Members, ImmutableArray<Meeting> Meetings, ImmutableArray<Motion> Motions, VoteMatrix Matrix)
{
    /// <summary>The roll call as a record set: one <see cref="Basis.Recorded"/> position per known cell,
    /// motion-major, members in row order.</summary>
    public RecordSet ToRecordSet()
    {
        var positions = ImmutableArray.CreateBuilder<Position>();
        for (var j = 0; j < Matrix.MotionCount; j++)
            for (var i = 0; i < Matrix.MemberCount; i++)
                if (Matrix[i, j] is { } vote)
                    positions.Add(new Position(Matrix.Members[i], Matrix.Motions[j], vote, Basis.Recorded, null, null));
        return new RecordSet(null, null, [], Members, Meetings, Motions, positions.ToImmutable(), []);
    }

    /// <summary>The roll call as a data set, without building one object per vote.</summary>
    public Dataset ToDataset() => new(Source, Members, Meetings, Motions, Matrix, null);
}
