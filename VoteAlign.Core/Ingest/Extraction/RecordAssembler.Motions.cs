using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Merging motions: two reports of one meeting that give the same count, or close counts for the same
/// subject, or the same subject without a count, report one vote.</summary>
internal sealed partial class RecordAssembler
{
    private void MergeMotions()
    {
        foreach (var meeting in _meetings.Values)
        {
            var ms = meeting.Motions;
            var pairs = new List<(double Score, MotionDraft A, MotionDraft B)>();
            for (var i = 0; i < ms.Count; i++)
                for (var j = i + 1; j < ms.Count; j++)
                    if (PairScore(ms, ms[i], ms[j]) is { } score) pairs.Add((score, ms[i], ms[j]));

            foreach (var (_, a, b) in pairs.OrderByDescending(p => p.Score))
            {
                var ra = a.Root;
                var rb = b.Root;
                if (ra == rb) continue;
                var ga = Group(ms, ra);
                var gb = Group(ms, rb);
                if (!CanJoin(ga, gb)) continue;
                rb.MergedInto = ra;
            }
        }
    }

    private static List<MotionDraft> Group(List<MotionDraft> ms, MotionDraft root) => ms.Where(m => m.Root == root).ToList();

    // Two counts from one report are two votes; a unanimous report cannot be a vote with votes against.
    private static bool CanJoin(List<MotionDraft> a, List<MotionDraft> b)
    {
        foreach (var x in a)
            foreach (var y in b)
            {
                if (x.Report == y.Report && x.Tally is not null && y.Tally is not null && !SameVoteRetold(x, y)) return false;
                if (x.Sentence == y.Sentence) return false;
                if (!OutcomesAgree(x, y)) return false;
            }

        return true;
    }

    private static bool OutcomesAgree(MotionDraft x, MotionDraft y)
    {
        if (x.Outcome is Outcome.Passed && y.Outcome is Outcome.Defeated || x.Outcome is Outcome.Defeated && y.Outcome is Outcome.Passed) return false;
        if ((x.Unanimous || x.NemCon) && y.Tally is { Against: > 0 }) return false;
        if ((y.Unanimous || y.NemCon) && x.Tally is { Against: > 0 }) return false;
        return true;
    }

    private static double? PairScore(List<MotionDraft> all, MotionDraft a, MotionDraft b)
    {
        if (a.Sentence == b.Sentence || !OutcomesAgree(a, b)) return null;
        var sim = Topic.Similarity(a.Topic, b.Topic);
        var shared = Topic.Shared(a.Topic, b.Topic);
        var sameReport = a.Report == b.Report;
        if (a.Tally is { } ta && b.Tally is { } tb)
        {
            if (sameReport) return SameVoteRetold(a, b) ? 2 + sim : null;
            if (ta.For == tb.For && ta.Against == tb.Against && (ta.Abstain == tb.Abstain || ta.Abstain is null || tb.Abstain is null))
            {
                // The same count: one vote, unless the meeting has several votes with this count and the words
                // do not say which.
                var twins = all.Count(m => m.Report == a.Report && m.Tally is { } t && t.For == ta.For && t.Against == ta.Against);
                if (twins > 1 && shared < 2) return null;
                return 2 + sim;
            }

            // Close counts for the same subject: one vote the reports disagree on. The titles alone may carry the
            // subject ("the amendment on the youth conference" / "an amendment to restore the youth conference").
            var close = Math.Abs((ta.For ?? 0) - (tb.For ?? 0)) <= 3 && Math.Abs((ta.Against ?? 0) - (tb.Against ?? 0)) <= 3;
            var titleA = Topic.Of(a.Title);
            var titleB = Topic.Of(b.Title);
            var titles = Topic.Similarity(titleA, titleB) >= 0.6 && Topic.Shared(titleA, titleB) >= 2;
            return close && (sim >= 0.4 && shared >= 3 || titles) ? 1 + sim : null;
        }

        if (sameReport && !(a.Tally is null && b.Tally is null) && a.Kind != b.Kind) return null;
        if (sameReport && (a.FromStance || b.FromStance) && Math.Abs(a.Sentence.Line - b.Sentence.Line) > 3 && sim < 0.6) return null;
        return sim >= 0.4 && shared >= 3 || shared >= 5 && sim >= 0.25 ? sim : null;
    }

    // One report telling one vote twice (a headline and its story): the same count, and titles that share most
    // of their words. Two votes of one meeting with the same count ("22 votes to 10" twice) have different subjects.
    private static bool SameVoteRetold(MotionDraft a, MotionDraft b)
    {
        if (a.Tally is not { } ta || b.Tally is not { } tb || ta.For != tb.For || ta.Against != tb.Against) return false;
        var titleA = Topic.Of(a.Title);
        var titleB = Topic.Of(b.Title);
        return Topic.Shared(a.Topic, b.Topic) >= 3 && Topic.Similarity(titleA, titleB) >= 0.5 && Topic.Shared(titleA, titleB) >= 2;
    }

    // "I and the other … voted against the proscriptions" in a report that gives no proscription votes: the
    // votes of that kind at the meeting, from whichever report gives them.
    private void ResolvePending()
    {
        foreach (var p in _reports.SelectMany(r => r.Pending))
        {
            var key = _keyOf[p.Report.Meeting];
            if (p.Meeting?.Date is { } named)
            {
                var near = _meetings.Values.Where(b => b.Date is { } d && Nec(b.Body) && Math.Abs(d.DayNumber - named.DayNumber) <= 1).ToList();
                if (near.Count == 1) key = near[0].Key;
            }

            var meeting = _meetings[key];
            var roots = meeting.Motions.Select(m => m.Root).Distinct().Where(m => m.Kind == p.Kind && !m.FromStance).ToList();
            var s = p.Stance.Sentence;
            if (roots.Count == 0 || p.Quantity is { } q && q != roots.Count && q < roots.Count)
            {
                var reason = roots.Count == 0 ? "no vote of that kind is reported for the meeting" : $"the statement names {p.Quantity} votes but the meeting has {roots.Count}";
                p.Report.Rejections.Add(new Rejected(s, "position", s.Text, reason));
                continue;
            }

            foreach (var m in roots)
            {
                foreach (var (member, basis) in p.Members)
                    p.Report.Positions.Add(new PositionDraft(p.Report, m, member, p.Stance.Vote, basis, Confidence.Low, s, "the votes of that kind at the meeting, reported elsewhere"));
                foreach (var g in p.Groups)
                {
                    var hold = p.Stance.Holders.First(h => h.Group == g);
                    var members = _context.Roster.InGroup(g, meeting.Date ?? p.Report.GroupDate)
                        .Where(x => !(hold.ExcludesWriter && p.Report.AuthorMembers.Contains(x))).ToList();
                    foreach (var x in members)
                        p.Report.Positions.Add(new PositionDraft(p.Report, m, x, p.Stance.Vote, Basis.Group, Confidence.Low, s, $"a member of '{g}' on the roster"));
                    p.Report.Groups.Add(new GroupDraft(p.Report, m, g, p.Stance.Vote, hold.Count, members.Select(x => x.Id).ToList(), s, Confidence.Low));
                }
            }
        }
    }
}
