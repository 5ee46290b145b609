namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A proposal put to the meeting, as a sentence introduces it ("I moved an amendment to …", "Keir
/// Starmer and Shabana Mahmood then moved and seconded their motion calling for …", "There was a proposal to
/// defer this rule change", "A staffer presented a paper advocating …").</summary>
/// <param name="Sentence">Where.</param>
/// <param name="PhraseStart">First token of the phrase describing it (from its determiner).</param>
/// <param name="PhraseEnd">One past its last token.</param>
/// <param name="Noun">Its noun: motion, amendment, proposal, paper, move, rule change.</param>
/// <param name="Movers">Who moved, proposed, seconded or brought it (empty when not said).</param>
internal sealed record ProposalIntro(Sentence Sentence, int PhraseStart, int PhraseEnd, string Noun, IReadOnlyList<Holder> Movers)
{
    /// <summary>The phrase as printed.</summary>
    public string Phrase => PhraseEnd > PhraseStart
        ? Sentence.Text[Sentence.Tokens[PhraseStart].Start..Sentence.Tokens[PhraseEnd - 1].End]
        : Sentence.Text;
}
