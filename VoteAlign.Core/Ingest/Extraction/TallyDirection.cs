namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>How the two numbers of a vote count map onto for and against.</summary>
internal enum TallyDirection
{
    /// <summary>Each number is labelled ("5 votes for, 22 against").</summary>
    Roles,

    /// <summary>The larger side voted for the proposal ("passed by 16 votes to 11").</summary>
    WinnersFor,

    /// <summary>The larger side voted against it ("defeated by 12 votes to 10", "21 to 10 to oppose this").</summary>
    WinnersAgainst,

    /// <summary>A side that is the sentence's subject lost ("we lost the vote: 22-15"); the direction depends on
    /// how that side voted.</summary>
    SideLost,

    /// <summary>A side that is the sentence's subject won.</summary>
    SideWon,

    /// <summary>Nothing says; the first number is taken as for.</summary>
    Assumed,
}
