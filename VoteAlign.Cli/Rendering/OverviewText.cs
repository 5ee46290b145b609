using System.Globalization;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Analysis.Summary;
using VoteAlign.Core.Model;

namespace VoteAlign.Cli.Rendering;

/// <summary>The overview as a person reads it in a terminal.</summary>
internal static class OverviewText
{
    public static void Write(Overview overview, Dataset data, BlocReport blocs, ScaleResult scale, TextWriter w)
    {
        var names = data.Members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var s = overview.Summary;
        w.WriteLine($"{s.Body ?? "Data set"}: what the data holds");
        w.WriteLine($"  members        {s.Members} on the roster, {s.MembersWithPositions} with at least one known position");
        var span = s.FirstMeeting is { } f && s.LastMeeting is { } l ? $", {Iso(f)} to {Iso(l)}" : "";
        var undated = s.UndatedMeetings > 0 ? $" ({s.UndatedMeetings} undated)" : "";
        w.WriteLine($"  meetings       {s.Meetings}{span}{undated}");
        var flaggedOnly = s.Motions - s.MotionsWithTally - s.MotionsWithPartialTally - s.MotionsWithoutTally;
        w.WriteLine($"  motions        {s.Motions}: {s.MotionsWithTally} with a for/against tally, {s.MotionsWithPartialTally} with a partial tally, {flaggedOnly} unanimous or nem con without figures, {s.MotionsWithoutTally} with no figures");
        w.WriteLine($"                 ({s.UnanimousMotions} reported unanimous and {s.NemConMotions} nem con in all)");
        if (s.ConflictingMotions > 0) w.WriteLine($"  conflicts      {s.ConflictingMotions} motions whose reports give different tallies (see warnings)");
        w.WriteLine($"  positions      {string.Join(", ", s.PositionsByBasis.Where(b => b.Count > 0).Select(b => $"{b.Count} {Name(b.Basis)}"))}{(s.PositionsByBasis.All(b => b.Count == 0) ? "none" : "")}");
        w.WriteLine($"  group stmts    {s.GroupPositions}");
        if (s.Reports > 0) w.WriteLine($"  reports        {s.Reports}");
        w.WriteLine();

        w.WriteLine("Agreement on evidence alone (pairs with the most shared votes)");
        if (overview.TopPairs.IsEmpty)
        {
            w.WriteLine("  No two members share a known vote.");
        }
        else
        {
            var width = Math.Max(6, overview.TopPairs.Max(p => names[p.A].Length));
            w.WriteLine($"  {"member".PadRight(width)}  {"member".PadRight(width)}  shared  same  agreement");
            foreach (var p in overview.TopPairs)
                w.WriteLine($"  {names[p.A].PadRight(width)}  {names[p.B].PadRight(width)}  {p.Agreement.Shared,6}  {p.Agreement.Same,4}  {Pct(p.Agreement.Value)}");
            w.WriteLine("  (agreement = same / shared; shared counts motions both are known to have voted on, abstain included, absent not)");
        }

        w.WriteLine();
        w.WriteLine("Closest votes");
        if (overview.ClosestVotes.IsEmpty) w.WriteLine("  No motion has a full for/against tally.");
        foreach (var c in overview.ClosestVotes)
        {
            var m = c.Motion;
            w.WriteLine($"  {(c.Date is { } d ? Iso(d) : "undated   ")}  {m.Tally,-9} margin {c.Margin,-3} {Name(m.Outcome),-8} {m.Title}");
            foreach (var src in m.Sources)
                w.WriteLine($"      {src.Author ?? src.Report}{(src.Line is { } line ? $", line {line}" : "")}: \u201c{Clip(src.Quote, 110)}\u201d{(src.Tally is { } t && t != m.Tally ? $" (gives {t})" : "")}");
        }

        WriteBlocs(blocs, scale, names, w);
    }

    private static void WriteBlocs(BlocReport report, ScaleResult scale, Dictionary<MemberId, string> names, TextWriter w)
    {
        var r = report.Result;
        w.WriteLine();
        w.WriteLine($"Blocs on evidence alone ({r.Method.ToString().ToLowerInvariant()}, k = {r.K}; {report.CellsKnown:N0} of {report.CellsTotal:N0} member-motion cells known)");
        var order = scale.Members.Where(p => p.Dim1 is not null).ToDictionary(p => p.Member, p => p.Dim1!.Value);
        for (var b = 1; b <= r.K; b++)
        {
            var members = r.Assignments.Where(a => a.Bloc == b).OrderBy(a => order.GetValueOrDefault(a.Member)).ThenBy(a => a.Member).ToList();
            w.WriteLine($"  bloc {b} ({members.Count}): {string.Join(", ", members.Take(40).Select(a => $"{names[a.Member]} ({a.CastVotes})"))}{(members.Count > 40 ? $", … {members.Count - 40} more" : "")}");
        }

        if (!r.Unassigned.IsEmpty) w.WriteLine($"  unassigned ({r.Unassigned.Length}): {string.Join(", ", r.Unassigned.Take(12).Select(u => names[u.Member]))}{(r.Unassigned.Length > 12 ? ", …" : "")} (too little evidence)");
        w.WriteLine("  (in brackets: the votes each placement rests on; 'votealign blocs' and 'votealign scale' say more)");
    }

    private static string Name(Basis b) => b.ToString().ToLowerInvariant();

    private static string Name(Outcome o) => o.ToString().ToLowerInvariant();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Pct(double? v) => v is { } x ? (100 * x).ToString("0", CultureInfo.InvariantCulture).PadLeft(8) + "%" : "       ?";

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
