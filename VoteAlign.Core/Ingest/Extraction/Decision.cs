using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A decision stated without figures ("The paper passed.", "This amendment fell.", "voted through
/// the proposal", "in a contested vote, appointed …").</summary>
/// <param name="Sentence">Where.</param>
/// <param name="CueToken">The outcome word.</param>
/// <param name="ClauseStart">Its clause's first token.</param>
/// <param name="ClauseEnd">One past its clause's last token.</param>
/// <param name="Outcome">Passed, defeated, or unknown (a contested vote with no result word).</param>
/// <param name="Contested">"in a contested vote": an election or appointment put to a vote.</param>
/// <param name="Summary">For "voted to proscribe four groups": the number of votes the sentence sums up
/// (the motions themselves are reported elsewhere).</param>
internal sealed record Decision(Sentence Sentence, int CueToken, int ClauseStart, int ClauseEnd, Outcome Outcome, bool Contested, int? Summary);
