using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A statement that some people voted a certain way on something.</summary>
/// <param name="Sentence">Where it stands.</param>
/// <param name="Holders">Who.</param>
/// <param name="Vote">How.</param>
/// <param name="Mode">What kind of statement.</param>
/// <param name="VerbToken">The verb's token.</param>
/// <param name="ObjectStart">First token of what they voted on (may equal <paramref name="ObjectEnd"/>: nothing said).</param>
/// <param name="ObjectEnd">One past its last token.</param>
/// <param name="Confidence">How sure.</param>
/// <param name="Apposition">A group the holders are said to speak as ("As left CLP reps we …").</param>
/// <param name="Implied">An outcome the wording implies ("unsuccessfully opposed": passed).</param>
internal sealed record Stance(
    Sentence Sentence,
    IReadOnlyList<Holder> Holders,
    Vote Vote,
    StanceMode Mode,
    int VerbToken,
    int ObjectStart,
    int ObjectEnd,
    Confidence Confidence,
    string? Apposition,
    Outcome Implied)
{
    /// <summary>The object as printed ("" when none).</summary>
    public string ObjectText => ObjectEnd > ObjectStart
        ? Sentence.Text[Sentence.Tokens[ObjectStart].Start..Sentence.Tokens[ObjectEnd - 1].End]
        : "";
}
