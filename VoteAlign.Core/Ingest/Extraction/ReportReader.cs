using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Reads one report: its sentences in order, the proposals they introduce, the votes they report
/// (counts, unanimous and nem con decisions, decisions without figures) and who they say voted how. A
/// reference back ("This was defeated", "I voted against this rule change") is resolved to the proposal or
/// motion it points to.</summary>
internal sealed partial class ReportReader
{
    private readonly ExtractionContext _context;
    private readonly ReportDraft _report;
    private readonly List<Analysis> _sentences = [];
    private readonly List<ProposalState> _proposals = [];
    private readonly HashSet<Member> _mentioned = [];

    private ReportReader(ExtractionContext context, ReportDraft report)
    {
        _context = context;
        _report = report;
    }

    /// <summary>Reads the sentences of <paramref name="report"/> into its drafts.</summary>
    public static void Read(ExtractionContext context, ReportDraft report)
    {
        var reader = new ReportReader(context, report);
        reader.Analyse();
        reader.ReadMotions();
        reader.ReadStances();
        reader.ReadMovers();
    }

    private sealed class Analysis(Sentence s, int index)
    {
        public Sentence S { get; } = s;

        public int Index { get; } = index;

        public List<NameMention> Names { get; set; } = [];

        public List<TallyReading> Tallies { get; set; } = [];

        public List<ConsensusParser.Reading> Consensus { get; set; } = [];

        public List<Decision> Decisions { get; set; } = [];

        public List<ProposalIntro> Intros { get; set; } = [];

        public List<Stance> Stances { get; set; } = [];

        public MeetingRef? Override { get; set; }

        public bool Heading { get; set; }

        public List<MotionDraft> Motions { get; } = [];

        public List<(Decision Decision, MotionKind? Kind)> Summaries { get; } = [];
    }

    private sealed class ProposalState(ProposalIntro intro, int index, int motionsBefore)
    {
        public ProposalIntro Intro { get; } = intro;

        public int Index { get; } = index;

        /// <summary>How many motions the report had when the proposal was introduced.</summary>
        public int MotionsBefore { get; } = motionsBefore;

        public List<MotionDraft> Motions { get; } = [];

        public bool Rejected { get; set; }
    }

    private void Analyse()
    {
        foreach (var s in _report.Sentences)
        {
            var a = new Analysis(s, _sentences.Count);
            var tokens = s.Tokens;
            a.Names = NameFinder.Find(s.Text, tokens, _context.Roster);
            foreach (var n in a.Names)
                if (n.Member is not null) _mentioned.Add(n.Member);
            var (tallies, tallyRejections) = TallyParser.Parse(tokens, _context.Seats);
            a.Tallies = tallies;
            foreach (var r in tallyRejections) Reject(s, "vote count", s.Text[r.Start..r.End], r.Reason);
            var (consensus, consensusRejections) = ConsensusParser.Parse(tokens);
            a.Consensus = consensus;
            foreach (var (t, reason) in consensusRejections) Reject(s, "unanimous/nem con", Around(s, t), reason);
            var (decisions, decisionRejections) = DecisionParser.Parse(s);
            a.Decisions = decisions;
            foreach (var (t, reason) in decisionRejections) Reject(s, "decision", Around(s, t), reason);
            a.Intros = ProposalParser.Parse(s, a.Names);
            var (stances, stanceRejections) = StanceParser.Parse(s, a.Names);
            a.Stances = stances;
            foreach (var (t, reason) in stanceRejections) Reject(s, "position", Around(s, t), reason);
            a.Override = SentenceMeeting(s);
            a.Heading = IsHeading(s);
            _sentences.Add(a);
        }
    }

    private void Reject(Sentence s, string what, string phrase, string reason) => _report.Rejections.Add(new Rejected(s, what, phrase, reason));

