using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>The review: every accepted fact with its quote, line and confidence, and every rejected candidate
/// with its reason, in document order.</summary>
internal sealed partial class RecordAssembler
{
    private void WriteReview(List<MeetingBuild> meetings, List<(MotionDraft Root, Motion Motion)> motions,
        List<(Position Position, PositionDraft Draft)> positions, List<(GroupPosition Group, GroupDraft Draft)> groups)
    {
        foreach (var r in _reports)
        {
            var meeting = meetings.FirstOrDefault(b => b.Refs.Any(x => x.Report == r && x.Ref == r.Meeting));
            var authors = r.Authors.Count == 0 ? "writer not found" : "by " + r.AuthorText;
            var published = r.Published is { } p ? $"published {p:yyyy-MM-dd}" : "publication date not found";
            var met = meeting is null ? "no meeting with votes" : $"meeting {meeting.Id}";
            _review.Add(new ReviewItem(ReviewKind.Report, r.Document, r.TitleLine, r.Id, $"report {r.Id}: {authors}, {published}, {met}",
                r.Title ?? "", r.Authors.Count > 0 && r.Meeting.Date is not null ? Confidence.High : Confidence.Low, r.Meeting.Note));
        }

        foreach (var b in meetings)
            foreach (var (report, r) in b.Refs.DistinctBy(x => x.Report.Id))
                _review.Add(new ReviewItem(ReviewKind.Meeting, report.Document, r.EvidenceLine ?? report.TitleLine, report.Id,
                    $"meeting {b.Id} ({b.Body}{(b.Date is null ? ", date unknown" : "")})", r.Evidence ?? "",
                    r.Date is null ? Confidence.Low : r.Note is null ? Confidence.High : Confidence.Medium, string.Join(" ", new[] { r.Note }.Concat(b.Notes).Where(n => n is not null))));

        foreach (var (root, m) in motions)
        {
            var drafts = _meetings.Values.SelectMany(b => b.Motions).Where(d => d.Root == root).ToList();
            foreach (var d in drafts)
                foreach (var s in d.Sources)
                {
                    var fact = $"motion {m.Id} [{KindName(m.Kind)}]: {Describe(m)}" + (s.Tally is { } t && t != m.Tally ? $" (this source: {t})" : "");
                    _review.Add(new ReviewItem(ReviewKind.Motion, s.Report.Document, s.Sentence.Line, s.Report.Id, fact, s.Quote, s.Confidence, s.How));
                }
        }

        foreach (var (p, d) in positions)
            _review.Add(new ReviewItem(ReviewKind.Position, d.Report.Document, d.Sentence.Line, d.Report.Id,
                $"{d.Member.Name} voted {Name(p.Vote)} on {p.Motion} ({d.Basis.ToString().ToLowerInvariant()})", d.Sentence.Text, d.Confidence, d.How));

        foreach (var (g, d) in groups)
            _review.Add(new ReviewItem(ReviewKind.GroupPosition, d.Report.Document, d.Sentence.Line, d.Report.Id,
                $"'{g.Group}'{(g.Count is { } c ? $" ({c})" : "")} voted {Name(g.Vote)} on {g.Motion}" + (g.Members.Length > 0 ? $"; members on the roster: {string.Join(", ", g.Members)}" : "; not resolved to members"),
                d.Sentence.Text, d.Confidence, null));

        foreach (var r in _reports)
            foreach (var x in r.Rejections)
                _review.Add(new ReviewItem(ReviewKind.Rejected, r.Document, x.Sentence.Line, r.Id, $"{x.What}: “{x.Phrase}”", x.Sentence.Text, null, x.Reason));
    }

    private static string Describe(Motion m)
    {
        var outcome = m.Outcome switch { Outcome.Passed => "passed", Outcome.Defeated => "defeated", Outcome.Tied => "tied", _ => "outcome unknown" };
        var count = m.Tally is { } t ? $" {t.For?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} for, {t.Against?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} against" + (t.Abstain is { } ab ? $", {ab} abstaining" : "") : "";
        var flags = (m.Unanimous ? ", unanimous" : "") + (m.NemCon ? ", nem con" : "");
        return $"“{m.Title}” {outcome}{count}{flags}";
    }

    private static string KindName(MotionKind k) => k switch
    {
        MotionKind.RuleChange => "rule change",
        MotionKind.Paper => "paper",
        MotionKind.Amendment => "amendment",
        MotionKind.Proscription => "proscription",
        MotionKind.Procedural => "procedural",
        MotionKind.Election => "election",
        MotionKind.Motion => "motion",
        _ => "other",
    };
}
