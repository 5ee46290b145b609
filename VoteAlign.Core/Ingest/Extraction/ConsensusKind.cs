namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A decision reported without a count.</summary>
internal enum ConsensusKind
{
    /// <summary>"unanimously": every member present voted for.</summary>
    Unanimous,

    /// <summary>"nem con", "without dissent": nobody voted against.</summary>
    NemCon,
}
