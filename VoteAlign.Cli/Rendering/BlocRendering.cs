using System.Globalization;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Cohesion;
using VoteAlign.Core.Export.Json;

namespace VoteAlign.Cli.Rendering;

/// <summary>The bloc report as text, CSV or JSON.</summary>
internal static class BlocRendering
{
    public static void Json(BlocReport report, TextWriter w) => BlocJson.Write(report, w);

    public static void Csv(BlocReport report, TextWriter w)
    {
        w.WriteLine("member,name,bloc,stability,castVotes,knownPairs");
        var names = report.Data.Members.ToDictionary(m => m.Id, m => m.Name);
        foreach (var a in report.Result.Assignments)
            w.WriteLine(CsvCells.Row(a.Member.Value, names[a.Member], a.Bloc?.ToString(CultureInfo.InvariantCulture), a.Stability is { } s ? F(s) : null,
                a.CastVotes.ToString(CultureInfo.InvariantCulture), a.KnownPairs.ToString(CultureInfo.InvariantCulture)));
    }

    public static void Text(BlocReport report, TextWriter w)
    {
        var r = report.Result;
        var names = report.Data.Members.ToDictionary(m => m.Id, m => m.Name);
        var share = report.CellsTotal == 0 ? 0 : (double)report.CellsKnown / report.CellsTotal;
        var basis = report.InferredCells == 0
            ? "all evidence"
            : $"plus {report.InferredCells:N0} inferred by reconstruction: the blocs rest {Pct(report.EvidenceShare)} on evidence, {Pct(1 - report.EvidenceShare)} on inference (--evidence-only for evidence alone)";
        w.WriteLine($"{report.Data.Name}: {report.Data.Members.Length} members, {report.Data.Motions.Length} motions; {report.CellsKnown:N0} of {report.CellsTotal:N0} member-motion cells known ({Pct(share)}), {basis}");
        w.WriteLine($"Blocs by {Name(r.Method)}: k = {r.K} ({(r.KChosen ? "chosen" : "given")}: {r.KReason})");
        w.WriteLine();
        var cohesion = report.BlocCohesion.ToDictionary(c => c.Group);
        for (var b = 1; b <= r.K; b++)
        {
            var members = r.Assignments.Where(a => a.Bloc == b).ToList();
            var c = cohesion.GetValueOrDefault(b.ToString(CultureInfo.InvariantCulture));
            var stab = members.Any(a => a.Stability is not null) ? $", stability {F(members.Average(a => a.Stability ?? 0))}" : "";
            w.WriteLine($"Bloc {b}: {members.Count} members; cohesion Rice {Opt(c?.Rice)}, agreement index {Opt(c?.AgreementIndex)} over {c?.Motions ?? 0} motions{stab}");
            var median = members.Select(a => a.CastVotes).Order().ElementAt(members.Count / 2);
            w.WriteLine($"  votes per member: {members.Min(a => a.CastVotes)} to {members.Max(a => a.CastVotes)} (median {median})");
            Wrap(w, members.Select(a => names[a.Member] + (report.Data.Motions.Length <= 500 ? $" ({a.CastVotes}{(a.Stability is { } s ? ", " + F(s) : "")})" : "")), "  ");
        }

        if (!r.Unassigned.IsEmpty)
        {
            w.WriteLine();
            w.WriteLine($"Unassigned ({r.Unassigned.Length}): too little evidence to place");
            foreach (var (m, reason) in r.Unassigned) w.WriteLine($"  {names[m]}: {reason}");
        }

        if (!r.Candidates.IsEmpty)
        {
            w.WriteLine();
            w.WriteLine("Choice of k:   k  silhouette  eigengap  modularity");
            foreach (var c in r.Candidates)
                w.WriteLine($"  {(c.K == r.K ? "->" : "  ")}         {c.K,3}  {c.Silhouette,10:0.000}  {c.Eigengap,8:0.000}  {c.Modularity,10:0.000}");
        }

        if (r.Permutation is { } p)
        {
            w.WriteLine();
            w.WriteLine($"Permutation test: {p.Statistic} {F(p.Observed)} against {F(p.NullMean)} on average over {p.Permutations} motion-shuffled data sets; p = {F(p.PValue)}"
                + (p.PValue <= 0.05 ? " (stronger than chance)" : " (not clearly stronger than chance)"));
        }

        if (report.By is { } by)
        {
            w.WriteLine();
            w.WriteLine($"Compared with declared '{by}': adjusted Rand index {Opt(report.AdjustedRand)}");
            if (report.CrossTable is { } table)
            {
                var cols = table.Values.First().Keys.ToList();
                var width = Math.Max(8, cols.Max(c => c.Length));
                w.WriteLine("  " + "".PadRight(9) + string.Join(" ", cols.Select(c => c.PadLeft(width))));
                foreach (var (row, counts) in table)
                    w.WriteLine("  " + row.PadRight(9) + string.Join(" ", cols.Select(c => counts[c].ToString(CultureInfo.InvariantCulture).PadLeft(width))));
            }

            foreach (var c in report.DeclaredCohesion)
                w.WriteLine($"  {by} {c.Group}: {c.Members} members, Rice {Opt(c.Rice)}, agreement index {Opt(c.AgreementIndex)} over {c.Motions} motions");
        }
    }

