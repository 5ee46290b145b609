using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Windows;

/// <summary>Blocs in each window, with bloc numbers aligned across windows and the members who moved.</summary>
/// <param name="Windows">Each window with its bloc result; bloc numbers are aligned to the previous window's.</param>
/// <param name="Moves">Members whose (aligned) bloc differs from their bloc in the previous window where both placed them.</param>
public sealed record BlocTimeline(ImmutableArray<(TimeWindow Window, BlocResult Blocs)> Windows, ImmutableArray<BlocMove> Moves)
{
    /// <summary>Runs <paramref name="options"/> in every window. Bloc numbers in a window are renumbered so that
    /// each bloc takes the number of the previous window's bloc it shares most members with (greedily, largest
    /// overlap first); a bloc with no counterpart takes a new number.</summary>
    /// <param name="windows">The windows, in time order.</param>
    /// <param name="options">Bloc options.</param>
    public static BlocTimeline Run(IReadOnlyList<TimeWindow> windows, BlocOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<(TimeWindow, BlocResult)>();
        var moves = new List<BlocMove>();
        Dictionary<MemberId, int>? previous = null;
        var nextNumber = 1;
        foreach (var w in windows)
        {
            var r = BlocAnalysis.Run(w.Data.Matrix, options);
            var map = new Dictionary<int, int>();
            if (previous is not null)
            {
                var overlaps = r.Assignments.Where(a => a.Bloc is not null && previous.ContainsKey(a.Member))
                    .GroupBy(a => (New: a.Bloc!.Value, Old: previous[a.Member]))
                    .Select(g => (g.Key.New, g.Key.Old, Count: g.Count()))
                    .OrderByDescending(o => o.Count).ThenBy(o => o.New).ThenBy(o => o.Old);
                var used = new HashSet<int>();
                foreach (var (n, o, _) in overlaps)
                    if (!map.ContainsKey(n) && used.Add(o)) map[n] = o;
            }

            for (var b = 1; b <= r.K; b++)
                if (!map.ContainsKey(b))
                {
                    while (map.ContainsValue(nextNumber) || (previous?.ContainsValue(nextNumber) ?? false)) nextNumber++;
                    map[b] = nextNumber++;
                }

            var aligned = r with { Assignments = [.. r.Assignments.Select(a => a with { Bloc = a.Bloc is { } x ? map[x] : null })] };
            var current = aligned.Assignments.Where(a => a.Bloc is not null).ToDictionary(a => a.Member, a => a.Bloc!.Value);
            if (previous is not null)
                foreach (var (m, b) in current.OrderBy(p => p.Key))
                    if (previous.TryGetValue(m, out var before) && before != b)
                        moves.Add(new BlocMove(m, results[^1].Item1.Label, w.Label, before, b));
            nextNumber = Math.Max(nextNumber, current.Values.DefaultIfEmpty(0).Max() + 1);
            results.Add((w, aligned));
            previous = current;
        }

        return new BlocTimeline([.. results], [.. moves]);
    }
}
