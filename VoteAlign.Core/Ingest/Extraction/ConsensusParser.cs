namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Finds decisions reported as unanimous or nem con. The word must govern a decision in its clause
/// ("agreed unanimously", "a unanimous vote", "passed nem con", "agreed … without dissent"); it is rejected
/// when it describes a view rather than a vote ("unanimous in voicing its frustration"), is negated, or is
/// hypothetical ("if the group could not reach unanimous decisions").</summary>
internal static class ConsensusParser
{
    private static readonly HashSet<string> DecisionWords = new(StringComparer.Ordinal)
    {
        "agreed", "agree", "agreeing", "passed", "pass", "approved", "approve", "approving", "accepted", "accept",
        "adopted", "adopt", "carried", "endorsed", "endorse", "voted", "vote", "decision", "decided", "resolved",
        "supported", "backed", "elected", "appointed", "confirmed", "ratified", "agreement", "unanimity", "votes",
    };

    /// <summary>A decision word with its clause.</summary>
    /// <param name="Kind">Unanimous or nem con.</param>
    /// <param name="CueToken">The token of the word "unanimous", "nem", "dissent", ….</param>
    /// <param name="ClauseStart">First token of its clause.</param>
    /// <param name="ClauseEnd">One past its clause's last token.</param>
    internal sealed record Reading(ConsensusKind Kind, int CueToken, int ClauseStart, int ClauseEnd);

    // "nem. con.": the next word, over full stops.
    private static int? NextWord(Token[] tokens, int i)
    {
        for (var k = i + 1; k < tokens.Length && k <= i + 2; k++)
            if (tokens[k].Kind == TokenKind.Word) return k;
        return null;
    }

    public static (List<Reading> Readings, List<(int Token, string Reason)> Rejections) Parse(Token[] tokens)
    {
        var readings = new List<Reading>();
        var rejections = new List<(int, string)>();
        var clauses = Clauses.Split(tokens);
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word) continue;
            ConsensusKind? kind = null;
            var end = i + 1;
            if (t.Norm is "unanimously" or "unanimous" or "unanimity") kind = ConsensusKind.Unanimous;
            else if (t.Norm == "nem" && NextWord(tokens, i) is { } nw && tokens[nw].Norm.StartsWith("con", StringComparison.Ordinal)) kind = ConsensusKind.NemCon;
            else if (t.Norm == "nemine") kind = ConsensusKind.NemCon;
            else if (t.Norm == "dissent" && i > 0 && tokens[i - 1].Norm is "without" or "no") kind = ConsensusKind.NemCon;
            else if (t.Norm == "opposition" && i > 0 && tokens[i - 1].Norm is "without") kind = ConsensusKind.NemCon;
            else if (t.Norm == "against" && i > 1 && tokens[i - 1].Norm is "voting" && tokens[i - 2].Norm is "nobody" or "one" or "none")
                kind = ConsensusKind.NemCon;
            else if (t.Norm == "against" && i > 1 && tokens[i - 1].Norm is "voted" or "votes" && tokens[i - 2].Norm is "no" or "nobody" or "one" or "none")
                kind = ConsensusKind.NemCon;
            if (kind is null) continue;

            var (cs, ce) = Clauses.Scope(tokens, clauses, i);
            // "unanimous in voicing its frustration": a shared view, not a vote.
            if (end < tokens.Length && tokens[end].Norm == "in" && t.Norm == "unanimous")
            {
                rejections.Add((i, "describes a shared view (\"unanimous in …\"), not a vote"));
                continue;
            }

            var decision = false;
            var hypothetical = false;
            var negated = false;
            for (var k = cs; k < ce; k++)
            {
                var w = tokens[k].Norm;
                if (DecisionWords.Contains(w)) decision = true;
                if (k < i && (w is "if" or "would" or "could" or "should" or "will" or "might" or "unless" or "hope" or "hoped" or "reach" or "shall" or "must" or "expect" or "expected"))
                    hypothetical = true;
                if (k < i && k >= i - 3 && w is "not" or "never" or "n't" or "didn't" or "wasn't" or "weren't") negated = true;
            }

            // "Passed nem con." and "nem con" on their own are decisions by definition.
            if (kind == ConsensusKind.NemCon && t.Norm is "nem" or "nemine" or "against") decision = true;
            if (hypothetical)
                rejections.Add((i, "hypothetical or future (\"if\", \"would\", \"could\"…), not a decision taken"));
            else if (negated)
                rejections.Add((i, "negated"));
            else if (!decision)
                rejections.Add((i, "no decision word (agreed, passed, vote…) in its clause"));
            else if (!readings.Any(r => r.ClauseStart == cs))
                readings.Add(new Reading(kind.Value, i, cs, ce));
        }

        return (readings, rejections);
    }
}