    public static void TimelineCsv(Core.Analysis.Windows.BlocTimeline t, Core.Model.Dataset data, TextWriter w)
    {
        var names = data.Members.ToDictionary(m => m.Id, m => m.Name);
        w.WriteLine("window,from,to,member,name,bloc");
        foreach (var (win, r) in t.Windows)
            foreach (var a in r.Assignments)
                w.WriteLine(CsvCells.Row(win.Label, win.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), win.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    a.Member.Value, names[a.Member], a.Bloc?.ToString(CultureInfo.InvariantCulture)));
    }

    public static void TimelineText(Core.Analysis.Windows.BlocTimeline t, Core.Model.Dataset data, TextWriter w)
    {
        var names = data.Members.ToDictionary(m => m.Id, m => m.Name);
        w.WriteLine($"{data.Name}: blocs per window (bloc numbers carried over from window to window by shared members)");
        foreach (var (win, r) in t.Windows)
        {
            w.WriteLine();
            var span = win.From is { } f && win.To is { } to ? $", {f:yyyy-MM-dd} to {to:yyyy-MM-dd}" : "";
            w.WriteLine($"{win.Label} ({win.Data.Motions.Length} motions{span}): k = {r.K}, {r.Assignments.Count(a => a.Bloc is not null)} members placed, {r.Unassigned.Length} unassigned");
            foreach (var b in r.Assignments.Where(a => a.Bloc is not null).GroupBy(a => a.Bloc!.Value).OrderBy(g => g.Key))
            {
                w.WriteLine($"  bloc {b.Key} ({b.Count()} members):");
                Wrap(w, b.Select(a => names[a.Member]), "    ");
            }
        }

        w.WriteLine();
        w.WriteLine(t.Moves.IsEmpty ? "Nobody moved between blocs from one window to the next." : $"Moves ({t.Moves.Length}):");
        foreach (var m in t.Moves) w.WriteLine($"  {names[m.Member]}: bloc {m.FromBloc} in {m.FromWindow} -> bloc {m.ToBloc} in {m.ToWindow}");
    }

    private static void Wrap(TextWriter w, IEnumerable<string> items, string indent)
    {
        var line = indent;
        foreach (var item in items)
        {
            if (line.Length > indent.Length && line.Length + item.Length + 2 > 100)
            {
                w.WriteLine(line.TrimEnd(',', ' '));
                line = indent;
            }

            line += item + ", ";
        }

        if (line.Length > indent.Length) w.WriteLine(line.TrimEnd(',', ' '));
    }

    private static string Name(BlocMethod m) => m.ToString().ToLowerInvariant();

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Opt(double? x) => x is { } v ? F(v) : "n/a";

    private static string Pct(double x) => (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
