using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Movers, and turning the holders of a stance into members, positions and group positions.</summary>
internal sealed partial class ReportReader
{
    private void ReadMovers()
    {
        foreach (var p in _proposals)
        {
            var intro = p.Intro;
            var a = _sentences.First(x => x.S == intro.Sentence);
            // A motion in the proposal's own sentence ("Ann's proposal … was passed by 19 votes to 13").
            foreach (var m in a.Motions)
                if (m.Proposal is null && !m.FromStance && m.ClauseStart <= intro.PhraseStart + 1 && !p.Motions.Contains(m))
                {
                    m.Proposal = intro;
                    p.Motions.Add(m);
                }

            if (intro.Movers.Count == 0) continue;
            var stance = new Stance(intro.Sentence, intro.Movers, Vote.For, StanceMode.Mover, intro.PhraseStart, intro.PhraseStart, intro.PhraseEnd, Confidence.Medium, null, Outcome.Unknown);
            if (p.Motions.Count == 0)
            {
                if (p.Rejected)
                {
                    Reject(intro.Sentence, "motion", intro.Phrase, "turned down without a recorded vote (\"rejected\", \"not accepted\")");
                    continue;
                }

                if (intro.Noun is not ("motion" or "amendment" or "move" or "proposal" or "resolution" or "rule change"))
                    continue;
                if (intro.Sentence.Tokens.Any(t => t.Norm is "would" or "will" or "could" or "should" or "might" or "shall"))
                {
                    Reject(intro.Sentence, "motion", intro.Phrase, "a proposal still to come (\"would be taken\"), not a vote");
                    continue;
                }

                var made = StanceMotion(a, stance, Phrases.Title(intro.Phrase), intro.Phrase + " " + a.S.Text);
                made.Note = "Moved, but no result is reported.";
                p.Motions.Add(made);
            }

            foreach (var m in p.Motions) AddPositions(stance, m, Vote.For, Confidence.Medium, "moved, proposed or seconded it");
        }
    }

    private void AddPositions(Stance st, MotionDraft motion, Vote vote, Confidence confidence, string how)
    {
        var s = st.Sentence;
        var date = _report.GroupDate;
        foreach (var (member, basis) in HolderMembers(st))
            _report.Positions.Add(new PositionDraft(_report, motion, member, vote, basis, confidence, s, how));

        foreach (var h in st.Holders.Where(h => h.Kind == HolderKind.Group))
        {
            // A counted statement ("Nine members, including the left CLP reps, …") is a count over the set it
            // names; a group statement resolves through the roster's declared groups at the meeting's date.
            // "including the left CLP reps and representatives of key trade unions": each part that is a declared group.
            var parts = h.Including is null ? [h.Group!] : h.Including.Split([" and ", ", "], StringSplitOptions.RemoveEmptyEntries);
            var members = parts.SelectMany(part => _context.Roster.InGroup(part, date)).Distinct()
                .Where(m => !(h.ExcludesWriter && _report.AuthorMembers.Contains(m))).ToList();
            if (h.Including is not null && members.Count == 0 && h.Count is null)
                members = _context.Roster.InGroup(h.Group!, date).ToList();
            foreach (var m in members)
                _report.Positions.Add(new PositionDraft(_report, motion, m, vote, Basis.Group, Min(confidence, Confidence.Medium), s, $"{how}; a member of '{h.Group}' on the roster"));
            _report.Groups.Add(new GroupDraft(_report, motion, h.Group!, vote, h.Count, members.Select(m => m.Id).ToList(), s, confidence));
        }

        if (st.Apposition is { } group && st.Holders.Any(h => h.Kind == HolderKind.We))
            _report.Groups.Add(new GroupDraft(_report, motion, group, vote, null, _report.AuthorMembers.Select(m => m.Id).ToList(), s, confidence));
        if (st.Holders.Any(h => h.Kind == HolderKind.We) && _report.AuthorMembers.Count == 0)
            _report.Groups.Add(new GroupDraft(_report, motion, "we (the writers, not known)", vote, null, [], s, Confidence.Low));
    }

    private List<(Member Member, Basis Basis)> HolderMembers(Stance st)
    {
        var result = new List<(Member, Basis)>();
        var s = st.Sentence;
        foreach (var h in st.Holders)
        {
            switch (h.Kind)
            {
                case HolderKind.Self:
                    if (_report.AuthorMembers.Count == 1) result.Add((_report.AuthorMembers[0], Basis.Self));
                    else Reject(s, "position", s.Text, _report.AuthorMembers.Count == 0 ? "\"I\", but the writer is not known (give --author)" : "\"I\" in a report by several writers");
                    break;
                case HolderKind.We:
                    foreach (var m in _report.AuthorMembers) result.Add((m, Basis.Self));
                    break;
                case HolderKind.Named:
                    var member = MemberOf(h.Name!, s);
                    if (member is not null) result.Add((member, _report.AuthorMembers.Contains(member) ? Basis.Self : Basis.Attributed));
                    break;
            }
        }

        return result.DistinctBy(x => x.Item1.Id).ToList();
    }

    private List<string> HolderGroups(Stance st) => st.Holders.Where(h => h.Kind == HolderKind.Group).Select(h => h.Group!).ToList();

    // Full names resolve through the roster (or become new members, flagged); a first name resolves when one
    // member of that name is named in full in the same report, or the roster has only one.
    private Member? MemberOf(NameMention n, Sentence s)
    {
        if (n.Member is not null) return n.Member;
        if (n.IsFullName) return _context.MemberFor(n.Text, _report.Document, s.Line);
        var candidates = _context.Roster.ByShortName(n.Text);
        var inReport = candidates.Where(_mentioned.Contains).ToList();
        if (inReport.Count == 1) return inReport[0];
        if (inReport.Count == 0 && candidates.Count == 1) return candidates[0];
        Reject(s, "position", n.Text, $"the first name '{n.Text}' fits {candidates.Count} roster members and the report does not say which");
        _context.Warnings.Add(new InputError(_report.Document, s.Line, null, $"'{n.Text}' could be any of {string.Join(", ", candidates.Select(c => c.Name))}: not resolved."));
        return null;
    }
}
