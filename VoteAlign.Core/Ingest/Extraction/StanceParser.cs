using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Finds statements of how people voted. A statement is a holder (see <see cref="HolderReader"/>)
/// followed by a stance verb:
/// <list type="bullet">
/// <item>vote verbs: "voted|vote|voting" + against | for | in favour (of) | to support/back/approve | to oppose/reject | to abstain; "abstained";</item>
/// <item>support verbs: "supported", "backed" (for), "did not support" (against), "opposed" (against);</item>
/// <item>first-person speech: "I spoke/argued in favour of | against" (kept, at low confidence: a member
/// reporting their own argument before a vote states their side; a reporter describing another's speech does not);</item>
/// <item>a side's win: "we defeated X" (against X);</item>
/// <item>a wish for a procedural step: "wanted to defer this decision" (for the deferral).</item>
/// </list>
/// Then "as did NAME" and "along with NAMES" add holders. A statement is rejected when the verb is in a
/// relative clause ("members who voted against"), under a modal or "to" ("would not be voting against",
/// "unable to support"), negated (other than "did not support"), or passive ("was opposed by").</summary>
internal static class StanceParser
{
    private static readonly HashSet<string> ForPurposes = new(StringComparer.Ordinal) { "support", "back", "approve", "accept", "endorse", "adopt", "keep", "retain", "agree" };
    private static readonly HashSet<string> AgainstPurposes = new(StringComparer.Ordinal) { "oppose", "reject", "block", "scrap", "refuse", "defeat" };
    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal) { "would", "could", "will", "should", "might", "may", "must", "can", "cannot", "to", "shall", "won't", "wouldn't", "couldn't" };

    public static (List<Stance> Stances, List<(int Token, string Reason)> Rejections) Parse(Sentence s, List<NameMention> names)
    {
        var stances = new List<Stance>();
        var rejections = new List<(int, string)>();
        var tokens = s.Tokens;
        var clauses = Clauses.Split(tokens);
        var sentenceApposition = HolderReader.SentenceApposition(s, names);
        foreach (var (cs, ce) in clauses)
        {
            var hs = cs;
            for (var k = cs; k < ce; k++)
            {
                if (tokens[k].Kind != TokenKind.Word) continue;
                if (!TryVerb(tokens, k, ce, out var vote, out var mode, out var objStart, out var conf, out var implied)) continue;
                var verb = k;
                var reason = Reject(tokens, hs, verb, mode, out var negated);
                if (reason is not null)
                {
                    rejections.Add((verb, reason));
                    hs = objStart;
                    k = objStart - 1;
                    continue;
                }

                if (negated)
                {
                    // "did not support this paper": against. Other negations were rejected above.
                    vote = Vote.Against;
                    conf = Confidence.Medium;
                }

                var holders = HolderReader.Read(s, names, hs, verb, out var apposition);
                apposition ??= sentenceApposition;
                if (holders.Count == 0 && hs > cs && stances.Count > 0 && stances[^1].Sentence == s)
                    holders = [.. stances[^1].Holders]; // "I voted and spoke …", "… and voted against"
                var objEnd = ObjectEnd(tokens, objStart, ce);
                AddAsDid(s, names, objEnd, ce, holders);
                if (holders.Count == 0)
                {
                    rejections.Add((verb, "no one is said to have voted (no subject)"));
                    hs = objStart;
                    k = objStart - 1;
                    continue;
                }

                if (mode == StanceMode.Speech && holders.Any(h => h.Kind is not (HolderKind.Self or HolderKind.We)))
                {
                    rejections.Add((verb, "a speech reported by someone else, not a vote"));
                    hs = objEnd;
                    k = objEnd - 1;
                    continue;
                }

                if (mode == StanceMode.Defeat && holders.All(h => h.Kind == HolderKind.Named))
                {
                    rejections.Add((verb, "a named person \"defeated\" something: not a stated vote"));
                    hs = objEnd;
                    k = objEnd - 1;
                    continue;
                }

                sentenceApposition ??= apposition;
                stances.Add(new Stance(s, holders, vote, mode, verb, objStart, objEnd, conf, apposition, implied));
                hs = objEnd;
                k = Math.Max(k, objStart - 1);
            }
        }

        return (stances, rejections);
    }

    private static string? Reject(Token[] tokens, int hs, int verb, StanceMode mode, out bool negated)
    {
        negated = false;
        for (var k = verb - 1; k >= Math.Max(hs, verb - 3); k--)
        {
            var w = tokens[k].Norm;
            if (tokens[k].IsPunct(',')) break;
            if (w is "who" or "which" or "that" && k == verb - 1) return "a relative clause describing voters, not a report of a vote";
            if (w is "not" or "never" or "n't" or "didn't" or "don't" or "wasn't" or "weren't")
            {
                var voteFor = tokens[verb].Norm is "vote" or "voted" && verb + 1 < tokens.Length && tokens[verb + 1].Norm is "for" or "in";
                if ((tokens[verb].Norm is "support" or "supported" or "back" or "backed" || voteFor) && k >= verb - 2 && w is "not" or "didn't" or "n't")
                {
                    negated = true;
                    continue;
                }

                return "negated";
            }

            // "the only NEC member to vote against", "amongst those to vote against": a vote cast, not an intention.
            if (w == "to" && OnlyOrAmong(tokens, hs, k)) continue;
            if (Modals.Contains(w)) return w == "to" ? "an intention or ability (\"to …\"), not a vote cast" : "hypothetical or future (\"would\", \"will\"…), not a vote cast";
            if (w is "was" or "were" or "be" or "been" or "being" && tokens[verb].Norm is "opposed" or "supported" or "backed" or "defeated")
                return "passive: the holder is whoever did it, not the subject";
        }

        if (verb > 0 && tokens[verb - 1].Norm is "as" && tokens[verb].Norm is "opposed") return "\"as opposed to\"";
        if (verb > 0 && tokens[verb - 1].Norm is "unable" or "refused" or "declined" or "failed") return "an inability or refusal, not a vote cast";
        // "Please support …", "Support the motion": an appeal to the reader.
        if (verb == hs && tokens[verb].Norm is "support" or "oppose" or "vote" or "back") return "an appeal to the reader, not a report";
        if (mode == StanceMode.Speech && tokens[verb].Norm is "argued" && hs < verb && tokens[hs..verb].Any(t => t.Norm is "some" or "many" or "several" or "others"))
            return "a speech reported by someone else, not a vote";
        return null;
    }

    private static bool OnlyOrAmong(Token[] tokens, int hs, int to)
    {
        for (var k = to - 1; k >= Math.Max(hs, to - 5); k--)
            if (tokens[k].Norm is "only" or "first" or "last" or "those" or "one" or "members" && k < to) 
                return tokens[Math.Max(hs, k - 2)..(k + 1)].Any(t => t.Norm is "only" or "first" or "last" or "amongst" or "among" or "of");
        return false;
    }

    private static bool TryVerb(Token[] tokens, int k, int ce, out Vote vote, out StanceMode mode, out int objStart, out Confidence conf, out Outcome implied)
    {
        vote = Vote.For;
        mode = StanceMode.Vote;
        objStart = k + 1;
        conf = Confidence.High;
        implied = Outcome.Unknown;
        var w = tokens[k].Norm;
        int Next(int j) => j < ce ? j : ce;
        bool At(int j, string word) => j < ce && tokens[j].Norm == word;

        if (w is "voted" or "vote" or "voting" or "votes")
        {
            var j = k + 1;
            if (At(j, "and") && j + 1 < ce && tokens[j + 1].Norm is "spoke" or "argued") j += 2;
            if (At(j, "against")) { vote = Vote.Against; objStart = Next(j + 1); return true; }
            if (At(j, "for") && !(j + 1 < ce && tokens[j + 1].Kind == TokenKind.Number)) { vote = Vote.For; objStart = Next(j + 1); return true; }
            if (At(j, "in") && j + 1 < ce && tokens[j + 1].Norm is "favour" or "favor")
            {
                vote = Vote.For;
                objStart = Next(At(j + 2, "of") ? j + 3 : j + 2);
                return true;
            }

            if (At(j, "to") && j + 1 < ce)
            {
                var p = tokens[j + 1].Norm;
                if (ForPurposes.Contains(p)) { vote = Vote.For; objStart = Next(j + 2); return true; }
                if (AgainstPurposes.Contains(p)) { vote = Vote.Against; objStart = Next(j + 2); return true; }
                if (p is "abstain") { vote = Vote.Abstain; objStart = Next(j + 2); return true; }
            }

            return false;
        }

        if (w is "abstained")
        {
            vote = Vote.Abstain;
            objStart = Next(At(k + 1, "on") ? k + 2 : k + 1);
            return true;
        }

        // Past tense only: "we support the trade unions" is a view, "supported the motion" a vote; the present
        // counts only negated ("did not support").
        if (w is "supported" or "backed" || w is "support" or "back" && k > 0 && tokens[k - 1].Norm is "not" or "n't" or "didn't")
        {
            vote = Vote.For;
            conf = Confidence.Medium;
            return true;
        }

        if (w is "opposed")
        {
            vote = Vote.Against;
            conf = Confidence.Medium;
            if (k > 0 && tokens[k - 1].Norm is "unsuccessfully") implied = Outcome.Passed;
            if (k > 0 && tokens[k - 1].Norm is "successfully") implied = Outcome.Defeated;
            return true;
        }

        if (w is "spoke" or "argued" or "speaking" or "arguing")
        {
            var j = k + 1;
            if (At(j, "and") && j + 1 < ce && tokens[j + 1].Norm is "voted")
            {
                // "I spoke and voted in favour of all three": a vote.
                return TryVerb(tokens, j + 1, ce, out vote, out mode, out objStart, out conf, out implied);
            }

            mode = StanceMode.Speech;
            conf = Confidence.Low;
            if (At(j, "in") && j + 1 < ce && tokens[j + 1].Norm is "favour" or "favor")
            {
                vote = Vote.For;
                objStart = Next(At(j + 2, "of") ? j + 3 : j + 2);
                return true;
            }

            if (At(j, "against")) { vote = Vote.Against; objStart = Next(j + 1); return true; }
            return false;
        }

        if (w is "defeated" or "blocked")
        {
            // Only with a side as subject; HolderReader decides, and "was defeated" is passive (rejected).
            vote = Vote.Against;
            mode = StanceMode.Defeat;
            conf = Confidence.Medium;
            implied = Outcome.Defeated;
            return !(k + 1 < ce && tokens[k + 1].Norm is "by" or "with");
        }

        if (w is "wanted" or "sought" or "tried" or "attempted" && At(k + 1, "to") && k + 2 < ce && Lexicon.ProceduralVerbs.Contains(tokens[k + 2].Norm))
        {
            vote = Vote.For;
            mode = StanceMode.Want;
            conf = Confidence.Medium;
            objStart = k + 2;
            return true;
        }

        return false;
    }

    // An object runs to the end of its clause, or to ", as did …", a parenthesis, or an explanation.
    private static int ObjectEnd(Token[] tokens, int start, int ce)
    {
        var e = start;
        while (e < ce)
        {
            var t = tokens[e];
            if (t.IsPunct('(') || (t.IsDash && t.SpaceBefore)) break;
            if (t.IsPunct(',') && e + 2 < ce && tokens[e + 1].Norm == "as" && tokens[e + 2].Norm == "did") break;
            if (t.Kind == TokenKind.Word && t.Norm is "because" or "pointing" or "arguing" or "citing" or "saying" or "since" or "whilst" or "while" or "when" or "before" or "after" or "losing" or "winning") break;
            if (t.IsPunct(',') && e + 1 < ce && tokens[e + 1].Norm is "which" or "who" or "losing" or "winning" or "meaning") break;
            if (t.Norm == "for" && e + 2 < ce && tokens[e + 1].Norm is "this" or "these" or "that" && tokens[e + 2].Norm is "reason" or "reasons") break;
            e++;
        }

        while (e > start && tokens[e - 1].Kind == TokenKind.Punct && !tokens[e - 1].IsPunct(':')) e--;
        return e;
    }

    // ", as did Ann Black": the named people voted the same way.
    private static void AddAsDid(Sentence s, List<NameMention> names, int objEnd, int ce, List<Holder> holders)
    {
        var tokens = s.Tokens;
        for (var k = objEnd; k + 1 < ce; k++)
        {
            if (tokens[k].Norm != "as" || tokens[k + 1].Norm != "did") continue;
            foreach (var n in names)
                if (n.StartToken > k + 1 && n.StartToken <= k + 8 && holders.All(h => h.Name != n))
                    holders.Add(new Holder(HolderKind.Named, Name: n));
            return;
        }
    }
}
