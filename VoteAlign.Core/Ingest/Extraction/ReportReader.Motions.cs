using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Motions from counts, unanimous and nem con decisions, and decisions without figures.</summary>
internal sealed partial class ReportReader
{
    private MotionDraft? FromTally(Analysis a, TallyReading reading, List<(int Start, int End)> clauses, ref ProposalState? open)
    {
        var s = a.S;
        var (cs, ce) = Clauses.Of(clauses, reading.StartToken);
        var titled = TitleForCount(a, reading, cs, ce, ref open);
        Vote? side = null;
        if (reading.NeedsSide) side = SideVote(a, titled.Title);
        var (tally, outcome) = reading.Resolve(side);
        var kind = KindClassifier.Classify(titled.Title, titled.Context);
        var motion = new MotionDraft
        {
            Report = _report,
            Sentence = s,
            Title = titled.Title,
            Kind = kind,
            Tally = tally,
            Outcome = outcome,
            Confidence = Min(reading.Confidence, titled.Confidence),
            Topic = Topic.Of(titled.Title + " " + titled.Context + " " + LineBefore(a)),
            ClauseStart = cs,
            Proposal = titled.Proposal?.Intro,
        };
        var how = reading.Direction switch
        {
            TallyDirection.Roles => "labelled counts",
            TallyDirection.WinnersFor => $"larger side for (\"{reading.Cue}\")",
            TallyDirection.WinnersAgainst => $"larger side against (\"{reading.Cue}\")",
            TallyDirection.SideLost => $"the side that lost voted {(side == Vote.Against ? "against" : "for")}",
            TallyDirection.SideWon => $"the side that won voted {(side == Vote.Against ? "against" : "for")}",
            _ => reading.Tie ? "a tie" : "direction assumed: first number for",
        };
        motion.Sources.Add((_report, s, s.Text, tally, motion.Confidence, how));
        titled.Proposal?.Motions.Add(motion);
        if (reading.NeedsSide) ImplicitSideStance(a, reading, motion, side);
        return motion;
    }

    private static Confidence Min(Confidence a, Confidence b) => (Confidence)Math.Max((int)a, (int)b);

    // How the side a "lost"/"won" count is seen from voted on this motion: the side's stated vote in the
    // sentence ("… reps vote against the cancelling …"), reversed for a procedural move against the same item
    // ("a move to withdraw the paper"); with nothing said, the side backed the proposal.
    private Vote SideVote(Analysis a, string title)
    {
        var stance = a.Stances.FirstOrDefault(x => x.Mode == StanceMode.Vote && x.Holders.Any(h => h.Kind is HolderKind.Group or HolderKind.We or HolderKind.Self));
        if (stance is null) return Vote.For;
        var procedural = Tokenizer.Tokenize(title).Any(t => Lexicon.ProceduralVerbs.Contains(t.Norm));
        if (!procedural) return stance.Vote;
        return stance.Vote switch
        {
            Vote.Against => Vote.For,
            Vote.For => Vote.Against,
            _ => stance.Vote,
        };
    }

    // "We lost the vote: 22-15" with no other statement in the sentence: "we" voted as the side did.
    private void ImplicitSideStance(Analysis a, TallyReading reading, MotionDraft motion, Vote? side)
    {
        if (a.Stances.Count > 0 || reading.CueToken < 0) return;
        var tokens = a.S.Tokens;
        for (var k = reading.CueToken - 1; k >= Math.Max(0, reading.CueToken - 3); k--)
        {
            if (tokens[k].Norm is not ("we" or "i")) continue;
            var holder = tokens[k].Norm == "we" ? new Holder(HolderKind.We) : new Holder(HolderKind.Self);
            var stance = new Stance(a.S, [holder], side ?? Vote.For, StanceMode.Vote, reading.CueToken, reading.StartToken, reading.StartToken, Confidence.Medium, null, Outcome.Unknown);
            AddPositions(stance, motion, stance.Vote, Confidence.Medium, "the side that lost or won");
            return;
        }
    }

