using System.Globalization;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>Checks what a record set says about itself: ids resolve and are unique, positions fall in the
/// member's term, tallies fit the body and the known positions, and each source's tally agrees with the others.</summary>
public static class RecordValidator
{
    /// <summary>Every issue in the set, errors and warnings, in file order.</summary>
    /// <param name="records">The record set.</param>
    public static IReadOnlyList<ValidationIssue> Validate(RecordSet records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var issues = new List<ValidationIssue>();
        void Error(string path, string message) => issues.Add(new ValidationIssue(path, message, true));
        void Warn(string path, string message) => issues.Add(new ValidationIssue(path, message, false));

        var reports = Unique(records.Reports, r => r.Id, "reports", "report", Error);
        var members = Unique(records.Members, m => m.Id.Value, "members", "member", Error);
        var meetings = Unique(records.Meetings, m => m.Id.Value, "meetings", "meeting", Error);
        var motions = Unique(records.Motions, m => m.Id.Value, "motions", "motion", Error);
        var memberById = records.Members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        var meetingById = records.Meetings.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        var motionById = records.Motions.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());

        void CheckSource(Source? s, string path)
        {
            if (s is null || records.Reports.IsDefaultOrEmpty) return;
            if (!reports.Contains(s.Report)) Error(path + ".report", $"Source names report '{s.Report}', which is not in \"reports\".");
        }

        for (var i = 0; i < records.Members.Length; i++)
        {
            var m = records.Members[i];
            for (var t = 0; t < m.Terms.Length; t++)
                if (m.Terms[t] is { From: { } f, To: { } to } && f > to)
                    Error($"members[{i}].terms[{t}]", $"Term of '{m.Id}' ends ({Iso(to)}) before it starts ({Iso(f)}).");
            for (var a = 0; a < m.Affiliations.Length; a++)
            {
                var aff = m.Affiliations[a];
                if (aff is { From: { } f, To: { } to } && f > to)
                    Error($"members[{i}].affiliations[{a}]", $"Affiliation of '{m.Id}' with '{aff.Group}' ends before it starts.");
                CheckSource(aff.Source, $"members[{i}].affiliations[{a}].source");
            }
        }

        for (var i = 0; i < records.Meetings.Length; i++)
            for (var s = 0; s < records.Meetings[i].Sources.Length; s++)
                CheckSource(records.Meetings[i].Sources[s], $"meetings[{i}].sources[{s}]");

