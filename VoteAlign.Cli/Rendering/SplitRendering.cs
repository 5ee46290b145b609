using System.Globalization;
using VoteAlign.Core.Analysis.Splits;
using VoteAlign.Core.Model;

namespace VoteAlign.Cli.Rendering;

/// <summary>Splits as a division page (one motion), a compact table (many), Markdown, CSV, or one member's record.</summary>
internal static class SplitRendering
{
    public static void Text(List<MotionSplit> splits, RecordSet records, string by, bool onePerScreen, TextWriter w)
    {
        var names = records.Members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Name);
        if (!onePerScreen && splits.Count > 1)
        {
            // On a reconstruction, each motion also says how many of its member votes are evidence and how many inferred.
            var inferred = splits.Any(s => s.Blocs.Any(b => b.InferredFor + b.InferredAgainst + b.InferredAbstain + b.InferredAbsent > 0));
            w.WriteLine($"{"date",-10}  {"tally",-9} {"margin",6}  {"outcome",-8} {"line",5}  {(inferred ? $"{"known",5} {"infer",5}  " : "")}title");
            foreach (var s in splits)
            {
                var shares = "";
                if (inferred)
                {
                    var known = s.Blocs.Sum(b => b.For + b.Against + b.Abstain + b.Absent);
                    var guessed = s.Blocs.Sum(b => b.InferredFor + b.InferredAgainst + b.InferredAbstain + b.InferredAbsent);
                    shares = $"{known,5} {guessed,5}  ";
                }

                w.WriteLine($"{D(s.Date),-10}  {T(s.Motion),-9} {(s.Margin?.ToString(CultureInfo.InvariantCulture) ?? "-"),6}  {O(s.Motion.Outcome),-8} {P(s.BlocLine),5}  {shares}{s.Motion.Title}{(s.Conflicts.Length > 1 ? "  [sources disagree]" : "")}");
            }

            w.WriteLine();
            w.WriteLine($"{splits.Count} motions; line = share of known cast votes with their {by}'s majority. Use --motion ID for one vote in full.");
            if (inferred)
            {
                var known = splits.Sum(s => s.Blocs.Sum(b => b.For + b.Against + b.Abstain + b.Absent));
                var guessed = splits.Sum(s => s.Blocs.Sum(b => b.InferredFor + b.InferredAgainst + b.InferredAbstain + b.InferredAbsent));
                w.WriteLine($"known = member votes on record (evidence), infer = filled in by the reconstruction: {known:N0} known, {guessed:N0} inferred ({100.0 * guessed / Math.Max(1, known + guessed):0.0}% inferred).");
            }
            var crossed = splits.Where(s => s.BlocLine is < 0.999).OrderBy(s => s.BlocLine).Take(10).ToList();
            if (crossed.Count > 0)
            {
                w.WriteLine();
                w.WriteLine($"Crossed {by} lines most:");
                foreach (var s in crossed) w.WriteLine($"  {P(s.BlocLine),5}  {D(s.Date)}  {s.Motion.Title}");
            }

            return;
        }

