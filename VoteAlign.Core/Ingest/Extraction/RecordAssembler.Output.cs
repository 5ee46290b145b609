using System.Collections.Immutable;
using System.Globalization;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>The record set and the review: ids, tallies chosen from disagreeing sources, positions de-duplicated,
/// and every problem the validator finds removed (and listed) so the result is always a valid file.</summary>
internal sealed partial class RecordAssembler
{
    private (RecordSet Records, List<ReviewItem> Review) Output(string? body)
    {
        // Meetings with motions, or reported with a full date.
        var meetings = _meetings.Values.Where(b => b.Motions.Count > 0 || b.Date is not null && b.Refs.Any(r => r.Ref == r.Report.Meeting))
            .OrderBy(b => b.Date ?? DateOnly.MaxValue).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in meetings)
        {
            var id = b.Key;
            for (var n = 2; !usedIds.Add(id); n++) id = $"{b.Key}-{n}";
            b.Id = id;
        }

        var motionIds = new Dictionary<MotionDraft, MotionId>(ReferenceEqualityComparer.Instance);
        var motions = new List<Motion>();
        var motionOrder = new List<(MotionDraft Root, Motion Motion)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in meetings)
        {
            foreach (var root in b.Motions.Select(m => m.Root).Distinct().OrderBy(m => m.Report.Published ?? DateOnly.MinValue).ThenBy(m => m.Sentence.Line))
            {
                var group = b.Motions.Where(m => m.Root == root).ToList();
                var motion = Build(b, root, group, taken);
                motionIds[root] = motion.Id;
                motions.Add(motion);
                motionOrder.Add((root, motion));
            }
        }

        // Positions: one per member and motion; self beats attributed beats group, then confidence.
        var positions = new List<(Position Position, PositionDraft Draft)>();
        var byKey = new Dictionary<(MemberId, MotionId), int>();
        // A report of the meeting itself beats a later report looking back on it; then the earlier report.
        foreach (var d in _reports.SelectMany(r => r.Positions).OrderBy(d => d.Basis).ThenBy(d => d.Confidence)
                     .ThenBy(d => _keyOf.GetValueOrDefault(d.Report.Meeting) == d.Motion.Root.MeetingKey ? 0 : 1)
                     .ThenBy(d => d.Report.Published ?? DateOnly.MaxValue))
        {
            var motionId = motionIds[d.Motion.Root];
            var source = d.Report.SourceFor(d.Sentence, d.Sentence.Text);
            if (byKey.TryGetValue((d.Member.Id, motionId), out var existing))
            {
                var kept = positions[existing];
                if (kept.Position.Vote != d.Vote)
                {
                    var msg = $"{d.Member.Name} is said to have voted '{Name(d.Vote)}' on {motionId} here, but '{Name(kept.Position.Vote)}' at {kept.Draft.Report.Document}:{kept.Draft.Sentence.Line}; the {kept.Draft.Basis.ToString().ToLowerInvariant()} statement is kept.";
                    d.Report.Rejections.Add(new Rejected(d.Sentence, "position", d.Sentence.Text, msg));
                    _context.Warnings.Add(new InputError(d.Report.Document, d.Sentence.Line, null, msg));
                }

                continue;
            }

            byKey[(d.Member.Id, motionId)] = positions.Count;
            positions.Add((new Position(d.Member.Id, motionId, d.Vote, d.Basis, null, source), d));
        }

        var groups = new List<(GroupPosition Group, GroupDraft Draft)>();
        foreach (var g in _reports.SelectMany(r => r.Groups))
        {
            var motionId = motionIds[g.Motion.Root];
            if (groups.Any(x => x.Group.Motion == motionId && x.Group.Group == g.Group && x.Group.Vote == g.Vote)) continue;
            groups.Add((new GroupPosition(g.Group, motionId, g.Vote, g.Count, [.. g.Members], g.Report.SourceFor(g.Sentence, g.Sentence.Text)), g));
        }

        var usedMembers = positions.Select(p => p.Position.Member).Concat(groups.SelectMany(g => g.Group.Members)).ToHashSet();
        // The roster is an input: its members are kept, but evidence it cites from reports not in this output
        // would dangle, so those affiliation sources are left out.
        var reportIds = _reports.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var members = _context.Roster.Members.Select(m => m.Affiliations.Any(a => a.Source is { } src && !reportIds.Contains(src.Report))
            ? m with { Affiliations = [.. m.Affiliations.Select(a => a.Source is { } src && !reportIds.Contains(src.Report) ? a with { Source = null } : a)] }
            : m).ToList();
        foreach (var u in _context.UnknownMembers.Where(u => usedMembers.Contains(u.Id)).OrderBy(u => u.Id))
        {
            members.Add(u);
            var (doc, line) = _context.FirstSeen[u.Id];
            _context.Warnings.Add(new InputError(doc, line, null, $"'{u.Name}' is not on the roster: kept as a new member '{u.Id}'; check the name."));
        }

        var meetingRecords = meetings.Select(b => new Meeting(new MeetingId(b.Id), b.Date, b.Body, null,
            b.Notes.Count == 0 ? null : string.Join(" ", b.Notes.Distinct()), [.. MeetingSources(b)])).ToList();

        // Validate, and drop whatever the validator rejects (it is listed in the review), until the set is valid.
        var positionList = positions;
        var groupList = groups;
        for (var round = 0; round < 4; round++)
        {
            var usedReports = UsedReports(meetingRecords, motions, positionList.Select(p => p.Position), groupList.Select(g => g.Group));
            var keep = usedReports.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var outMembers = members.Select(m => m.Affiliations.Any(a => a.Source is { } src && !keep.Contains(src.Report))
                ? m with { Affiliations = [.. m.Affiliations.Select(a => a.Source is { } src && !keep.Contains(src.Report) ? a with { Source = null } : a)] }
                : m).ToList();
            var records = new RecordSet(body, _seats, [.. usedReports], [.. outMembers], [.. meetingRecords], [.. motions],
                [.. positionList.Select(p => p.Position)], [.. groupList.Select(g => g.Group)]);
            var issues = RecordValidator.Validate(records);
            var errors = issues.Where(i => i.IsError).ToList();
            if (errors.Count == 0 || round == 3)
            {
                // The validator's warnings (sources that disagree on a count) belong in the result too.
                foreach (var w in issues.Where(i => !i.IsError))
                    _context.Warnings.Add(new InputError("(extracted records)", null, w.Path, w.Message));
                WriteReview(meetings, motionOrder, positionList, groupList);
                return (records, _review);
            }

            var dropPositions = new HashSet<int>();
            foreach (var e in errors)
            {
                var index = PathIndex(e.Path, "positions");
                if (index is { } pi && pi < positionList.Count)
                {
                    dropPositions.Add(pi);
                    var d = positionList[pi].Draft;
                    d.Report.Rejections.Add(new Rejected(d.Sentence, "position", d.Sentence.Text, "fails a check of the record set: " + e.Message));
                    continue;
                }

                var mi = PathIndex(e.Path, "motions");
                if (mi is { } m && m < motions.Count && e.Path.Contains(".tally", StringComparison.Ordinal))
                {
                    var root = motionOrder[m].Root;
                    root.Report.Rejections.Add(new Rejected(root.Sentence, "vote count", root.Sentence.Text, "fails a check of the record set: " + e.Message));
                    motions[m] = motions[m] with { Tally = null, Note = Join(motions[m].Note, "The count was dropped: " + e.Message) };
                    motionOrder[m] = (root, motions[m]);
                }
                else if (mi is { } m2 && m2 < motions.Count)
                {
                    // A motion-level contradiction (unanimous with a vote against): drop the positions on it.
                    var id = motions[m2].Id;
                    for (var k = 0; k < positionList.Count; k++)
                        if (positionList[k].Position.Motion == id && positionList[k].Position.Vote != Vote.For) dropPositions.Add(k);
                }
            }

            positionList = positionList.Where((_, k) => !dropPositions.Contains(k)).ToList();
        }

        throw new InvalidOperationException("unreachable");
    }

    private static string Join(string? a, string b) => string.IsNullOrEmpty(a) ? b : a + " " + b;

    private static int? PathIndex(string path, string array)
    {
        if (!path.StartsWith(array + "[", StringComparison.Ordinal)) return null;
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(path.AsSpan(array.Length + 1, close - array.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private List<Report> UsedReports(List<Meeting> meetings, List<Motion> motions, IEnumerable<Position> positions, IEnumerable<GroupPosition> groups)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in meetings) foreach (var s in m.Sources) used.Add(s.Report);
        foreach (var m in motions) foreach (var s in m.Sources) used.Add(s.Report);
        foreach (var p in positions) if (p.Source is not null) used.Add(p.Source.Report);
        foreach (var g in groups) if (g.Source is not null) used.Add(g.Source.Report);
        return _reports.Where(r => used.Contains(r.Id)).Select(r => new Report(r.Id, [.. r.Authors], r.Published, r.Title, r.Document)).ToList();
    }

    private IEnumerable<Source> MeetingSources(MeetingBuild b)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (report, r) in b.Refs)
        {
            if (!seen.Add(report.Id)) continue;
            if (r.Evidence is { } evidence && (r.EvidenceLine ?? report.TitleLine) is { } line)
                yield return new Source(report.Id, report.AuthorText, report.Published, report.Document, line, evidence.Trim());
        }
    }

    private Motion Build(MeetingBuild b, MotionDraft root, List<MotionDraft> group, HashSet<string> taken)
    {
        // The title: a counted motion's own description when there is one.
        var titled = group.Where(m => m.Tally is not null && m.Confidence == Confidence.High).FirstOrDefault()
                     ?? group.Where(m => m.Tally is not null).OrderBy(m => m.Confidence).FirstOrDefault()
                     ?? group.OrderBy(m => m.Confidence).ThenBy(m => m.FromStance).First();
        var kind = titled.Kind != MotionKind.Other ? titled.Kind : group.Select(m => m.Kind).FirstOrDefault(k => k != MotionKind.Other);

        // The tally most sources give; a tie goes to the report published first.
        var sources = group.SelectMany(m => m.Sources).DistinctBy(s => (s.Report.Id, s.Sentence.Line, s.Quote, s.Tally)).ToList();
        var counted = sources.Where(s => s.Tally is not null).ToList();
        Tally? tally = null;
        string? note = group.Select(m => m.Note).FirstOrDefault(n => n is not null);
        if (counted.Count > 0)
        {
            var best = counted.GroupBy(s => (s.Tally!.Value.For, s.Tally.Value.Against))
                .OrderByDescending(g => g.Select(s => s.Report).Distinct().Count())
                .ThenBy(g => g.Min(s => s.Report.Published ?? DateOnly.MaxValue))
                .First();
            tally = best.Select(s => s.Tally!.Value).OrderByDescending(t => t.Abstain is not null).First();
            if (counted.Select(s => (s.Tally!.Value.For, s.Tally.Value.Against)).Distinct().Count() > 1)
                note = Join(note, $"Sources disagree on the count ({string.Join(" vs ", counted.Select(s => $"{s.Tally} in {s.Report.Id}").Distinct())}); {tally} is used: the count most reports give, else the earliest published.");
        }

        var unanimous = group.Any(m => m.Unanimous) && tally is not { Against: > 0 } && tally is not { Abstain: > 0 };
        var nemCon = group.Any(m => m.NemCon) && tally is not { Against: > 0 };
        Outcome outcome;
        if (tally is { For: { } f, Against: { } a }) outcome = f > a ? Outcome.Passed : f < a ? Outcome.Defeated : group.FirstOrDefault(m => m.Tally == tally)?.Outcome ?? Outcome.Tied;
        else outcome = group.Select(m => m.Outcome).FirstOrDefault(o => o != Outcome.Unknown);
        if (unanimous || nemCon) outcome = Outcome.Passed;

        var slug = ExtractionContext.Slug(titled.Title, 7);
        var id = $"{b.Id}/{slug}";
        for (var n = 2; !taken.Add(id); n++) id = $"{b.Id}/{slug}-{n}";
        var recordSources = sources.Select(s => s.Report.SourceFor(s.Sentence, s.Quote, s.Tally)).ToList();
        foreach (var m in group) m.Title = titled.Title;
        return new Motion(new MotionId(id), new MeetingId(b.Id), titled.Title, kind, tally, outcome, unanimous, nemCon, note,
            [.. recordSources], ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));
    }

    private static string Name(Vote v) => v switch { Vote.For => "for", Vote.Against => "against", Vote.Abstain => "abstain", _ => "absent" };
}
