using System.Collections.Immutable;

namespace VoteAlign.Core.Model;

/// <summary>A question put to a meeting, with whatever tally was reported.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Meeting">The meeting it was put to.</param>
/// <param name="Title">Short title.</param>
/// <param name="Kind">What sort of question.</param>
/// <param name="Tally">The tally used for analysis, if any was reported.</param>
/// <param name="Outcome">The reported result.</param>
/// <param name="Unanimous">Reported as unanimous: every member present voted for.</param>
/// <param name="NemCon">Reported as nem con: nobody voted against (abstentions possible).</param>
/// <param name="Note">Free text, e.g. why one of two conflicting tallies was chosen.</param>
/// <param name="Sources">Every report of this vote; each may carry the tally it gives.</param>
/// <param name="Attributes">Other attributes (e.g. extra columns of a roll-call motions file). Sorted by key.</param>
public sealed record Motion(
    MotionId Id,
    MeetingId Meeting,
    string Title,
    MotionKind Kind,
    Tally? Tally,
    Outcome Outcome,
    bool Unanimous,
    bool NemCon,
    string? Note,
    ImmutableArray<Source> Sources,
    ImmutableSortedDictionary<string, string> Attributes)
{
    /// <summary>The distinct tallies the sources give, when two of them disagree on a part both report
    /// (a source that gives only "10 for" does not conflict with one that gives 10-21); empty otherwise.</summary>
    public ImmutableArray<Tally> ConflictingTallies
    {
        get
        {
            var distinct = Sources.Where(s => s.Tally is not null).Select(s => s.Tally!.Value).Distinct().ToImmutableArray();
            static bool Differ(int? x, int? y) => x is not null && y is not null && x != y;
            for (var i = 0; i < distinct.Length; i++)
                for (var j = i + 1; j < distinct.Length; j++)
                    if (Differ(distinct[i].For, distinct[j].For) || Differ(distinct[i].Against, distinct[j].Against) || Differ(distinct[i].Abstain, distinct[j].Abstain))
                        return distinct;
            return [];
        }
    }
}
