using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Finds decisions stated without figures: "passed", "was carried", "was defeated", "fell" (with a
/// motion as subject), "did not pass", "voted through", "voted down", "the NEC voted to …", "in a contested
/// vote". Routine "agreed"/"approved" is not a vote and is left alone. Rejected: other senses of the words
/// ("passed away", "passed to the NCC", "nearly a year having passed"), relative and hypothetical clauses,
/// summaries ("All were passed"), votes at another meeting ("at the previous meeting"), and anything
/// "defeated without being put to a vote".</summary>
internal static class DecisionParser
{
    private static readonly HashSet<string> NotAfterPassed = new(StringComparer.Ordinal)
    {
        "away", "to", "on", "since", "over", "round", "around", "through", "down", "out", "up", "along", "onto", "into", "back", "the", "a", "an",
    };

    private static readonly HashSet<string> AfterPassed = new(StringComparer.Ordinal)
    {
        "by", "with", "unanimously", "nem", "without", "overwhelmingly", "comfortably", "narrowly", "easily", "at", "in",
        "after", "following", "and", "but", "despite", "as", "when", "while", "only", "again", "too", "then",
    };

    private static readonly HashSet<string> Quantifiers = new(StringComparer.Ordinal) { "all", "some", "many", "most", "none", "several", "each", "both", "few" };

    public static (List<Decision> Decisions, List<(int Token, string Reason)> Rejections) Parse(Sentence s)
    {
        var tokens = s.Tokens;
        var decisions = new List<Decision>();
        var rejections = new List<(int, string)>();
        foreach (var (cs, ce) in Clauses.Split(tokens))
        {
            for (var k = cs; k < ce; k++)
            {
                if (tokens[k].Kind != TokenKind.Word) continue;
                var w = tokens[k].Norm;
                Outcome? outcome = null;
                var contested = false;
                int? summary = null;
                var prev = k > cs ? tokens[k - 1].Norm : "";
                var next = k + 1 < ce ? tokens[k + 1].Norm : "";

                // Intransitive or passive "passed" only: "we passed theirs" is routine business, "passed away" is not a vote.
                if (w is "passed" && !NotAfterPassed.Contains(next) && prev is not ("having" or "had" or "has" or "have")
                    && (next.Length == 0 || AfterPassed.Contains(next) || k + 1 < ce && tokens[k + 1].Kind == TokenKind.Punct)) outcome = Outcome.Passed;
                else if (w is "carried" && prev is "was" or "were" or "been" && next is not ("out" or "over" or "forward" or "on")) outcome = Outcome.Passed;
                else if (w is "defeated" && prev is "was" or "were" or "been" or "being" && next is not "by" and not "with") outcome = Outcome.Defeated;
                else if (w is "fell" && MotionSubject(tokens, cs, k)) outcome = Outcome.Defeated;
                else if (w is "lost" && prev is "was" or "were" && MotionSubject(tokens, cs, k)) outcome = Outcome.Defeated;
                else if (w is "pass" && prev is "not" or "didn't" or "n't" && k >= 2 && tokens[k - 2].Norm is "did" or "does" or "to") outcome = Outcome.Defeated;
                else if (w is "voted" && next is "through") outcome = Outcome.Passed;
                else if (w is "voted" && next is "down") outcome = Outcome.Defeated;
                else if (w is "voted" && next is "to" && k + 2 < ce && tokens[k + 2].Kind == TokenKind.Word && BodySubject(tokens, cs, k))
                {
                    outcome = Outcome.Passed;
                    summary = Count(tokens, k + 3, ce);
                }
                else if (w is "vote" && prev is "a" && k >= 2 && tokens[k - 2].Norm is "following" or "after" or "upon")
                {
                    // "Following a vote, it was decided that …": a division without figures.
                    contested = true;
                    outcome = tokens[cs..Math.Min(tokens.Length, ce + 8)].Any(t => t.Norm is "decided" or "agreed" or "elected" or "appointed" or "chosen" or "approved" or "resolved")
                        ? Outcome.Passed : Outcome.Unknown;
                }
                else if (w is "contested" && next is "vote" && prev is "a")
                {
                    contested = true;
                    outcome = tokens[cs..ce].Any(t => t.Norm is "appointed" or "elected" or "agreed" or "approved" or "chose" or "selected") ? Outcome.Passed : Outcome.Unknown;
                }

                if (outcome is null) continue;
                var reason = Reject(tokens, cs, ce, k, contested);
                if (reason is not null)
                {
                    rejections.Add((k, reason));
                    continue;
                }

                if (!decisions.Any(d => d.ClauseStart == cs))
                    decisions.Add(new Decision(s, k, cs, ce, outcome.Value, contested, summary));
            }
        }

        return (decisions, rejections);
    }

    private static string? Reject(Token[] tokens, int cs, int ce, int k, bool contested)
    {
        for (var j = k + 1; j + 3 < ce && j < k + 6; j++)
            if (tokens[j].Norm is "without" && tokens[j + 1].Norm is "being" or "a" && tokens[j + 2].Norm is "put" or "vote")
                return "decided without a vote";
        if (k + 2 < ce && tokens[k + 1].Norm == "without" && tokens[k + 2].Norm is "a" or "any" or "being") return "decided without a vote";
        for (var j = cs; j < k; j++)
        {
            var w = tokens[j].Norm;
            if (w is "if" or "would" or "could" or "should" or "will" or "might" or "unless" or "shall" or "must") return "hypothetical or future, not a decision taken";
            if (w is "which" or "that" or "who" && j >= k - 4 && !contested) return "a relative clause, describing rather than reporting";
        }

        for (var j = cs; j < ce - 2; j++)
            if (tokens[j].Norm is "previous" or "last" or "next" or "earlier" && tokens[j + 1].Norm is "meeting" or "nec" or "month")
                return "at another meeting";
        // "The rule changes passed and rejected by conference": both outcomes named, so a list, not a decision.
        for (var j = Math.Max(cs, k - 3); j < Math.Min(ce, k + 4); j++)
            if (j != k && tokens[j].Norm is "rejected" or "defeated" or "lost" && tokens[k].Norm is "passed" or "carried" || j != k && tokens[j].Norm is "passed" or "carried" && tokens[k].Norm is "defeated" or "fell")
                return "names both outcomes: a list of results, not one decision";

        // "passed by Annual Conference", "passed by the Lords": another body's decision.
        if (tokens[k].Norm == "passed" && k + 1 < ce && tokens[k + 1].Norm == "by")
        {
            var agent = k + 2 < ce && tokens[k + 2].Norm is "the" or "its" ? k + 3 : k + 2;
            if (agent < ce && tokens[agent].Kind == TokenKind.Word && tokens[agent].Norm is not ("nec" or "committee" or "meeting" or "executive" or "majority" or "a" or "us" or "show" or "acclamation"))
                return "passed by another body";
        }

        var first = cs;
        while (first < k && (tokens[first].Kind == TokenKind.Punct || tokens[first].Norm is "however" or "and" or "but" or "then" or "so")) first++;
        if (first < k && Quantifiers.Contains(tokens[first].Norm) && (first + 1 >= k || tokens[first + 1].Norm is "were" or "was" or "of" or "the" or "those" or "these"))
            return "a summary of several decisions (\"All were passed\")";
        return null;
    }

    private static bool MotionSubject(Token[] tokens, int cs, int k)
    {
        for (var j = k - 1; j >= Math.Max(cs, k - 4); j--)
        {
            if (Lexicon.SidePronouns.Contains(tokens[j].Norm) || Lexicon.GroupHeads.Contains(tokens[j].Norm)) return false;
            if (Lexicon.MotionNouns.Contains(tokens[j].Norm)) return true;
        }

        return false;
    }

    private static bool BodySubject(Token[] tokens, int cs, int k)
    {
        for (var j = k - 1; j >= Math.Max(cs, k - 3); j--)
            if (tokens[j].Norm is "we" or "nec" or "committee" or "meeting" or "it" or "executive") return true;
        return false;
    }

    // "voted to proscribe four groups": a count of things decided, so a summary of several votes.
    private static int? Count(Token[] tokens, int from, int ce)
    {
        for (var j = from; j < Math.Min(ce, from + 3); j++)
            if (TallyParser.TryNumber(tokens, j, false, out var n, out var next, out _) && n >= 2 && next < ce && tokens[next].Kind == TokenKind.Word && tokens[next].Norm.EndsWith('s'))
                return n;
        return null;
    }
}
