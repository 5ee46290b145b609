using System.Globalization;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Model;

namespace VoteAlign.Cli.Rendering;

/// <summary>Scaling results as text (with a small terminal plot) or CSV.</summary>
internal static class ScaleRendering
{
    public static void Csv(ScaleResult r, Dataset data, TextWriter w)
    {
        var names = data.Members.ToDictionary(m => m.Id, m => m.Name);
        w.WriteLine("member,name,dim1,dim2,se1,votes");
        foreach (var p in r.Members)
            w.WriteLine(CsvCells.Row(p.Member.Value, names[p.Member], N(p.Dim1), N(p.Dim2), N(p.Se1), p.Votes.ToString(CultureInfo.InvariantCulture)));
    }

    public static void Text(ScaleResult r, Dataset data, TextWriter w)
    {
        var names = data.Members.ToDictionary(m => m.Id, m => m.Name);
        w.WriteLine($"{data.Name}: {(r.Method == ScaleMethod.Mds ? $"classical MDS, {r.Dimensions}-D" : "1-D ideal points (2PL logistic IRT)")}");
        w.WriteLine($"  {r.Note}");
        if (!r.Explained.IsEmpty) w.WriteLine($"  share of B's squared eigenvalues (λ²/Σλ²): {string.Join(", ", r.Explained.Select((e, i) => $"dim{i + 1} {e:0.000}"))}");
        var placed = r.Members.Where(p => p.Dim1 is not null).OrderBy(p => p.Dim1).ThenBy(p => p.Member).ToList();
        if (r.Dimensions == 2 && placed.Count > 0) Plot(w, placed, names);
        w.WriteLine();
        var width = Math.Max(6, placed.Count == 0 ? 6 : placed.Max(p => names[p.Member].Length));
        w.WriteLine($"  {"member".PadRight(width)}  {"dim1",8}{(r.Dimensions == 2 ? $"  {"dim2",8}" : "")}{(r.Method == ScaleMethod.Irt ? $"  {"se",6}" : "")}  votes");
        var rows = placed.Count > 60 ? placed.Take(30).Concat(placed.Skip(placed.Count - 30)).ToList() : placed;
        for (var i = 0; i < rows.Count; i++)
        {
            if (placed.Count > 60 && i == 30) w.WriteLine($"  … {placed.Count - 60} more (use --format csv for all)");
            var p = rows[i];
            w.WriteLine($"  {names[p.Member].PadRight(width)}  {p.Dim1,8:0.000}{(r.Dimensions == 2 ? $"  {p.Dim2,8:0.000}" : "")}{(p.Se1 is { } se ? $"  {se,6:0.000}" : "")}  {p.Votes}");
        }

        if (!r.Unplaced.IsEmpty)
        {
            w.WriteLine();
            w.WriteLine($"Not placed ({r.Unplaced.Length}):");
            foreach (var (m, reason) in r.Unplaced) w.WriteLine($"  {names[m]}: {reason}");
        }
    }

    private static void Plot(TextWriter w, List<MemberPlacement> placed, Dictionary<MemberId, string> names)
    {
        const int cols = 64, rows = 20;
        var grid = new char[rows, cols];
        for (var y = 0; y < rows; y++)
            for (var x = 0; x < cols; x++) grid[y, x] = ' ';
        var (minX, maxX) = (placed.Min(p => p.Dim1!.Value), placed.Max(p => p.Dim1!.Value));
        var (minY, maxY) = (placed.Min(p => p.Dim2 ?? 0), placed.Max(p => p.Dim2 ?? 0));
        var counts = new int[rows, cols];
        foreach (var p in placed)
        {
            var x = maxX > minX ? (int)Math.Round((p.Dim1!.Value - minX) / (maxX - minX) * (cols - 1)) : cols / 2;
            var y = maxY > minY ? (int)Math.Round((maxY - (p.Dim2 ?? 0)) / (maxY - minY) * (rows - 1)) : rows / 2;
            counts[y, x]++;
        }

        for (var y = 0; y < rows; y++)
            for (var x = 0; x < cols; x++)
                grid[y, x] = counts[y, x] switch { 0 => ' ', 1 => '.', < 5 => 'o', < 20 => 'O', _ => '@' };
        w.WriteLine();
        w.WriteLine($"  dim2 {maxY:0.00} (. = 1 member, o = 2-4, O = 5-19, @ = 20+)");
        for (var y = 0; y < rows; y++)
        {
            w.Write("  |");
            for (var x = 0; x < cols; x++) w.Write(grid[y, x]);
            w.WriteLine();
        }

        w.WriteLine("  +" + new string('-', cols));
        w.WriteLine($"  dim2 {minY:0.00}; dim1 from {minX:0.00} to {maxX:0.00}");
        if (placed.Count <= 40)
            w.WriteLine("  left to right: " + string.Join(", ", placed.Select(p => names[p.Member])));
    }

    private static string? N(double? v) => v?.ToString("0.######", CultureInfo.InvariantCulture);
}