        foreach (var s in splits) Page(s, names, by, w);
    }

    private static void Page(MotionSplit s, Dictionary<MemberId, string> names, string by, TextWriter w)
    {
        var m = s.Motion;
        w.WriteLine(new string('=', 78));
        w.WriteLine($"{m.Title}");
        w.WriteLine($"{D(s.Date)}  meeting {m.Meeting}  {K(m.Kind)}  motion {m.Id}");
        var flags = (m.Unanimous ? " unanimous" : "") + (m.NemCon ? " nem con" : "");
        w.WriteLine($"Tally {T(m)}{(s.Margin is { } mg ? $", margin {mg}" : "")}: {O(m.Outcome)}{flags}");
        if (s.Conflicts.Length > 1) w.WriteLine($"Sources disagree: {string.Join(" vs ", m.Sources.Where(x => x.Tally is not null).Select(x => $"{x.Tally} ({x.Author ?? x.Report})"))}; the data set uses {T(m)}.");
        w.WriteLine("Sources:");
        foreach (var src in m.Sources)
            w.WriteLine($"  {src.Author ?? src.Report}, {src.Report}{(src.Line is { } l ? $" line {l}" : "")}: \u201c{src.Quote}\u201d{(src.Tally is { } t ? $" [{t}]" : "")}");
        w.WriteLine($"By {by} (evidence | reconstruction):");
        w.WriteLine($"  {by,-10} {"members",7}  {"for",4} {"agst",4} {"abst",4} {"absent",6} {"unknown",7} | {"for",4} {"agst",4} {"abst",4} {"absent",6}");
        foreach (var b in s.Blocs)
            w.WriteLine($"  {b.Group,-10} {b.Members,7}  {b.For,4} {b.Against,4} {b.Abstain,4} {b.Absent,6} {b.Unknown,7} | {b.InferredFor,4} {b.InferredAgainst,4} {b.InferredAbstain,4} {b.InferredAbsent,6}");
        if (s.BlocLine is { } line) w.WriteLine($"Followed {by} lines: {P(line)} of known cast votes went with their {by}'s majority.");
        if (!s.Rebels.IsEmpty)
            w.WriteLine("Rebels: " + string.Join("; ", s.Rebels.Select(r => $"{names.GetValueOrDefault(r.Member, r.Member.Value)} voted {V(r.Vote)} against {by} {r.Group}'s {V(r.GroupMajority)} ({r.Basis.ToString().ToLowerInvariant()})")));
        if (s.SwitchesToFlip is { } sw)
        {
            w.WriteLine($"{sw} vote{(sw == 1 ? "" : "s")} changing sides would have flipped it.");
            if (s.Pivotal.IsEmpty) w.WriteLine("No member is known (or inferred) to have been on the winning side.");
            else
                w.WriteLine("Could have: " + string.Join(", ", s.Pivotal.Take(20).Select(p => $"{names.GetValueOrDefault(p.Member, p.Member.Value)} ({(p.Basis == Basis.Inferred ? P(p.Probability) + " inferred" : p.Basis.ToString().ToLowerInvariant())})")));
        }

        w.WriteLine();
    }

    public static void Markdown(List<MotionSplit> splits, RecordSet records, string by, TextWriter w)
    {
        w.WriteLine($"| Date | Motion | Tally | Margin | Outcome | With {by} majority |");
        w.WriteLine("|---|---|---|---:|---|---:|");
        foreach (var s in splits)
            w.WriteLine($"| {D(s.Date)} | {Md(s.Motion.Title)} | {T(s.Motion)} | {s.Margin?.ToString(CultureInfo.InvariantCulture) ?? ""} | {O(s.Motion.Outcome)} | {P(s.BlocLine)} |");
        foreach (var s in splits)
        {
            w.WriteLine();
            w.WriteLine($"### {Md(s.Motion.Title)} ({D(s.Date)})");
            w.WriteLine();
            w.WriteLine($"**{T(s.Motion)}**, {O(s.Motion.Outcome)}{(s.Margin is { } mg ? $", margin {mg}" : "")}.");
            foreach (var src in s.Motion.Sources)
            {
                w.WriteLine();
                w.WriteLine($"> {Md(src.Quote)}");
                w.WriteLine($"> — {Md(src.Author ?? src.Report)}{(src.Line is { } l ? $", line {l}" : "")}");
            }

            w.WriteLine();
            w.WriteLine($"| {by} | members | for | against | abstain | absent | unknown | inferred for | inferred against |");
            w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var b in s.Blocs)
                w.WriteLine($"| {Md(b.Group)} | {b.Members} | {b.For} | {b.Against} | {b.Abstain} | {b.Absent} | {b.Unknown} | {b.InferredFor} | {b.InferredAgainst} |");
        }
    }

    public static void Csv(List<MotionSplit> splits, TextWriter w)
    {
        w.WriteLine("motion,meeting,date,title,kind,for,against,abstain,margin,outcome,unanimous,nemCon,conflict,blocLine,group,members,groupFor,groupAgainst,groupAbstain,groupAbsent,groupUnknown,inferredFor,inferredAgainst,inferredAbstain,inferredAbsent");
        foreach (var s in splits)
            foreach (var b in s.Blocs.DefaultIfEmpty(new BlocBreakdown("", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
                w.WriteLine(CsvCells.Row(s.Motion.Id.Value, s.Motion.Meeting.Value, D(s.Date), s.Motion.Title, K(s.Motion.Kind),
                    N(s.Motion.Tally?.For), N(s.Motion.Tally?.Against), N(s.Motion.Tally?.Abstain), N(s.Margin), O(s.Motion.Outcome),
                    s.Motion.Unanimous ? "true" : "false", s.Motion.NemCon ? "true" : "false", s.Conflicts.Length > 1 ? "true" : "false",
                    s.BlocLine?.ToString("0.####", CultureInfo.InvariantCulture), b.Group, N(b.Members), N(b.For), N(b.Against), N(b.Abstain), N(b.Absent), N(b.Unknown),
                    N(b.InferredFor), N(b.InferredAgainst), N(b.InferredAbstain), N(b.InferredAbsent)));
    }

    public static void Member(MemberId who, RecordSet records, Dictionary<MemberId, string> groupOf, List<MotionSplit> splits, string format, TextWriter w)
    {
        var name = records.Members.First(m => m.Id == who).Name;
        var positions = records.Positions.Where(p => p.Member == who).GroupBy(p => p.Motion).ToDictionary(g => g.Key, g => g.First());
        var with = new Dictionary<string, (int Same, int Shared)>();
        var rows = new List<(MotionSplit Split, Position Position)>();
        foreach (var s in splits)
        {
            if (!positions.TryGetValue(s.Motion.Id, out var p)) continue;
            rows.Add((s, p));
            if (p.Vote == Vote.Absent) continue;
            foreach (var b in s.Blocs)
            {
                var counts = new[] { (Vote.For, b.For), (Vote.Against, b.Against), (Vote.Abstain, b.Abstain) };
                var top = counts.OrderByDescending(c => c.Item2).First();
                if (top.Item2 == 0 || counts.Count(c => c.Item2 == top.Item2) > 1) continue;
                var cur = with.GetValueOrDefault(b.Group);
                with[b.Group] = (cur.Same + (top.Item1 == p.Vote ? 1 : 0), cur.Shared + 1);
            }
        }

        if (format == "csv")
        {
            w.WriteLine("member,motion,date,title,vote,basis,report,line,quote");
            foreach (var (s, p) in rows)
                w.WriteLine(CsvCells.Row(who.Value, s.Motion.Id.Value, D(s.Date), s.Motion.Title, V(p.Vote), p.Basis.ToString().ToLowerInvariant(), p.Source?.Report, N(p.Source?.Line), p.Source?.Quote));
            return;
        }

        w.WriteLine($"{name} ({who}){(groupOf.TryGetValue(who, out var g) ? $", bloc {g}" : ", not placed in a bloc")}: {rows.Count} known or inferred votes");
        foreach (var (s, p) in rows)
            w.WriteLine($"  {D(s.Date)}  {V(p.Vote),-8} {p.Basis.ToString().ToLowerInvariant(),-10} {s.Motion.Title}{(p.Source is { } src ? $"  [{src.Author ?? src.Report}{(src.Line is { } l ? $", line {l}" : "")}: \u201c{src.Quote}\u201d]" : p.Probabilities is { } pr ? $"  [p = {Math.Max(Math.Max(pr.For, pr.Against), Math.Max(pr.Abstain, pr.Absent)):0.00}]" : "")}");
        w.WriteLine("Voted with each bloc's majority (motions where the bloc had a clear majority of known votes):");
        foreach (var (grp, (same, shared)) in with.OrderBy(x => x.Key, StringComparer.Ordinal))
            w.WriteLine($"  {grp}: {same} of {shared}");
    }

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    private static string T(Motion m) => m.Tally?.ToString() ?? (m.Unanimous ? "unanimous" : m.NemCon ? "nem con" : "no tally");

    private static string O(Outcome o) => o.ToString().ToLowerInvariant();

    private static string K(MotionKind k) => k.ToString().ToLowerInvariant();

    private static string V(Vote v) => v.ToString().ToLowerInvariant();

    private static string P(double? x) => x is { } v ? (100 * v).ToString("0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string? N(int? x) => x?.ToString(CultureInfo.InvariantCulture);

    private static string Md(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
