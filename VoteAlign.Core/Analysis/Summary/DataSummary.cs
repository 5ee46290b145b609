using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Summary;

/// <summary>What a record set holds, counted.</summary>
/// <param name="Body">The body, if named.</param>
/// <param name="Members">Members on the roster.</param>
/// <param name="MembersWithPositions">Members with at least one evidence position.</param>
/// <param name="Meetings">Meetings.</param>
/// <param name="FirstMeeting">Earliest known meeting date.</param>
/// <param name="LastMeeting">Latest known meeting date.</param>
/// <param name="UndatedMeetings">Meetings whose date is unknown.</param>
/// <param name="Motions">Motions.</param>
/// <param name="MotionsWithTally">Motions with a tally that gives both for and against.</param>
/// <param name="MotionsWithPartialTally">Motions with a tally missing for or against.</param>
/// <param name="UnanimousMotions">Motions reported unanimous.</param>
/// <param name="NemConMotions">Motions reported nem con.</param>
/// <param name="MotionsWithoutTally">Motions with no tally and not unanimous / nem con.</param>
/// <param name="ConflictingMotions">Motions whose sources give different tallies.</param>
/// <param name="PositionsByBasis">Member-level positions per basis (every basis listed, zero included); <c>group</c> counts
/// the positions resolved from group statements that name their members.</param>
/// <param name="GroupPositions">Group and counted statements.</param>
/// <param name="Reports">Reports the facts come from.</param>
public sealed record DataSummary(
    string? Body,
    int Members,
    int MembersWithPositions,
    int Meetings,
    DateOnly? FirstMeeting,
    DateOnly? LastMeeting,
    int UndatedMeetings,
    int Motions,
    int MotionsWithTally,
    int MotionsWithPartialTally,
    int UnanimousMotions,
    int NemConMotions,
    int MotionsWithoutTally,
    int ConflictingMotions,
    ImmutableArray<(Basis Basis, int Count)> PositionsByBasis,
    int GroupPositions,
    int Reports)
{
    /// <summary>Counts what <paramref name="records"/> holds.</summary>
    /// <param name="records">The record set.</param>
    public static DataSummary Of(RecordSet records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var dates = records.Meetings.Where(m => m.Date is not null).Select(m => m.Date!.Value).ToList();
        var resolved = Dataset.GroupEvidence(records, records.Positions.Where(p => p.IsEvidence)).Count();
        var byBasis = Enum.GetValues<Basis>().Select(b => (b, records.Positions.Count(p => p.Basis == b) + (b == Basis.Group ? resolved : 0))).ToImmutableArray();
        return new DataSummary(
            records.Body,
            records.Members.Length,
            records.Positions.Where(p => p.IsEvidence).Concat(Dataset.GroupEvidence(records, records.Positions.Where(p => p.IsEvidence))).Select(p => p.Member).Distinct().Count(),
            records.Meetings.Length,
            dates.Count > 0 ? dates.Min() : null,
            dates.Count > 0 ? dates.Max() : null,
            records.Meetings.Length - dates.Count,
            records.Motions.Length,
            records.Motions.Count(m => m.Tally is { For: not null, Against: not null }),
            records.Motions.Count(m => m.Tally is { } t && (t.For is null || t.Against is null)),
            records.Motions.Count(m => m.Unanimous),
            records.Motions.Count(m => m.NemCon),
            records.Motions.Count(m => m.Tally is null && !m.Unanimous && !m.NemCon),
            records.Motions.Count(m => m.ConflictingTallies.Length > 1),
            byBasis,
            records.GroupPositions.Length,
            records.Reports.Length);
    }

    /// <summary>Counts what a roll-call data set holds (every known cell is a recorded position).</summary>
    /// <param name="data">The data.</param>
    public static DataSummary Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Records is { } records) return Of(records);
        var dates = data.Meetings.Where(m => m.Date is not null).Select(m => m.Date!.Value).ToList();
        long known = 0;
        var withVotes = 0;
        for (var i = 0; i < data.Matrix.MemberCount; i++)
        {
            var k = data.Matrix.KnownCount(i);
            known += k;
            if (k > 0) withVotes++;
        }

        var byBasis = Enum.GetValues<Basis>().Select(b => (b, b == Basis.Recorded ? (int)Math.Min(int.MaxValue, known) : 0)).ToImmutableArray();
        return new DataSummary(null, data.Members.Length, withVotes, data.Meetings.Length, dates.Count > 0 ? dates.Min() : null,
            dates.Count > 0 ? dates.Max() : null, data.Meetings.Length - dates.Count, data.Motions.Length,
            data.Motions.Count(m => m.Tally is { For: not null, Against: not null }), data.Motions.Count(m => m.Tally is { } t && (t.For is null || t.Against is null)),
            data.Motions.Count(m => m.Unanimous), data.Motions.Count(m => m.NemCon), data.Motions.Count(m => m.Tally is null && !m.Unanimous && !m.NemCon),
            data.Motions.Count(m => m.ConflictingTallies.Length > 1), byBasis, 0, 0);
    }
}
