using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Html;

/// <summary>Writes the report as one self-contained HTML file: inline CSS and script, inline SVG, data embedded as
/// JSON; no request leaves the page (a Content-Security-Policy forbids any). Every piece of user text is escaped.
/// The same data gives the same bytes: no timestamps, a seeded layout.</summary>
public static partial class HtmlReport
{
    // Bloc colours (Okabe–Ito first, then Tol's muted) and, so that blocs read without colour, a marker shape per bloc;
    // together they tell twelve blocs apart, and every mark also carries the bloc number in text or on hover.
    private static readonly string[] Palette =
        ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F", "#332288", "#999933", "#882255", "#44AA99", "#6B6B6B"];

    private const string NoBlocColour = "#9A9A9A";

    /// <summary>Writes the report of <paramref name="report"/>.</summary>
    /// <param name="report">The analyses (see <see cref="ReportData.Build"/>).</param>
    /// <param name="writer">Where the HTML goes (UTF-8 is declared in the page).</param>
    public static void Write(ReportData report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var page = new Page(report);
        var title = $"{page.Body}: votes and blocs";
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write($"<title>{HtmlText.Encode(title)}</title>\n<style>\n");
        writer.Write(Asset("report.css"));
        writer.Write("</style>\n</head>\n<body>\n");
        writer.Write($"<header id=\"overview\">\n<h1>{HtmlText.Encode(title)}</h1>\n");
        WriteHeader(page, writer);
        writer.Write("</header>\n<main>\n");
        WriteHeatmap(page, writer);
        WriteNetwork(page, writer);
        WriteMap(page, writer);
        WriteSplits(page, writer);
        if (report.Timeline is not null) WriteTimeline(page, writer);
        writer.Write("</main>\n<footer><p>Written by VoteAlign from ");
        writer.Write(HtmlText.Encode(report.Data.Name));
        writer.Write(". Self-contained: this page loads nothing from the network.</p></footer>\n");
        writer.Write("<script type=\"application/json\" id=\"va-data\">");
        WriteData(page, writer);
        writer.Write("</script>\n<script>\n");
        writer.Write(Asset("report.js"));
        writer.Write("</script>\n</body>\n</html>\n");
    }

    private static void WriteHeader(Page page, TextWriter w)
    {
        var r = page.Report;
        var s = r.Summary;
        w.Write("<dl class=\"facts\">\n");
        Fact(w, "Body", page.Body);
        var period = s.FirstMeeting is { } first && s.LastMeeting is { } last
            ? $"{Date(first)} to {Date(last)}, {Plural(s.Meetings, "meeting")}" + (s.UndatedMeetings > 0 ? $" ({s.UndatedMeetings} undated)" : "")
            : $"{Plural(s.Meetings, "meeting")}, no dates";
        Fact(w, "Period", period);
        Fact(w, "Members", $"{HtmlText.Count(s.Members)} on the roster, {HtmlText.Count(s.MembersWithPositions)} with at least one known position");
        var consensus = s.UnanimousMotions + s.NemConMotions;
        Fact(w, "Motions", $"{HtmlText.Count(s.Motions)}: {HtmlText.Count(s.MotionsWithTally)} with a for/against tally"
            + (s.MotionsWithPartialTally > 0 ? $", {HtmlText.Count(s.MotionsWithPartialTally)} with a partial tally" : "")
            + (consensus > 0 ? $", {HtmlText.Count(consensus)} reported unanimous or nem con" : "")
            + (s.MotionsWithoutTally > 0 ? $", {HtmlText.Count(s.MotionsWithoutTally)} with no figures" : "")
            + (s.ConflictingMotions > 0 ? $"; {HtmlText.Count(s.ConflictingMotions)} with sources that disagree on the tally" : ""));
        var basis = s.PositionsByBasis.Where(b => b.Count > 0).Select(b => $"{HtmlText.Count(b.Count)} {ModelNames.Name(b.Basis)}").ToList();
        Fact(w, "Positions by basis", basis.Count == 0 ? "none" : string.Join(", ", basis));
        var known = r.Blocs.CellsKnown;
        var total = r.Blocs.CellsTotal;
        Fact(w, "Evidence", $"{HtmlText.Count(known)} of {HtmlText.Count(total)} member-motion cells known ({HtmlText.Percent(total == 0 ? 0 : (double)known / total)})");
        Fact(w, "Inferred", r.Reconstruction is { } view
            ? $"{HtmlText.Count(view.InferredCells)} cells filled by reconstruction: {HtmlText.Percent(1 - view.EvidenceShare)} of the cells analysed are inferred; agreement, blocs and map use expected agreement, and the splits show inferred votes hatched"
            : "none: every figure on this page rests on evidence");
        var b = r.Blocs.Result;
        Fact(w, "Blocs", $"{b.Method.ToString().ToLowerInvariant()}, k = {b.K}{(b.KChosen ? " (chosen from the data)" : " (given)")}: {b.KReason}");
        w.Write("</dl>\n");
        if (page.Hidden.Count > 0)
            w.Write($"<p class=\"note\">Not drawn: {HtmlText.Count(page.Hidden.Count)} member{(page.Hidden.Count == 1 ? "" : "s")} with no known cast vote ({HtmlText.Encode(string.Join(", ", page.Hidden.Take(40)))}{(page.Hidden.Count > 40 ? ", …" : "")}).</p>\n");
        WriteLegend(page, w);
        w.Write("<nav aria-label=\"Sections\"><ul><li><a href=\"#heatmap\">Agreement heatmap</a></li><li><a href=\"#network\">Co-voting network</a></li>"
            + "<li><a href=\"#map\">Map and ideal points</a></li><li><a href=\"#splits\">Per-motion splits</a></li>"
            + (r.Timeline is not null ? "<li><a href=\"#timeline\">Blocs over time</a></li>" : "") + "</ul></nav>\n");
    }

