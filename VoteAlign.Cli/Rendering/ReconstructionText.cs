using System.Globalization;
using VoteAlign.Core.Inference;
using VoteAlign.Core.Model;

namespace VoteAlign.Cli.Rendering;

/// <summary>What a reconstruction did, for a person.</summary>
internal static class ReconstructionText
{
    public static void Summary(ReconstructionResult r, RecordSet records, TextWriter w, TimeSpan elapsed)
    {
        w.WriteLine($"Reconstructed {r.Cells.Length:N0} member-motion cells in {elapsed.TotalSeconds:0.0} s: "
            + $"{Pct(r.EvidenceShare)} evidence, {Pct(r.ForcedShare)} forced by arithmetic, {Pct(r.InferredShare)} inferred.");
        if (r.Fitting.Length > 0) w.WriteLine($"Fitting: {r.Fitting}.");
        var constrained = r.Motions.Count(m => m.Tally is not null || m.Note.Contains("unanimous", StringComparison.Ordinal) || m.Note.Contains("nem con", StringComparison.Ordinal));
        w.WriteLine($"Motions: {r.Motions.Length}, {r.Motions.Count(m => m.Feasible && m.Tally is not null)} constrained by a tally; {r.Motions.Count(m => !m.Feasible)} with a tally that cannot be met.");
        var unnamed = r.Motions.Select(m => m.UnnamedSeats).DefaultIfEmpty(0).Max();
        if (unnamed > 0) w.WriteLine($"Seats not on the roster ({unnamed} at most) are modelled as unnamed members; their votes are not written.");
        foreach (var m in r.Motions.Where(m => !m.Feasible || m.Note.StartsWith("sources disagree", StringComparison.Ordinal)))
            w.WriteLine($"  {m.Motion}: {m.Note}");
        var confident = r.Cells.Where(c => c.Basis == Basis.Inferred).Count(c => Max(c.Probabilities) >= 0.8);
        var inferred = r.Cells.Count(c => c.Basis == Basis.Inferred);
        if (inferred > 0) w.WriteLine($"Of the inferred cells, {confident:N0} ({Pct((double)confident / inferred)}) have a most-likely value at 80% or more.");
        if (!r.AskNext.IsEmpty)
        {
            var names = records.Members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Name);
            var titles = records.Motions.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Title);
            w.WriteLine("Ask next (the votes that would tell most about a member's bloc):");
            foreach (var q in r.AskNext.Take(5))
                w.WriteLine($"  {names.GetValueOrDefault(q.Member, q.Member.Value)} on \u201c{titles.GetValueOrDefault(q.Motion, q.Motion.Value)}\u201d ({q.Motion}): {q.Bits:0.00} bits");
            if (!r.AskGroups.IsEmpty)
            {
                w.WriteLine("Ask next (the group lines that would tell most about how a motion split):");
                foreach (var q in r.AskGroups.Take(5))
                    w.WriteLine($"  how \u201c{q.Group}\u201d voted on \u201c{titles.GetValueOrDefault(q.Motion, q.Motion.Value)}\u201d ({q.Motion}): {q.Bits:0.00} bits");
            }
        }
    }

    private static double Max(VoteProbabilities p) => Math.Max(Math.Max(p.For, p.Against), Math.Max(p.Abstain, p.Absent));

    private static string Pct(double x) => (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
