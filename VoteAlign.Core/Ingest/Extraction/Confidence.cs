namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>How sure the extractor is of a fact, so a reviewer knows where to look first.</summary>
public enum Confidence
{
    /// <summary>Read off an explicit statement: a tally with its outcome or roles, "I voted against this rule change".</summary>
    High,

    /// <summary>Needed one inference: a reference resolved to the previous sentence, a direction read from a
    /// side's loss, a mover counted as voting for.</summary>
    Medium,

    /// <summary>Needed more: a direction assumed from word order, a speech taken as a vote, a reference resolved
    /// across reports.</summary>
    Low,
}