    private static void WriteLegend(Page page, TextWriter w)
    {
        w.Write("<div class=\"legend\" role=\"list\" aria-label=\"Blocs\">\n");
        var cohesion = page.Report.Blocs.BlocCohesion.ToDictionary(c => c.Group);
        foreach (var bloc in page.BlocOrder)
        {
            var size = page.Report.Blocs.Result.Assignments.Count(a => a.Bloc == bloc);
            var c = cohesion.GetValueOrDefault(bloc.ToString(CultureInfo.InvariantCulture));
            var rice = c?.Rice is { } ri ? $"; Rice {ri.ToString("0.00", CultureInfo.InvariantCulture)}" : "";
            w.Write($"<span class=\"key\" role=\"listitem\"><svg width=\"18\" height=\"18\" viewBox=\"-9 -9 18 18\" aria-hidden=\"true\">{Marker(bloc, 0, 0, 7)}</svg>Bloc {bloc} ({Plural(size, "member")}{rice})</span>\n");
        }

        if (page.Report.Order.Any(r => page.Report.Blocs.Result.Assignments[r].Bloc is null))
            w.Write($"<span class=\"key\" role=\"listitem\"><svg width=\"18\" height=\"18\" viewBox=\"-9 -9 18 18\" aria-hidden=\"true\">{Marker(null, 0, 0, 7)}</svg>No bloc (too little evidence)</span>\n");
        w.Write("</div>\n");
    }

    private static void Fact(TextWriter w, string term, string value) =>
        w.Write($"<dt>{HtmlText.Encode(term)}</dt><dd>{HtmlText.Encode(value)}</dd>\n");

    private static string Plural(int n, string noun) => $"{HtmlText.Count(n)} {noun}{(n == 1 ? "" : "s")}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Colour(int? bloc) => bloc is { } b ? Palette[(b - 1) % Palette.Length] : NoBlocColour;

    /// <summary>An SVG marker for a bloc: colour and shape both tell the bloc.</summary>
    internal static string Marker(int? bloc, double x, double y, double r, string? extra = null)
    {
        var fill = Colour(bloc);
        var attrs = $" fill=\"{fill}\" stroke=\"#fff\" stroke-width=\"1\"{extra}";
        if (bloc is not { } b) return $"<circle cx=\"{HtmlText.N(x)}\" cy=\"{HtmlText.N(y)}\" r=\"{HtmlText.N(r * 0.8)}\" fill=\"#fff\" stroke=\"{fill}\" stroke-width=\"1.5\"{extra}/>";
        string P(params (double X, double Y)[] pts) => $"<path d=\"M{string.Join("L", pts.Select(p => HtmlText.N(x + p.X * r) + " " + HtmlText.N(y + p.Y * r)))}Z\"{attrs}/>";
        return ((b - 1) % 6) switch
        {
            0 => $"<circle cx=\"{HtmlText.N(x)}\" cy=\"{HtmlText.N(y)}\" r=\"{HtmlText.N(r)}\"{attrs}/>",
            1 => P((-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)),
            2 => P((0, -1.1), (1, 0.75), (-1, 0.75)),
            3 => P((0, -1.15), (1.15, 0), (0, 1.15), (-1.15, 0)),
            4 => P((0, 1.1), (1, -0.75), (-1, -0.75)),
            _ => P((-0.35, -1), (0.35, -1), (0.35, -0.35), (1, -0.35), (1, 0.35), (0.35, 0.35), (0.35, 1), (-0.35, 1), (-0.35, 0.35), (-1, 0.35), (-1, -0.35), (-0.35, -0.35)),
        };
    }

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("VoteAlign.Report." + name)
            ?? throw new InvalidOperationException($"The report asset {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>What every section needs: names, blocs and the drawing order.</summary>
    private sealed class Page
    {
        public Page(ReportData report)
        {
            Report = report;
            Body = report.Data.Records?.Body is { Length: > 0 } body ? body : report.Data.Name;
            var byId = report.Data.Members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Name);
            Names = [.. report.Data.Matrix.Members.Select(id => byId.TryGetValue(id, out var n) && n.Length > 0 ? n : id.Value)];
            var drawn = report.Order.ToHashSet();
            Hidden = [.. Enumerable.Range(0, Names.Length).Where(r => !drawn.Contains(r)).Select(r => Names[r])];
            BlocOrder = [.. report.Order.Select(r => report.Blocs.Result.Assignments[r].Bloc).Where(b => b is not null).Select(b => b!.Value).Distinct()];
        }

        public ReportData Report { get; }

        public string Body { get; }

        /// <summary>Display name per matrix row.</summary>
        public ImmutableArray<string> Names { get; }

        public List<string> Hidden { get; }

        /// <summary>Bloc numbers in drawing order (by mean position on the line).</summary>
        public ImmutableArray<int> BlocOrder { get; }

        public int? BlocOf(int row) => Report.Blocs.Result.Assignments[row].Bloc;
    }
}
