using System.Globalization;
using System.Text;

namespace VoteAlign.Core.Export.Html;

/// <summary>The drawn sections: the heatmap's frame (its cells are painted by the page's script from the embedded
/// data), the co-voting network, the MDS map and the ideal points (inline SVG).</summary>
public static partial class HtmlReport
{
    private static void WriteHeatmap(Page page, TextWriter w)
    {
        var r = page.Report;
        var n = r.Order.Length;
        var what = r.Agreement.IsExpected ? "expected agreement over the reconstruction" : "agreement on evidence";
        w.Write("<section id=\"heatmap\" aria-labelledby=\"heatmap-h\">\n<h2 id=\"heatmap-h\">Agreement heatmap</h2>\n");
        w.Write($"<p>Each cell is the {what} of two members: the share of the motions both cast a vote on (for, against or abstain; absent does not count) on which they voted alike. "
            + $"Darker is closer. Members are ordered by bloc, then by their position on the line (ideal point); the bands on the edges and the lines mark the blocs. "
            + $"Hatched cells: the pair shares no vote. Hover a cell, or focus the chart and use the arrow keys, to read its value and the number of shared votes it rests on ({HtmlText.Count(n)} members, {HtmlText.Count((long)n * n)} cells).</p>\n");
        w.Write("<div class=\"scale\" aria-hidden=\"true\"><span>0%</span><span class=\"ramp\"></span><span>100%</span><span class=\"hatch-key\"></span><span>no shared vote</span></div>\n");
        w.Write($"<div class=\"heat-wrap\"><canvas id=\"heat\" tabindex=\"0\" role=\"img\" aria-describedby=\"heat-readout\" aria-label=\"Agreement heatmap of {HtmlText.Count(n)} members ordered by bloc\" width=\"10\" height=\"10\"></canvas>"
            + "<div id=\"heat-tip\" class=\"tip\" hidden></div></div>\n");
        w.Write("<p id=\"heat-readout\" class=\"readout\" aria-live=\"polite\">Hover or focus a cell to read it.</p>\n");
        w.Write("<noscript><p class=\"note\">The heatmap is painted by the page's own script, which is turned off.</p></noscript>\n</section>\n");
    }

