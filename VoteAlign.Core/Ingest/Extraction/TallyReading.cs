using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A vote count found in a sentence, before the side it is seen from is known.</summary>
/// <param name="Start">Offset of the count in the sentence.</param>
/// <param name="End">One past its end.</param>
/// <param name="First">The first number of a pair (or the "for" part of a labelled count).</param>
/// <param name="Second">The second number of a pair (or the "against" part).</param>
/// <param name="Roles">For a labelled count: the parts as labelled.</param>
/// <param name="Abstain">Abstentions, if given.</param>
/// <param name="Direction">How the numbers map to for and against.</param>
/// <param name="Stated">The outcome the words state (passed, defeated), if any.</param>
/// <param name="Tie">Whether the words call it a tie.</param>
/// <param name="Confidence">How sure the reading is.</param>
/// <param name="Cue">The word the direction was read from, for the review.</param>
/// <param name="CueToken">Index of that word among the sentence's tokens (-1 if none).</param>
/// <param name="StartToken">Index of the count's first token.</param>
/// <param name="EndToken">Index one past the count's last token.</param>
internal sealed record TallyReading(
    int Start,
    int End,
    int First,
    int Second,
    Tally? Roles,
    int? Abstain,
    TallyDirection Direction,
    Outcome Stated,
    bool Tie,
    Confidence Confidence,
    string? Cue,
    int CueToken,
    int StartToken,
    int EndToken)
{
    /// <summary>Whether the direction depends on how a side voted.</summary>
    public bool NeedsSide => Direction is TallyDirection.SideLost or TallyDirection.SideWon;

    /// <summary>The tally and outcome, given how the side the sentence speaks for voted (ignored unless
    /// <see cref="NeedsSide"/>; when unknown, a side that lost is taken to have backed the proposal).</summary>
    public (Tally Tally, Outcome Outcome) Resolve(Vote? sideVote = null)
    {
        var hi = Math.Max(First, Second);
        var lo = Math.Min(First, Second);
        if (Tie || (First == Second && Direction != TallyDirection.Roles)) return (new Tally(First, Second, Abstain), Outcome.Tied);
        switch (Direction)
        {
            case TallyDirection.Roles:
                var t = Roles!.Value;
                var derived = t.For is { } f && t.Against is { } a ? (f > a ? Outcome.Passed : f < a ? Outcome.Defeated : Outcome.Tied) : Outcome.Unknown;
                return (t, Stated != Outcome.Unknown ? Stated : derived);
            case TallyDirection.WinnersFor:
                return (new Tally(hi, lo, Abstain), Outcome.Passed);
            case TallyDirection.WinnersAgainst:
                return (new Tally(lo, hi, Abstain), Outcome.Defeated);
            case TallyDirection.SideLost:
                return sideVote == Vote.Against ? (new Tally(hi, lo, Abstain), Outcome.Passed) : (new Tally(lo, hi, Abstain), Outcome.Defeated);
            case TallyDirection.SideWon:
                return sideVote == Vote.Against ? (new Tally(lo, hi, Abstain), Outcome.Defeated) : (new Tally(hi, lo, Abstain), Outcome.Passed);
            default:
                return (new Tally(First, Second, Abstain), First > Second ? Outcome.Passed : Outcome.Defeated);
        }
    }
}