        // Positions per motion and vote, to check against tallies below; and one position per member and motion.
        var counts = new Dictionary<(MotionId, Vote), int>();
        var seen = new Dictionary<(MemberId, MotionId), int>();
        for (var i = 0; i < records.Positions.Length; i++)
        {
            var p = records.Positions[i];
            var path = $"positions[{i}]";
            var knownMember = memberById.TryGetValue(p.Member, out var member);
            var knownMotion = motionById.TryGetValue(p.Motion, out var motion);
            if (!knownMember) Error(path + ".member", $"Position names member '{p.Member}', who is not in \"members\".");
            if (!knownMotion) Error(path + ".motion", $"Position names motion '{p.Motion}', which is not in \"motions\".");
            if (seen.TryGetValue((p.Member, p.Motion), out var first))
            {
                var earlier = records.Positions[first];
                var what = earlier.Vote == p.Vote ? "a second position" : $"a contradictory position ('{ModelNames.Name(p.Vote)}' here, '{ModelNames.Name(earlier.Vote)}' at positions[{first}])";
                Error(path, $"Member '{p.Member}' has {what} on motion '{p.Motion}': give one position per member and motion.");
            }
            else
            {
                seen[(p.Member, p.Motion)] = i;
            }

            counts[(p.Motion, p.Vote)] = counts.GetValueOrDefault((p.Motion, p.Vote)) + 1;
            CheckSource(p.Source, path + ".source");

            if (p.Basis == Basis.Inferred)
            {
                if (p.Probabilities is null) Error(path, "An inferred position must carry \"probabilities\".");
            }

            if (p.Probabilities is { } pr)
            {
                if (pr.For < 0 || pr.Against < 0 || pr.Abstain < 0 || pr.Absent < 0 || Math.Abs(pr.Total - 1.0) > 1e-6)
                    Error(path + ".probabilities", $"Probabilities must be ≥ 0 and sum to 1 (they sum to {pr.Total.ToString("0.######", CultureInfo.InvariantCulture)}).");
            }

            if (knownMember && knownMotion && member!.Terms.Length > 0
                && meetingById.GetValueOrDefault(motion!.Meeting)?.Date is { } date && !member.InOffice(date))
                Error(path, $"Member '{p.Member}' was not in office on {Iso(date)}, the date of motion '{p.Motion}' ({TermsText(member)}).");
        }

        for (var i = 0; i < records.GroupPositions.Length; i++)
        {
            var g = records.GroupPositions[i];
            var path = $"groupPositions[{i}]";
            if (!motionById.ContainsKey(g.Motion)) Error(path + ".motion", $"Group position names motion '{g.Motion}', which is not in \"motions\".");
            for (var k = 0; k < g.Members.Length; k++)
                if (!memberById.ContainsKey(g.Members[k]))
                    Error($"{path}.members[{k}]", $"Group position names member '{g.Members[k]}', who is not in \"members\".");
            CheckSource(g.Source, path + ".source");
        }

        for (var i = 0; i < records.Motions.Length; i++)
        {
            var m = records.Motions[i];
            var path = $"motions[{i}]";
            var meeting = meetingById.GetValueOrDefault(m.Meeting);
            if (meeting is null) Error(path + ".meeting", $"Motion '{m.Id}' names meeting '{m.Meeting}', which is not in \"meetings\".");
            for (var s = 0; s < m.Sources.Length; s++) CheckSource(m.Sources[s], $"{path}.sources[{s}]");

            var seats = meeting?.Seats ?? records.Seats;
            var seatsText = seats is not null ? $"{seats} seats" : null;
            if (seats is null)
            {
                // No declared size: the roster is taken as complete, so the limit is who was in office that day.
                var date = meeting?.Date;
                seats = records.Members.Count(mem => date is null || mem.InOffice(date.Value));
                seatsText = date is null ? $"{seats} members on the roster" : $"{seats} members in office on {Iso(date.Value)}";
            }

            if (m.Tally is { } tally)
            {
                if (tally.KnownTotal > seats)
                    Error(path + ".tally", $"Tally {tally} adds up to {tally.KnownTotal} votes, more than the {seatsText}.");
                foreach (var vote in new[] { Vote.For, Vote.Against, Vote.Abstain })
                {
                    var known = counts.GetValueOrDefault((m.Id, vote));
                    if (tally.Of(vote) is { } part && known > part)
                        Error(path + ".tally", $"Tally {tally} has {part} {ModelNames.Name(vote)}, but {known} positions on motion '{m.Id}' say '{ModelNames.Name(vote)}'.");
                }

                if (m.Unanimous && (tally.Against > 0 || tally.Abstain > 0))
                    Error(path + ".tally", $"Motion '{m.Id}' is marked unanimous but its tally {tally} has votes against or abstentions.");
                if (m.NemCon && tally.Against > 0)
                    Error(path + ".tally", $"Motion '{m.Id}' is marked nem con but its tally {tally} has votes against.");
                CheckOutcome(m, tally, path, Warn);
            }

            var cast = counts.GetValueOrDefault((m.Id, Vote.For)) + counts.GetValueOrDefault((m.Id, Vote.Against)) + counts.GetValueOrDefault((m.Id, Vote.Abstain));
            if (m.Tally is null && cast > seats)
                Error(path, $"{cast} positions cast votes on motion '{m.Id}', more than the {seatsText}.");
            if (m.Unanimous && (counts.GetValueOrDefault((m.Id, Vote.Against)) > 0 || counts.GetValueOrDefault((m.Id, Vote.Abstain)) > 0))
                Error(path, $"Motion '{m.Id}' is marked unanimous, but a position on it is 'against' or 'abstain'.");
            if (m.NemCon && counts.GetValueOrDefault((m.Id, Vote.Against)) > 0)
                Error(path, $"Motion '{m.Id}' is marked nem con, but a position on it is 'against'.");

            var conflicts = m.ConflictingTallies;
            if (conflicts.Length > 1)
            {
                var figures = string.Join(" vs ", m.Sources.Where(s => s.Tally is not null)
                    .Select(s => $"{s.Tally} ({s.Report}{(s.Line is { } l ? $", line {l}" : "")})"));
                Warn(path + ".sources", $"Sources disagree on the tally of '{m.Id}': {figures}; the motion uses {m.Tally?.ToString() ?? "no tally"}.");
            }
        }

        return issues;
    }

    private static void CheckOutcome(Motion m, Tally tally, string path, Action<string, string> warn)
    {
        if (tally.For is not { } f || tally.Against is not { } a || m.Outcome == Outcome.Unknown) return;
        var expected = f > a ? Outcome.Passed : f < a ? Outcome.Defeated : Outcome.Tied;
        // A tie can be settled by a casting vote, so only a clear contradiction is flagged; it is a warning,
        // not an error, because some votes need more than a simple majority.
        if (expected != Outcome.Tied && m.Outcome != expected)
            warn(path + ".outcome", $"Motion '{m.Id}' is '{ModelNames.Name(m.Outcome)}' but its tally {tally} says '{ModelNames.Name(expected)}'.");
    }

    private static HashSet<string> Unique<T>(IReadOnlyList<T> items, Func<T, string> id, string array, string what, Action<string, string> error)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var key = id(items[i]);
            if (!seen.TryAdd(key, i)) error($"{array}[{i}].id", $"Duplicate {what} id '{key}' (first at {array}[{seen[key]}]).");
        }

        return [.. seen.Keys];
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string TermsText(Member m) => "terms: " + string.Join(", ", m.Terms.Select(t =>
        $"{(t.From is { } f ? Iso(f) : "…")} to {(t.To is { } to ? Iso(to) : "…")}"));
}
