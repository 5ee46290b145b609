namespace VoteAlign.Core.Model;

/// <summary>What sort of question a motion put.</summary>
public enum MotionKind
{
    /// <summary>Anything not covered below.</summary>
    Other,

    /// <summary>A change to the party rulebook.</summary>
    RuleChange,

    /// <summary>A paper put by officers or staff.</summary>
    Paper,

    /// <summary>An amendment to a paper or motion.</summary>
    Amendment,

    /// <summary>A proscription of an organisation.</summary>
    Proscription,

    /// <summary>A procedural vote (to defer, to withdraw, to take a vote).</summary>
    Procedural,

    /// <summary>An election or appointment to a post.</summary>
    Election,

    /// <summary>A motion moved by a member.</summary>
    Motion,
}