    private static void WriteNetwork(Page page, TextWriter w)
    {
        var r = page.Report;
        var order = r.Order;
        var n = order.Length;
        var local = order.Select((row, i) => (row, i)).ToDictionary(p => p.row, p => p.i);
        var minShared = r.Options.Blocs.MinShared;
        var all = new List<(int A, int B, double Weight)>();
        for (var a = 0; a < n; a++)
            for (var b = a + 1; b < n; b++)
                if (r.Agreement.SharedAt(order[a], order[b]) >= minShared && r.Agreement.ValueAt(order[a], order[b]) is { } v && v >= 0.5)
                    all.Add((a, b, v));
        var capped = n > r.Options.FullNetworkUpTo;
        var edges = all;
        if (capped)
        {
            // Each member's strongest edges (agreement, then shared votes); an edge is kept if either end keeps it.
            var keep = new HashSet<(int, int)>();
            foreach (var group in all.SelectMany(e => new[] { (Node: e.A, Edge: e), (Node: e.B, Edge: e) }).GroupBy(p => p.Node))
                foreach (var p in group.OrderByDescending(p => p.Edge.Weight)
                    .ThenByDescending(p => r.Agreement.SharedAt(order[p.Edge.A], order[p.Edge.B]))
                    .ThenBy(p => p.Edge.A + p.Edge.B - p.Node).Take(r.Options.EdgesPerMember))
                    keep.Add((p.Edge.A, p.Edge.B));
            edges = [.. all.Where(e => keep.Contains((e.A, e.B)))];
        }

        var start = order.Select(row => r.Map.Members[row] is { Dim1: { } x } p ? ((double X, double Y)?)(x, p.Dim2 ?? 0) : null).ToArray();
        var place = NetworkLayout.Place(n, edges.Select(e => (e.A, e.B, (e.Weight - 0.5) * 2 + 0.05)).ToList(), start, r.Options.Blocs.Seed);
        var labels = n <= r.Options.LabelsUpTo;
        var (width, height, margin) = (1000.0, labels ? 720.0 : 760.0, labels ? 90.0 : 20.0);
        double X(int i) => margin + place[i].X * (width - 2 * margin);
        double Y(int i) => 20 + place[i].Y * (height - 40);

        w.Write("<section id=\"network\" aria-labelledby=\"network-h\">\n<h2 id=\"network-h\">Co-voting network</h2>\n");
        w.Write($"<p>A line joins two members whose agreement is at least 50% over at least {HtmlText.Count(minShared)} shared vote{(minShared == 1 ? "" : "s")}; the thicker the line, the higher the agreement. "
            + "Each member is marked with their bloc's colour and shape. The layout is force-directed (seeded, so the same data draws the same picture), starting from the MDS map.</p>\n");
        if (capped)
            w.Write($"<p class=\"note\">Capped: {HtmlText.Count(n)} members share {HtmlText.Count(all.Count)} such pairs, too many to draw legibly; shown are each member's {r.Options.EdgesPerMember} strongest ({HtmlText.Count(edges.Count)} lines).</p>\n");
        if (!labels) w.Write("<p class=\"note\">Names show on hover (too many members to label).</p>\n");
        w.Write($"<figure><svg id=\"network-svg\" viewBox=\"0 0 {HtmlText.N(width)} {HtmlText.N(height)}\" role=\"img\" aria-label=\"Co-voting network: {HtmlText.Count(n)} members, {HtmlText.Count(edges.Count)} lines\">\n<g class=\"edges\">");
        var sb = new StringBuilder();
        foreach (var (a, b, v) in edges)
        {
            var stroke = HtmlText.N(0.4 + 5 * (v - 0.5));
            sb.Append($"<line x1=\"{HtmlText.N(X(a))}\" y1=\"{HtmlText.N(Y(a))}\" x2=\"{HtmlText.N(X(b))}\" y2=\"{HtmlText.N(Y(b))}\" stroke-width=\"{stroke}\">");
            sb.Append($"<title>{HtmlText.Encode(page.Names[order[a]])} – {HtmlText.Encode(page.Names[order[b]])}: {HtmlText.Percent(v)} on {HtmlText.N(r.Agreement.SharedAt(order[a], order[b]))} shared</title></line>\n");
        }

        w.Write(sb.ToString());
        w.Write("</g>\n<g class=\"nodes\">");
        var size = labels ? 7 : 4.5;
        for (var i = 0; i < n; i++)
        {
            var bloc = page.BlocOf(order[i]);
            w.Write($"<g class=\"node\">{Marker(bloc, X(i), Y(i), size)}<title>{HtmlText.Encode(page.Names[order[i]])}: {(bloc is { } bn ? $"bloc {bn}" : "no bloc")}</title></g>\n");
        }

        w.Write("</g>\n");
        if (labels) WriteLabels(w, page, [.. Enumerable.Range(0, n).Select(i => (order[i], X(i), Y(i)))], width, size);
        w.Write("</svg></figure>\n</section>\n");
    }

    /// <summary>Names beside points, placed to the right (or left near the right edge) and nudged down where two would overlap.</summary>
    private static void WriteLabels(TextWriter w, Page page, List<(int Row, double X, double Y)> points, double width, double gap)
    {
        const double lineHeight = 13;
        var placed = new List<(double X0, double X1, double Y)>();
        w.Write("<g class=\"labels\">");
        foreach (var (row, x, y) in points.OrderBy(p => p.Y).ThenBy(p => p.X))
        {
            var name = page.Names[row];
            var textWidth = 6.2 * name.Length;
            var right = x + gap + 2 + textWidth < width;
            var x0 = right ? x + gap + 2 : x - gap - 2 - textWidth;
            var ly = y + 4;
            for (var tries = 0; tries < 6 && placed.Any(p => p.X0 < x0 + textWidth && x0 < p.X1 && Math.Abs(p.Y - ly) < lineHeight); tries++)
                ly += tries % 2 == 0 ? lineHeight * (tries + 1) : -lineHeight * (tries + 1);
            placed.Add((x0, x0 + textWidth, ly));
            w.Write($"<text x=\"{HtmlText.N(right ? x0 : x0 + textWidth)}\" y=\"{HtmlText.N(ly)}\"{(right ? "" : " text-anchor=\"end\"")}>{HtmlText.Encode(name)}</text>\n");
        }

