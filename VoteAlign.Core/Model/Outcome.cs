namespace VoteAlign.Core.Model;

/// <summary>The reported result of a motion.</summary>
public enum Outcome
{
    /// <summary>Not reported.</summary>
    Unknown,

    /// <summary>Carried.</summary>
    Passed,

    /// <summary>Lost.</summary>
    Defeated,

    /// <summary>A tie (and no casting vote reported).</summary>
    Tied,
}
