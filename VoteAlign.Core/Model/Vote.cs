namespace VoteAlign.Core.Model;

/// <summary>How a member voted on a motion. Abstain counts as a cast vote; absent does not.</summary>
public enum Vote
{
    /// <summary>Voted for the proposal.</summary>
    For = 0,

    /// <summary>Voted against the proposal.</summary>
    Against = 1,

    /// <summary>Present and abstained: a cast vote for agreement purposes.</summary>
    Abstain = 2,

    /// <summary>Did not vote (not present, or present but not voting): not a cast vote.</summary>
    Absent = 3,
}