        w.Write("</g>\n");
    }

    private static void WriteMap(Page page, TextWriter w)
    {
        var r = page.Report;
        var rows = r.Order.Where(row => r.Map.Members[row].Dim1 is not null).ToList();
        var labels = rows.Count <= r.Options.LabelsUpTo;
        w.Write("<section id=\"map\" aria-labelledby=\"map-h\">\n<h2 id=\"map-h\">Map and ideal points</h2>\n");
        var explained = string.Join(" and ", r.Map.Explained.Select(e => HtmlText.Percent(e)));
        w.Write($"<p>Classical multidimensional scaling of 1 − agreement: members who vote alike sit close together. The two dimensions keep {explained} of the variation. {HtmlText.Encode(Capitalise(r.Map.Note))}.</p>\n");
        if (r.Map.Unplaced.Length > 0)
            w.Write($"<p class=\"note\">Not placed: {HtmlText.Encode(string.Join("; ", r.Map.Unplaced.Select(u => $"{page.Names[r.Data.Matrix.Members.IndexOf(u.Member)]} ({u.Reason})")))}.</p>\n");
        var (width, height, margin) = (1000.0, 640.0, labels ? 110.0 : 30.0);
        var xs = rows.Select(row => r.Map.Members[row].Dim1!.Value).ToList();
        var ys = rows.Select(row => r.Map.Members[row].Dim2 ?? 0).ToList();
        var (minX, maxX, minY, maxY) = xs.Count > 0 ? (xs.Min(), xs.Max(), ys.Min(), ys.Max()) : (0, 1, 0, 1);
        double Sx(double v) => margin + (maxX - minX < 1e-12 ? 0.5 : (v - minX) / (maxX - minX)) * (width - 2 * margin);
        double Sy(double v) => 30 + (maxY - minY < 1e-12 ? 0.5 : (maxY - v) / (maxY - minY)) * (height - 60);
        w.Write($"<figure><svg id=\"map-svg\" viewBox=\"0 0 {HtmlText.N(width)} {HtmlText.N(height)}\" role=\"img\" aria-label=\"MDS map of {HtmlText.Count(rows.Count)} members\">\n");
        w.Write($"<line class=\"axis\" x1=\"{HtmlText.N(margin)}\" y1=\"{HtmlText.N(Sy(0))}\" x2=\"{HtmlText.N(width - margin)}\" y2=\"{HtmlText.N(Sy(0))}\"/>"
            + $"<line class=\"axis\" x1=\"{HtmlText.N(Sx(0))}\" y1=\"30\" x2=\"{HtmlText.N(Sx(0))}\" y2=\"{HtmlText.N(height - 30)}\"/>\n"
            + $"<text class=\"axis-label\" x=\"{HtmlText.N(width - margin)}\" y=\"{HtmlText.N(Sy(0) - 6)}\" text-anchor=\"end\">dimension 1</text>"
            + $"<text class=\"axis-label\" x=\"{HtmlText.N(Sx(0) + 6)}\" y=\"42\">dimension 2</text>\n");
        var size = labels ? 7 : 4;
        foreach (var row in rows)
        {
            var p = r.Map.Members[row];
            var bloc = page.BlocOf(row);
            w.Write($"<g class=\"node\">{Marker(bloc, Sx(p.Dim1!.Value), Sy(p.Dim2 ?? 0), size)}<title>{HtmlText.Encode(page.Names[row])}: {(bloc is { } b ? $"bloc {b}" : "no bloc")}; "
                + $"dimension 1 {F3(p.Dim1.Value)}, dimension 2 {F3(p.Dim2 ?? 0)}; placed on {HtmlText.Count(p.Votes)} votes</title></g>\n");
        }

        if (labels) WriteLabels(w, page, [.. rows.Select(row => (row, Sx(r.Map.Members[row].Dim1!.Value), Sy(r.Map.Members[row].Dim2 ?? 0)))], width, size);
        w.Write("</svg></figure>\n");
        WriteIdeal(page, w);
        w.Write("</section>\n");
    }

    private static void WriteIdeal(Page page, TextWriter w)
    {
        var r = page.Report;
        w.Write("<h3 id=\"ideal-h\">Ideal points with their uncertainty</h3>\n");
        if (r.Ideal is not { } ideal)
        {
            w.Write("<p class=\"note\">No ideal points: fewer than two members could be placed.</p>\n");
            return;
        }

        var rows = r.Order.Where(row => ideal.Members[row].Dim1 is not null).OrderBy(row => ideal.Members[row].Dim1).ThenBy(row => r.Data.Matrix.Members[row]).ToList();
        w.Write("<p>A one-dimensional logistic item-response model (2PL): each member's ideal point with a 95% interval (±1.96 standard errors). "
            + "Wide intervals mean few informative votes. " + HtmlText.Encode(Capitalise(ideal.Note)) + ".</p>\n");
        if (r.IdealMotions < r.Data.Matrix.MotionCount)
            w.Write($"<p class=\"note\">Sampled: fitted on {HtmlText.Count(r.IdealMotions)} evenly spaced motions of {HtmlText.Count(r.Data.Matrix.MotionCount)} (the fit's time grows with the member-motion cells; the cap is {HtmlText.Count(r.Options.IdealPointCells)} cells). The intervals reflect that sample.</p>\n");
        var lo = rows.Select(row => ideal.Members[row].Dim1!.Value - 1.96 * (ideal.Members[row].Se1 ?? 0)).DefaultIfEmpty(-1).Min();
        var hi = rows.Select(row => ideal.Members[row].Dim1!.Value + 1.96 * (ideal.Members[row].Se1 ?? 0)).DefaultIfEmpty(1).Max();
        if (hi - lo < 1e-9) (lo, hi) = (lo - 1, hi + 1);
        var labels = rows.Count <= r.Options.LabelsUpTo;
        string Tip(int row) => $"<title>{HtmlText.Encode(page.Names[row])}: ideal point {F3(ideal.Members[row].Dim1!.Value)} ± {F3(1.96 * (ideal.Members[row].Se1 ?? 0))} "
            + $"(95%), on {HtmlText.Count(ideal.Members[row].Votes)} for/against votes; {(page.BlocOf(row) is { } b ? $"bloc {b}" : "no bloc")}</title>";
        if (labels)
        {
            // One row per member: name, then the interval on a shared axis.
            const double rowHeight = 18, nameWidth = 190, width = 1000;
            var height = 30 + rowHeight * rows.Count;
            double Sx(double v) => nameWidth + 10 + (v - lo) / (hi - lo) * (width - nameWidth - 30);
            w.Write($"<figure><svg id=\"ideal-svg\" viewBox=\"0 0 {HtmlText.N(width)} {HtmlText.N(height)}\" role=\"img\" aria-label=\"Ideal points of {HtmlText.Count(rows.Count)} members with 95% intervals\">\n");
            w.Write($"<line class=\"axis\" x1=\"{HtmlText.N(Sx(0))}\" y1=\"4\" x2=\"{HtmlText.N(Sx(0))}\" y2=\"{HtmlText.N(height - 20)}\"/>"
                + $"<text class=\"axis-label\" x=\"{HtmlText.N(Sx(lo))}\" y=\"{HtmlText.N(height - 4)}\">{F3(lo)}</text>"
                + $"<text class=\"axis-label\" x=\"{HtmlText.N(Sx(hi))}\" y=\"{HtmlText.N(height - 4)}\" text-anchor=\"end\">{F3(hi)}</text>\n");
            for (var t = 0; t < rows.Count; t++)
            {
                var row = rows[t];
                var p = ideal.Members[row];
                var y = 12 + t * rowHeight;
                var se = 1.96 * (p.Se1 ?? 0);
                w.Write($"<g class=\"node\"><text x=\"{HtmlText.N(nameWidth)}\" y=\"{HtmlText.N(y + 4)}\" text-anchor=\"end\">{HtmlText.Encode(page.Names[row])}</text>"
                    + $"<line class=\"interval\" x1=\"{HtmlText.N(Sx(p.Dim1!.Value - se))}\" y1=\"{HtmlText.N(y)}\" x2=\"{HtmlText.N(Sx(p.Dim1.Value + se))}\" y2=\"{HtmlText.N(y)}\"/>"
                    + $"{Marker(page.BlocOf(row), Sx(p.Dim1.Value), y, 5)}{Tip(row)}</g>\n");
            }
        }
        else
        {
            // Too many names for rows: members by rank along the x axis, ideal point up the y axis, intervals as bars.
            const double width = 1000, height = 360, left = 50;
            double Sx(int t) => left + (rows.Count == 1 ? 0.5 : (double)t / (rows.Count - 1)) * (width - left - 10);
            double Sy(double v) => 10 + (hi - v) / (hi - lo) * (height - 40);
            w.Write("<p class=\"note\">Members are in order of ideal point along the bottom; names show on hover.</p>\n");
            w.Write($"<figure><svg id=\"ideal-svg\" viewBox=\"0 0 {HtmlText.N(width)} {HtmlText.N(height)}\" role=\"img\" aria-label=\"Ideal points of {HtmlText.Count(rows.Count)} members with 95% intervals\">\n");
            w.Write($"<line class=\"axis\" x1=\"{HtmlText.N(left)}\" y1=\"{HtmlText.N(Sy(0))}\" x2=\"{HtmlText.N(width - 10)}\" y2=\"{HtmlText.N(Sy(0))}\"/>"
                + $"<text class=\"axis-label\" x=\"{HtmlText.N(left - 4)}\" y=\"{HtmlText.N(Sy(hi) + 10)}\" text-anchor=\"end\">{F3(hi)}</text>"
                + $"<text class=\"axis-label\" x=\"{HtmlText.N(left - 4)}\" y=\"{HtmlText.N(Sy(lo))}\" text-anchor=\"end\">{F3(lo)}</text>"
                + $"<text class=\"axis-label\" x=\"{HtmlText.N(width - 10)}\" y=\"{HtmlText.N(height - 8)}\" text-anchor=\"end\">members in order of ideal point</text>\n");
            // Intervals first, markers over them, so no interval hides a neighbour's marker.
            w.Write("<g class=\"intervals\">");
            for (var t = 0; t < rows.Count; t++)
            {
                var p = ideal.Members[rows[t]];
                var se = 1.96 * (p.Se1 ?? 0);
                w.Write($"<line class=\"interval\" x1=\"{HtmlText.N(Sx(t))}\" y1=\"{HtmlText.N(Sy(p.Dim1!.Value - se))}\" x2=\"{HtmlText.N(Sx(t))}\" y2=\"{HtmlText.N(Sy(p.Dim1.Value + se))}\"/>");
            }

            w.Write("</g>\n");
            for (var t = 0; t < rows.Count; t++)
                w.Write($"<g class=\"node\">{Marker(page.BlocOf(rows[t]), Sx(t), Sy(ideal.Members[rows[t]].Dim1!.Value), 2.5)}{Tip(rows[t])}</g>\n");
        }

        w.Write("</svg></figure>\n");
    }

    private static string F3(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].TrimEnd(' ', '.');
}
