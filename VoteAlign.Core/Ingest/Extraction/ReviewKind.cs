namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>What a review item is about.</summary>
public enum ReviewKind
{
    /// <summary>A report found in the input: its writers, publication date and meeting.</summary>
    Report,

    /// <summary>A meeting and how its date was fixed.</summary>
    Meeting,

    /// <summary>A motion: its tally or decision, with each source.</summary>
    Motion,

    /// <summary>A member's position.</summary>
    Position,

    /// <summary>A group statement or counted statement.</summary>
    GroupPosition,

    /// <summary>A candidate that was not accepted, with the reason.</summary>
    Rejected,
}
