using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Splits;

/// <summary>Per-motion splits: tally, margin, sources and conflicts, each group's breakdown (evidence and
/// reconstruction apart), rebels, pivotal members and how closely the vote followed the groups.</summary>
public static class SplitAnalysis
{
    /// <summary>Computes every motion's split.</summary>
    /// <param name="records">The records; positions with basis <c>inferred</c> (from <c>reconstruct</c>) are the reconstruction.</param>
    /// <param name="groupOf">Each member's bloc or group label (members without one are left out of the breakdowns).</param>
    /// <param name="pivotalWithin">List pivotal members when at most this many switches would flip the outcome.</param>
    public static ImmutableArray<MotionSplit> Of(RecordSet records, IReadOnlyDictionary<MemberId, string> groupOf, int pivotalWithin = 2)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(groupOf);
        var dates = records.Meetings.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Date);
        var evidence = records.Positions.Where(p => p.IsEvidence).Concat(Dataset.GroupEvidence(records, records.Positions.Where(p => p.IsEvidence)))
            .GroupBy(p => p.Motion).ToDictionary(g => g.Key, g => g.DistinctBy(p => p.Member).ToDictionary(p => p.Member));
        var inferred = records.Positions.Where(p => !p.IsEvidence).GroupBy(p => p.Motion)
            .ToDictionary(g => g.Key, g => g.DistinctBy(p => p.Member).ToDictionary(p => p.Member));
        var roster = records.Members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        var groups = GroupMembers(groupOf);
        var anyTerms = records.Members.Any(m => !m.Terms.IsDefaultOrEmpty);
        var result = ImmutableArray.CreateBuilder<MotionSplit>();
        var counts = new int[4];
        foreach (var motion in records.Motions)
        {
            var ev = evidence.GetValueOrDefault(motion.Id) ?? [];
            var inf = inferred.GetValueOrDefault(motion.Id) ?? [];
            var blocs = ImmutableArray.CreateBuilder<BlocBreakdown>();
            var rebels = ImmutableArray.CreateBuilder<Rebel>();
            int withMajority = 0, castKnown = 0;
            var date = dates.GetValueOrDefault(motion.Meeting);
            foreach (var (g, all) in groups)
            {
                // Members out of office that day are not part of the group's split.
                var members = !anyTerms || date is null ? all
                    : all.Where(m => !roster.TryGetValue(m, out var mem) || mem.InOffice(date.Value)).ToList();
                Array.Clear(counts);
                var inferredCounts = new int[4];
                var unknown = 0;
                foreach (var m in members)
                    if (ev.TryGetValue(m, out var p)) counts[(int)p.Vote]++;
                    else if (inf.TryGetValue(m, out var q)) inferredCounts[(int)q.Vote]++;
                    else unknown++;
                blocs.Add(new BlocBreakdown(g, members.Count, counts[0], counts[1], counts[2], counts[3], unknown,
                    inferredCounts[0], inferredCounts[1], inferredCounts[2], inferredCounts[3]));
                if (Majority(counts) is not { } majority) continue;
                withMajority += majority.Count;
                castKnown += majority.Cast;
                if (majority.Strict)
                    foreach (var m in members)
                        if (ev.TryGetValue(m, out var p) && p.Vote != Vote.Absent && p.Vote != majority.Vote)
                            rebels.Add(new Rebel(p.Member, g, p.Vote, majority.Vote, p.Basis));
            }

            var switches = SwitchesToFlip(motion);
            var pivotal = ImmutableArray<PivotalMember>.Empty;
            if (switches <= pivotalWithin)
            {
                var winning = motion.Outcome == Outcome.Passed ? Vote.For : Vote.Against;
                pivotal = [.. ev.Values.Where(p => p.Vote == winning).Select(p => new PivotalMember(p.Member, 1.0, p.Basis))
                    .Concat(inf.Values.Where(p => !ev.ContainsKey(p.Member) && p.Probabilities is not null)
                        .Select(p => new PivotalMember(p.Member, winning == Vote.For ? p.Probabilities!.For : p.Probabilities!.Against, Basis.Inferred))
                        .Where(p => p.Probability >= 0.05))
                    .OrderByDescending(p => p.Probability).ThenBy(p => p.Member)];
            }

            result.Add(new MotionSplit(motion, date, motion.Tally?.Margin, motion.ConflictingTallies, blocs.ToImmutable(),
                rebels.ToImmutable(), switches, pivotal, castKnown >= 2 ? (double)withMajority / castKnown : null));
        }

        return result.ToImmutable();
    }

    /// <summary>Computes every motion's split of a data set: from its record set when it has one (see
    /// <see cref="Of(RecordSet, IReadOnlyDictionary{MemberId, string}, int)"/>), else straight from the vote matrix of a
    /// roll call, where every known cell is a recorded vote and nothing is inferred. The matrix path gives the same
    /// splits as the record set of the same roll call, without building one position object per cell.</summary>
    /// <param name="data">The data.</param>
    /// <param name="groupOf">Each member's bloc or group label (members without one are left out of the breakdowns).</param>
    /// <param name="pivotalWithin">List pivotal members when at most this many switches would flip the outcome.</param>
    public static ImmutableArray<MotionSplit> Of(Dataset data, IReadOnlyDictionary<MemberId, string> groupOf, int pivotalWithin = 2)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(groupOf);
        if (data.Records is { } records) return Of(records, groupOf, pivotalWithin);
        var matrix = data.Matrix;
        var dates = data.Meetings.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Date);
        var rowOf = matrix.Members.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var columnOf = matrix.Motions.Select((id, j) => (id, j)).ToDictionary(p => p.id, p => p.j);
        var groups = GroupMembers(groupOf).Select(g => (g.Label, Members: g.Members.Where(rowOf.ContainsKey).ToList(), Rows: g.Members.Where(rowOf.ContainsKey).Select(m => rowOf[m]).ToArray())).ToList();
        var result = new MotionSplit[data.Motions.Length];
        Parallel.For(0, data.Motions.Length, t =>
        {
            var motion = data.Motions[t];
            var j = columnOf[motion.Id];
            var blocs = ImmutableArray.CreateBuilder<BlocBreakdown>(groups.Count);
            var rebels = ImmutableArray.CreateBuilder<Rebel>();
            var counts = new int[4];
            int withMajority = 0, castKnown = 0;
            foreach (var (g, members, rows) in groups)
            {
                Array.Clear(counts);
                var unknown = 0;
                foreach (var r in rows)
                    if (matrix[r, j] is { } v) counts[(int)v]++;
                    else unknown++;
                blocs.Add(new BlocBreakdown(g, rows.Length, counts[0], counts[1], counts[2], counts[3], unknown, 0, 0, 0, 0));
                if (Majority(counts) is not { } majority) continue;
                withMajority += majority.Count;
                castKnown += majority.Cast;
                if (majority.Strict)
                    for (var x = 0; x < rows.Length; x++)
                        if (matrix[rows[x], j] is { } v && v != Vote.Absent && v != majority.Vote)
                            rebels.Add(new Rebel(members[x], g, v, majority.Vote, Basis.Recorded));
            }

            var switches = SwitchesToFlip(motion);
            var pivotal = ImmutableArray<PivotalMember>.Empty;
            if (switches <= pivotalWithin)
            {
                var winning = motion.Outcome == Outcome.Passed ? Vote.For : Vote.Against;
                pivotal = [.. Enumerable.Range(0, matrix.MemberCount).Where(r => matrix[r, j] == winning)
                    .Select(r => new PivotalMember(matrix.Members[r], 1.0, Basis.Recorded)).OrderBy(p => p.Member)];
            }

            result[t] = new MotionSplit(motion, dates.GetValueOrDefault(motion.Meeting), motion.Tally?.Margin, motion.ConflictingTallies,
                blocs.MoveToImmutable(), rebels.ToImmutable(), switches, pivotal, castKnown >= 2 ? (double)withMajority / castKnown : null);
        });
        return [.. result];
    }

    /// <summary>Each group's members, in id order; groups in <see cref="GroupOrder"/>.</summary>
    private static List<(string Label, List<MemberId> Members)> GroupMembers(IReadOnlyDictionary<MemberId, string> groupOf) =>
        [.. groupOf.GroupBy(p => p.Value).OrderBy(g => g.Key, GroupOrder.Instance).Select(g => (g.Key, g.Select(p => p.Key).Order().ToList()))];

    /// <summary>A group's majority among its known cast votes (<paramref name="counts"/> indexed by <see cref="Vote"/>):
    /// null with fewer than two cast votes. <c>Strict</c> when the top vote is more than half of them (only then are
    /// the others rebels); the top count counts towards the bloc-line score either way.</summary>
    private static (Vote Vote, int Count, int Cast, bool Strict)? Majority(int[] counts)
    {
        var cast = counts[0] + counts[1] + counts[2];
        if (cast < 2) return null;
        var top = Vote.For;
        for (var v = 1; v < 3; v++)
            if (counts[v] > counts[(int)top]) top = (Vote)v;
        return (top, counts[(int)top], cast, counts[(int)top] * 2 > cast);
    }

    /// <summary>For / against votes that would have to change sides to flip a passed or defeated motion with a full
    /// tally; null otherwise. Each switch from the winning to the losing side moves the margin by two; a tie loses
    /// under a simple majority, so the outcome flips once the winners no longer outnumber the losers.</summary>
    private static int? SwitchesToFlip(Motion motion)
    {
        if (motion.Tally is not { For: { } f, Against: { } a } || motion.Outcome is not (Outcome.Passed or Outcome.Defeated)) return null;
        var diff = Math.Abs(f - a);
        var switches = diff / 2 + (diff % 2 == 0 ? 0 : 1);
        return switches == 0 ? 1 : switches;
    }

    /// <summary>Orders group labels numerically when they are numbers (bloc 2 before bloc 10), else ordinally.</summary>
    private sealed class GroupOrder : IComparer<string>
    {
        public static readonly GroupOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (int.TryParse(x, out var a) && int.TryParse(y, out var b)) return a.CompareTo(b);
            return string.CompareOrdinal(x, y);
        }
    }
}