    private static string Around(Sentence s, int token)
    {
        var tokens = s.Tokens;
        var from = tokens[Math.Max(0, token - 6)].Start;
        var to = tokens[Math.Min(tokens.Length - 1, token + 6)].End;
        return s.Text[from..to];
    }

    // A short line on its own with no closing punctuation is a section heading ("Improving diversity in local
    // and national government"); it names what the following paragraphs are about.
    private static bool IsHeading(Sentence s)
    {
        if (!s.IsFirstInLine || s.Text.Length > 90) return false;
        // Bullets are items, not headings.
        if (s.Text[0] is '·' or '•' or '-' or '*' or '–' or '‣' or '◦' || s.Text.Length > 2 && s.Text[0] == 'o' && char.IsWhiteSpace(s.Text[1])) return false;
        var last = s.Text[^1];
        if (last is '.' or '!' or '?' or ':' or ';' or ',') return false;
        return s.Tokens.Count(t => t.Kind == TokenKind.Word) is >= 1 and <= 12;
    }

    // "At the NEC meeting on July 21st 2021, the NEC voted …": a sentence about another meeting than the
    // report's. Only a full date that differs from the report's meeting by more than a day counts.
    private MeetingRef? SentenceMeeting(Sentence s)
    {
        var tokens = s.Tokens;
        var dates = DateFinder.Find(s.Text, tokens);
        foreach (var d in dates)
        {
            var before = tokens[Math.Max(0, d.StartToken - 4)..d.StartToken].Select(t => t.Norm).ToList();
            var atStart = d.StartToken <= 1 && before.Count > 0 && before[^1] is "on";
            var meetingWord = before.Contains("meeting") || before.Contains("nec") || atStart;
            if (!meetingWord) continue;
            var date = d.Resolve(_report.Published);
            if (date is not { } when) continue;
            if (_report.Meeting.Date is { } own && Math.Abs(own.DayNumber - when.DayNumber) <= 1) continue;
            if (_report.Meeting.Date is null && _report.Meeting.Month == when.Month && _report.Meeting.Year == when.Year) continue;
            return new MeetingRef(when, when.Year, when.Month, null, null, "NEC", s.Text, s.Line, "a sentence of another report names this meeting");
        }

        return null;
    }

