namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>What kind of statement a stance rests on.</summary>
internal enum StanceMode
{
    /// <summary>A vote is reported ("voted against", "supported", "opposed").</summary>
    Vote,

    /// <summary>A speech is reported in the first person ("I argued in favour of this").</summary>
    Speech,

    /// <summary>The holder moved, proposed, seconded or brought the motion.</summary>
    Mover,

    /// <summary>The holder wanted a procedural step ("wanted to defer this decision").</summary>
    Want,

    /// <summary>A side reports beating the motion ("we defeated X").</summary>
    Defeat,
}
