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
        var groups = groupOf.Values.Distinct().OrderBy(g => g, GroupOrder.Instance).ToList();
        var result = ImmutableArray.CreateBuilder<MotionSplit>();
        foreach (var motion in records.Motions)
        {
            var ev = evidence.GetValueOrDefault(motion.Id) ?? [];
            var inf = inferred.GetValueOrDefault(motion.Id) ?? [];
            var blocs = ImmutableArray.CreateBuilder<BlocBreakdown>();
            var rebels = ImmutableArray.CreateBuilder<Rebel>();
            int withMajority = 0, castKnown = 0;
            var date = dates.GetValueOrDefault(motion.Meeting);
            foreach (var g in groups)
            {
                // Members out of office that day are not part of the group's split.
                var members = groupOf.Where(p => p.Value == g && (date is null || !roster.TryGetValue(p.Key, out var mem) || mem.InOffice(date.Value)))
                    .Select(p => p.Key).Order().ToList();
                int Count(Vote v) => members.Count(m => ev.TryGetValue(m, out var p) && p.Vote == v);
                int CountInf(Vote v) => members.Count(m => !ev.ContainsKey(m) && inf.TryGetValue(m, out var p) && p.Vote == v);
                var unknown = members.Count(m => !ev.ContainsKey(m) && !inf.ContainsKey(m));
                blocs.Add(new BlocBreakdown(g, members.Count, Count(Vote.For), Count(Vote.Against), Count(Vote.Abstain), Count(Vote.Absent), unknown,
                    CountInf(Vote.For), CountInf(Vote.Against), CountInf(Vote.Abstain), CountInf(Vote.Absent)));

                // The group's majority among its known cast votes; a strict majority of at least two.
                var cast = members.Where(m => ev.TryGetValue(m, out var p) && p.Vote != Vote.Absent).Select(m => ev[m]).ToList();
                var top = cast.GroupBy(p => p.Vote).Select(x => (Vote: x.Key, Count: x.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Vote).ToList();
                if (cast.Count >= 2 && top[0].Count * 2 > cast.Count)
                {
                    withMajority += top[0].Count;
                    castKnown += cast.Count;
                    foreach (var p in cast.Where(p => p.Vote != top[0].Vote).OrderBy(p => p.Member))
                        rebels.Add(new Rebel(p.Member, g, p.Vote, top[0].Vote, p.Basis));
                }
                else if (cast.Count >= 2)
                {
                    castKnown += cast.Count;
                    withMajority += top[0].Count;
                }
            }

            int? margin = motion.Tally?.Margin;
            int? switches = null;
            var pivotal = ImmutableArray<PivotalMember>.Empty;
            if (motion.Tally is { For: { } f, Against: { } a } && motion.Outcome is Outcome.Passed or Outcome.Defeated)
            {
                // Each member switching from the winning to the losing side moves the margin by two; a tie loses
                // under a simple majority, so the outcome flips once the winners no longer outnumber the losers.
                var diff = Math.Abs(f - a);
                switches = diff / 2 + (diff % 2 == 0 ? 0 : 1);
                if (switches == 0) switches = 1;
                if (switches <= pivotalWithin)
                {
                    var winning = motion.Outcome == Outcome.Passed ? Vote.For : Vote.Against;
                    pivotal = [.. ev.Values.Where(p => p.Vote == winning).Select(p => new PivotalMember(p.Member, 1.0, p.Basis))
                        .Concat(inf.Values.Where(p => !ev.ContainsKey(p.Member) && p.Probabilities is not null)
                            .Select(p => new PivotalMember(p.Member, winning == Vote.For ? p.Probabilities!.For : p.Probabilities!.Against, Basis.Inferred))
                            .Where(p => p.Probability >= 0.05))
                        .OrderByDescending(p => p.Probability).ThenBy(p => p.Member)];
                }
            }

            result.Add(new MotionSplit(motion, dates.GetValueOrDefault(motion.Meeting), margin, motion.ConflictingTallies, blocs.ToImmutable(),
                rebels.ToImmutable(), switches, pivotal, castKnown >= 2 ? (double)withMajority / castKnown : null));
        }

        return result.ToImmutable();
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