    private IEnumerable<MotionDraft> FromConsensus(Analysis a, ConsensusParser.Reading c, ref ProposalState? open)
    {
        var s = a.S;
        var tokens = s.Tokens;
        var result = new List<MotionDraft>();
        // "Other NEC amendments which were passed without dissent included: A; B; and C": one motion per item.
        var items = ListItems(s, c.CueToken);
        if (items.Count >= 2)
        {
            foreach (var item in items)
                result.Add(NewConsensus(a, c, Phrases.Title(item), item, null, Confidence.Medium));
            return result;
        }

        var titled = TitleForDecision(a, c.CueToken, c.ClauseStart, c.ClauseEnd, ref open);
        titled = titled with { Context = titled.Context + " " + LineBefore(a) };
        // "Both were accepted unanimously": two motions.
        var first = c.ClauseStart;
        while (first < c.ClauseEnd && tokens[first].Kind == TokenKind.Punct) first++;
        var copies = first < c.ClauseEnd && tokens[first].Norm == "both" ? 2 : 1;
        for (var n = 0; n < copies; n++)
        {
            var title = copies == 1 ? titled.Title : $"{titled.Title} ({(n == 0 ? "first" : "second")} of two)";
            var m = NewConsensus(a, c, title, titled.Context, titled.Proposal?.Intro, titled.Confidence);
            titled.Proposal?.Motions.Add(m);
            result.Add(m);
        }

        return result;
    }

    private MotionDraft NewConsensus(Analysis a, ConsensusParser.Reading c, string title, string context, ProposalIntro? proposal, Confidence confidence)
    {
        var m = new MotionDraft
        {
            Report = _report,
            Sentence = a.S,
            Title = title,
            Kind = KindClassifier.Classify(title, context),
            Tally = null,
            Outcome = Outcome.Passed,
            Unanimous = c.Kind == ConsensusKind.Unanimous,
            NemCon = c.Kind == ConsensusKind.NemCon,
            Confidence = confidence,
            Topic = Topic.Of(title + " " + context),
            ClauseStart = c.ClauseStart,
            Proposal = proposal,
        };
        m.Sources.Add((_report, a.S, a.S.Text, null, confidence, c.Kind == ConsensusKind.Unanimous ? "reported unanimous" : "reported nem con / without dissent"));
        return m;
    }

    private MotionDraft? FromDecision(Analysis a, Decision d, ref ProposalState? open)
    {
        var titled = TitleForDecision(a, d.CueToken, d.ClauseStart, d.ClauseEnd, ref open);
        var kind = d.Contested ? MotionKind.Election : KindClassifier.Classify(titled.Title, titled.Context);
        var m = new MotionDraft
        {
            Report = _report,
            Sentence = a.S,
            Title = titled.Title,
            Kind = kind,
            Tally = null,
            Outcome = d.Outcome,
            Confidence = Min(Confidence.Medium, titled.Confidence),
            Topic = Topic.Of(titled.Title + " " + titled.Context + " " + LineBefore(a)),
            ClauseStart = d.ClauseStart,
            Proposal = titled.Proposal?.Intro,
        };
        m.Sources.Add((_report, a.S, a.S.Text, null, m.Confidence, d.Contested ? "a contested vote without figures" : "a decision without figures"));
        titled.Proposal?.Motions.Add(m);
        return m;
    }

    // The items of "…: A; B; and C" after the word at cue.
    private static List<string> ListItems(Sentence s, int cue)
    {
        var colon = s.Text.IndexOf(':', s.Tokens[cue].End);
        if (colon < 0) return [];
        var rest = s.Text[(colon + 1)..];
        if (!rest.Contains(';', StringComparison.Ordinal)) return [];
        var items = new List<string>();
        foreach (var part in rest.Split(';'))
        {
            var p = part.Trim().TrimEnd('.');
            if (p.StartsWith("and ", StringComparison.OrdinalIgnoreCase)) p = p[4..];
            if (p.Length > 3) items.Add(p);
        }

        return items;
    }
}
