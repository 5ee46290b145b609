using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Which way a count goes: outcome words, purposes, sides.</summary>
internal static partial class TallyParser
{
    private static readonly HashSet<string> PassWords = new(StringComparer.Ordinal)
    {
        "passed", "passing", "carried", "carrying", "approved", "approving", "adopted", "adopting", "endorsed", "endorsing",
        "accepted", "accepting", "agreed", "agreeing", "ratified", "upheld", "backed", "backing", "supported", "elected",
    };

    private static readonly HashSet<string> FailWords = new(StringComparer.Ordinal)
    {
        "defeated", "defeating", "fell", "failed", "rejected", "rejecting", "overturned", "refused", "opposed", "blocked",
    };

    private static readonly HashSet<string> SideWords = new(StringComparer.Ordinal)
    {
        "lost", "losing", "lose", "loses", "won", "winning", "win", "wins", "beaten",
    };

    private static readonly HashSet<string> OpposeVerbs = new(StringComparer.Ordinal)
    {
        "oppose", "reject", "block", "refuse", "resist", "deny", "defeat", "overturn", "veto", "vote",
    };

    private static readonly HashSet<string> NotAVerbAfterTo = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our", "my", "its", "be", "date",
        "nil", "none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "it", "them",
    };

    private static (Outcome Outcome, int Cue) FindStated(Token[] tokens, int cs, int ce, int s, int e)
    {
        for (var k = s - 1; k >= cs; k--)
            if (OutcomeWord(tokens, k) is { } o) return (o, k);
        for (var k = e; k < ce; k++)
            if (OutcomeWord(tokens, k) is { } o) return (o, k);
        return (Outcome.Unknown, -1);
    }

    private static Outcome? OutcomeWord(Token[] tokens, int k)
    {
        var w = tokens[k].Norm;
        if (tokens[k].Kind != TokenKind.Word) return null;
        var negated = Negated(tokens, k);
        if (w is "pass" or "passed" or "carried" && negated) return Outcome.Defeated;
        if (PassWords.Contains(w)) return negated ? null : Outcome.Passed;
        if (FailWords.Contains(w)) return negated ? null : Outcome.Defeated;
        if (w is "through" && k > 0 && tokens[k - 1].Norm is "voted" or "went" or "got") return Outcome.Passed;
        if (w is "down" && k > 0 && tokens[k - 1].Norm is "voted") return Outcome.Defeated;
        return null;
    }

    private static bool Negated(Token[] tokens, int k)
    {
        for (var j = k - 1; j >= Math.Max(0, k - 2); j--)
            if (tokens[j].Norm is "not" or "didn't" or "never" or "n't" or "wasn't" or "weren't") return true;
        return false;
    }

    // The direction of an unlabelled pair, from the nearest cue: an outcome word before it in its clause, else a
    // purpose or outcome after it, else the cue of the count before it in the same sentence ("losing 15-14 on
    // X, and 16-12 on Y"), else a bare "voted … to VERB", else word order.
    private static TallyReading Direct(Token[] tokens, List<(int Start, int End)> clauses, int s, int e, int a, int b, int? abstain, bool votesWord, TallyReading? previous)
    {
        var (cs, ce) = Clauses.Of(clauses, s);
        var tie = false;
        for (var k = cs; k < ce; k++)
            if (tokens[k].Norm is "tie" or "tied" or "deadlock" or "deadlocked") tie = true;
        TallyReading Make(TallyDirection d, Outcome stated, Confidence c, int cue) =>
            new(tokens[s].Start, tokens[e - 1].End, a, b, null, abstain, d, stated, tie && a == b, c, cue >= 0 ? tokens[cue].Norm : null, cue, s, e);
        var conf = votesWord ? Confidence.High : Confidence.Medium;
        var lowerBound = previous is not null && previous.EndToken > cs ? previous.EndToken : cs;

        for (var k = s - 1; k >= lowerBound; k--)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            if (SideWords.Contains(tokens[k].Norm))
                return SideOrMotion(tokens, clauses, k, cs, Make, conf);
            if (OutcomeWord(tokens, k) is { } o)
                return Make(o == Outcome.Passed ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, o, conf, k);
        }

        for (var k = e; k < ce; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            if (tokens[k].Norm == "to" && k + 1 < ce)
            {
                var v = k + 1;
                while (v < ce && tokens[v].Norm.EndsWith("ly", StringComparison.Ordinal) && tokens[v].Norm.Length > 3) v++;
                if (v < ce && tokens[v].Kind == TokenKind.Word && !NotAVerbAfterTo.Contains(tokens[v].Norm))
                {
                    return OpposeVerbs.Contains(tokens[v].Norm)
                        ? Make(TallyDirection.WinnersAgainst, Outcome.Defeated, Confidence.High, v)
                        : Make(TallyDirection.WinnersFor, Outcome.Passed, conf, v);
                }
            }

            // "16-11 in favour", "16 to 9 against the proposal": the first number is that side.
            if (k <= e + 1 && tokens[k].Norm == "in" && k + 1 < ce && tokens[k + 1].Norm is "favour" or "favor")
                return Make(a >= b ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, a >= b ? Outcome.Passed : Outcome.Defeated, conf, k + 1);
            if (k <= e + 1 && tokens[k].Norm == "against")
                return Make(a >= b ? TallyDirection.WinnersAgainst : TallyDirection.WinnersFor, a >= b ? Outcome.Defeated : Outcome.Passed, conf, k);
            if (SideWords.Contains(tokens[k].Norm))
                return SideOrMotion(tokens, clauses, k, cs, Make, conf);
            if (OutcomeWord(tokens, k) is { } o)
                return Make(o == Outcome.Passed ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, o, conf, k);
        }

        if (previous is not null && previous.Direction != TallyDirection.Roles)
            return Make(previous.Direction, previous.Stated, previous.Confidence == Confidence.High ? Confidence.Medium : previous.Confidence, previous.CueToken);

        if (tie && a == b) return Make(TallyDirection.Assumed, Outcome.Tied, conf, -1);
        return Make(TallyDirection.Assumed, Outcome.Unknown, Confidence.Low, -1);
    }

    // "lost"/"won": the motion's outcome when the motion is its subject ("the amendment was lost"), a side's
    // loss or win when a person or group is ("we lost the vote", "… reps vote against …, losing 15-14").
    private static TallyReading SideOrMotion(Token[] tokens, List<(int Start, int End)> clauses, int k, int cs,
        Func<TallyDirection, Outcome, Confidence, int, TallyReading> make, Confidence conf)
    {
        var won = tokens[k].Norm is "won" or "winning" or "win" or "wins";
        for (var j = k - 1; j >= Math.Max(cs, k - 5); j--)
        {
            var w = tokens[j].Norm;
            if (tokens[j].IsPunct(',')) break; // "… voted against the paper, losing 18-11": the paper is not the subject
            if (Lexicon.SidePronouns.Contains(w) || Lexicon.GroupHeads.Contains(w))
                return make(won ? TallyDirection.SideWon : TallyDirection.SideLost, Outcome.Unknown, Confidence.Medium, k);
            if (Lexicon.MotionNouns.Contains(w))
                return make(won ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, won ? Outcome.Passed : Outcome.Defeated, conf, k);
        }

        // A participle with no subject of its own ("…, losing 15-14 on a move") speaks for the sentence's subject.
        if (tokens[k].Norm is "losing" or "winning")
            return make(won ? TallyDirection.SideWon : TallyDirection.SideLost, Outcome.Unknown, Confidence.Medium, k);
        return make(won ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, won ? Outcome.Passed : Outcome.Defeated, Confidence.Medium, k);
    }
}