    private void ReadMotions()
    {
        ProposalState? open = null;
        for (var i = 0; i < _sentences.Count; i++)
        {
            if (_report.Motions.Count >= ReportExtractor.MaxFactsPerReport)
            {
                _report.TruncatedAt = _sentences[i].S.Line;
                break;
            }

            var a = _sentences[i];
            var s = a.S;
            foreach (var intro in a.Intros)
            {
                var state = new ProposalState(intro, i, _report.Motions.Count);
                _proposals.Add(state);
                // A topic mentioned in passing does not displace a moved proposal still waiting for its vote.
                if (intro.Movers.Count == 0 && open is { Motions.Count: 0 } && open.Intro.Movers.Count > 0 && !open.Rejected) continue;
                open = state;
            }

            if (open is not null && open.Motions.Count == 0 && i - open.Index <= 3 && SaysRejected(s)) open.Rejected = true;

            var tallyClauses = new HashSet<int>();
            var clauses = Clauses.Split(s.Tokens);
            foreach (var reading in a.Tallies)
            {
                var motion = FromTally(a, reading, clauses, ref open);
                tallyClauses.Add(Clauses.Of(clauses, reading.StartToken).Start);
                if (motion is not null) AddMotion(a, motion);
            }

            var consensusClauses = new HashSet<int>();
            foreach (var c in a.Consensus)
            {
                consensusClauses.Add(c.ClauseStart);
                if (tallyClauses.Contains(c.ClauseStart))
                {
                    // "passed unanimously by 27 votes to nil": the count's motion carries the flag.
                    foreach (var m in a.Motions.Where(m => m.ClauseStart == c.ClauseStart))
                    {
                        if (c.Kind == ConsensusKind.Unanimous && m.Tally is { Against: > 0 } or { Abstain: > 0 }) continue;
                        if (c.Kind == ConsensusKind.NemCon && m.Tally is { Against: > 0 }) continue;
                        if (c.Kind == ConsensusKind.Unanimous) m.Unanimous = true;
                        else m.NemCon = true;
                    }

                    continue;
                }

                foreach (var motion in FromConsensus(a, c, ref open)) AddMotion(a, motion);
            }

            foreach (var d in a.Decisions)
            {
                if (tallyClauses.Contains(d.ClauseStart) || consensusClauses.Contains(d.ClauseStart)) continue;
                if (a.Tallies.Count > 0 || a.Consensus.Count > 0) continue;
                if (d.Summary is not null)
                {
                    a.Summaries.Add((d, KindOfSummary(s, d)));
                    Reject(s, "decision", Around(s, d.CueToken), $"sums up {d.Summary} votes reported elsewhere; not a motion of its own");
                    continue;
                }

                // A summary sentence ahead of its detailed votes ("we voted to proscribe …" then each count).
                if (d.Outcome == Outcome.Passed && !d.Contested && NextSentencesHaveCounts(i)) continue;
                var motion = FromDecision(a, d, ref open);
                if (motion is not null) AddMotion(a, motion);
            }

            // "we voted to proscribe three organisations. X … This was passed by 19 votes to 11. …": the counts
            // that follow a summary in its paragraph are the votes it sums up.
            for (var j = i - 1; j >= 0 && _sentences[j].S.Line == s.Line; j--)
            {
                var summary = _sentences[j].Summaries.FirstOrDefault(x => x.Kind is not null);
                if (summary.Decision is null) continue;
                foreach (var m in a.Motions.Where(m => m.Tally is not null && m.Kind is MotionKind.Other or MotionKind.Paper or MotionKind.Motion))
                    m.Kind = summary.Kind!.Value;
                break;
            }
        }
    }

    // The sentence before this one in the same paragraph, for a fuller picture of what a motion is about.
    private string LineBefore(Analysis a)
    {
        var parts = new List<string>();
        for (var j = a.Index - 1; j >= Math.Max(0, a.Index - 2) && _sentences[j].S.Line == a.S.Line; j--) parts.Add(_sentences[j].S.Text);
        return string.Join(' ', parts);
    }

    private void AddMotion(Analysis a, MotionDraft motion)
    {
        if (a.Override is not null) motion.MeetingOverride = a.Override;
        a.Motions.Add(motion);
        _report.Motions.Add(motion);
    }

    private bool NextSentencesHaveCounts(int i)
    {
        var line = _sentences[i].S.Line;
        for (var j = i + 1; j < _sentences.Count && j <= i + 4; j++)
        {
            if (_sentences[j].S.Line != line) break;
            if (_sentences[j].Tallies.Count > 0) return true;
        }

        return false;
    }

    private static MotionKind? KindOfSummary(Sentence s, Decision d)
    {
        var tokens = s.Tokens;
        for (var k = d.CueToken; k < d.ClauseEnd; k++)
            if (tokens[k].Norm.StartsWith("proscri", StringComparison.Ordinal)) return MotionKind.Proscription;
        return null;
    }

    // "these amendments were rejected", "This was also rejected", "were not taken on board": turned down
    // without a reported vote.
    private static bool SaysRejected(Sentence s)
    {
        var tokens = s.Tokens;
        for (var k = 1; k < tokens.Length; k++)
        {
            var w = tokens[k].Norm;
            if (w is "rejected" or "withdrawn" && tokens[k - 1].Norm is "was" or "were" or "also" or "been") return true;
            if (w is "accepted" or "taken" && k >= 2 && tokens[k - 1].Norm is "not" && tokens[k - 2].Norm is "was" or "were") return true;
            if (w is "rejected" && tokens[k - 1].Norm is "chair" or "staff") return true;
        }

        return false;
    }
}
