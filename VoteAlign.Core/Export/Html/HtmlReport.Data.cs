using System.Globalization;
using Newtonsoft.Json;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Html;

/// <summary>The splits table's frame, the blocs-over-time table, and the data the page's script draws from: agreement
/// as two arrays of 16-bit numbers (the upper triangle, base64), and the motions as compact JSON rows.</summary>
public static partial class HtmlReport
{
    /// <summary>Marks an unknown agreement in the 16-bit heatmap array (agreement is stored in units of 1/10000).</summary>
    internal const ushort NoAgreement = ushort.MaxValue;

    private static void WriteSplits(Page page, TextWriter w)
    {
        var r = page.Report;
        var count = r.Splits.Length;
        w.Write("<section id=\"splits\" aria-labelledby=\"splits-h\">\n<h2 id=\"splits-h\">Per-motion splits</h2>\n");
        w.Write("<p>Each motion with its tally (for–against–abstain), margin and outcome, and how each bloc voted. "
            + "The bloc-line score is the share of the known cast votes that went with their own bloc's majority (1: every bloc voted as one). "
            + "Click a column heading to sort (again to reverse); open a title to read its sources.</p>\n");
        w.Write("<div class=\"vote-key\" aria-label=\"Bar key\"><span><i class=\"v-for\"></i>for (F)</span><span><i class=\"v-against\"></i>against (A)</span>"
            + "<span><i class=\"v-abstain\"></i>abstain (Ab)</span><span><i class=\"v-absent\"></i>absent (–)</span><span><i class=\"v-unknown\"></i>unknown (?)</span>"
            + "<span><i class=\"v-for inferred\"></i>hatched: inferred by reconstruction, not evidence</span></div>\n");
        if (count > r.Options.SplitsPageSize)
            w.Write($"<p class=\"note\">{HtmlText.Count(count)} motions: the table shows {HtmlText.Count(r.Options.SplitsPageSize)} rows at a time (use the pager); sorting orders all of them.</p>\n");
        w.Write("<p id=\"splits-status\" class=\"readout\" aria-live=\"polite\"></p>\n");
        w.Write("<div class=\"table-wrap\"><table id=\"splits-table\">\n<caption>Motions and how the blocs split</caption>\n<thead><tr>");
        foreach (var (key, label) in new[] { ("date", "Date"), ("title", "Motion"), ("tally", "Tally"), ("margin", "Margin"), ("outcome", "Outcome"), ("line", "Bloc line") })
            w.Write($"<th scope=\"col\" aria-sort=\"none\" data-key=\"{key}\"><button type=\"button\">{label}</button></th>");
        w.Write("<th scope=\"col\" data-key=\"blocs\">Blocs</th></tr></thead>\n<tbody></tbody>\n</table></div>\n");
        w.Write("<div class=\"pager\"><button type=\"button\" id=\"splits-prev\">Previous</button><span id=\"splits-page\"></span><button type=\"button\" id=\"splits-next\">Next</button></div>\n");
        w.Write("<noscript><p class=\"note\">The table is drawn by the page's own script, which is turned off.</p></noscript>\n</section>\n");
    }

    private static void WriteTimeline(Page page, TextWriter w)
    {
        var r = page.Report;
        var timeline = r.Timeline!;
        w.Write("<section id=\"timeline\" aria-labelledby=\"timeline-h\">\n<h2 id=\"timeline-h\">Blocs over time</h2>\n");
        w.Write($"<p>Blocs found in each window on its own, numbered to match the previous window's bloc they share most members with. "
            + $"A cell gives the member's bloc in that window (— when the window gives too little evidence to place them). {Plural(timeline.Moves.Length, "move")} between windows.</p>\n");
        w.Write("<div class=\"table-wrap\"><table id=\"timeline-table\">\n<caption>Each member's bloc per window</caption>\n<thead><tr><th scope=\"col\">Member</th>");
        foreach (var (window, blocs) in timeline.Windows)
            w.Write($"<th scope=\"col\">{HtmlText.Encode(window.Label)}<br><small>k = {blocs.K}</small></th>");
        w.Write("</tr></thead>\n<tbody>\n");
        var perWindow = timeline.Windows.Select(t => t.Blocs.Assignments.ToDictionary(a => a.Member, a => a.Bloc)).ToList();
        foreach (var row in r.Order)
        {
            var id = r.Data.Matrix.Members[row];
            w.Write($"<tr><th scope=\"row\">{HtmlText.Encode(page.Names[row])}</th>");
            int? before = null;
            foreach (var blocs in perWindow)
            {
                var bloc = blocs.GetValueOrDefault(id);
                var moved = bloc is not null && before is not null && bloc != before;
                w.Write(bloc is { } b
                    ? $"<td class=\"bloc-cell{(moved ? " moved" : "")}\" style=\"--c:{Colour(b)}\">{b}{(moved ? "<span class=\"sr\"> (moved)</span>" : "")}</td>"
                    : "<td class=\"bloc-cell none\">—</td>");
                if (bloc is not null) before = bloc;
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody>\n</table></div>\n<p class=\"note\">A bold, outlined cell: the member sat with another bloc than in the window before.</p>\n</section>\n");
    }

    private static void WriteData(Page page, TextWriter w)
    {
        var r = page.Report;
        // EscapeHtml writes <, >, &, ' and " inside strings as \u003c and so on, so no name or quote can close the
        // script element or open markup.
        using var json = new JsonTextWriter(w) { CloseOutput = false, Formatting = Formatting.None, StringEscapeHandling = StringEscapeHandling.EscapeHtml };
        json.WriteStartObject();
        json.WritePropertyName("members");
        json.WriteStartArray();
        foreach (var row in r.Order)
        {
            json.WriteStartArray();
            json.WriteValue(r.Data.Matrix.Members[row].Value);
            json.WriteValue(page.Names[row]);
            json.WriteValue(page.BlocOf(row));
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WritePropertyName("colours");
        json.WriteStartObject();
        foreach (var b in page.BlocOrder)
        {
            json.WritePropertyName(b.ToString(CultureInfo.InvariantCulture));
            json.WriteValue(Colour(b));
        }

        json.WriteEndObject();
        var (agree, shared) = HeatmapArrays(r);
        json.WritePropertyName("heat");
        json.WriteStartObject();
        json.WritePropertyName("expected");
        json.WriteValue(r.Agreement.IsExpected);
        json.WritePropertyName("agree");
        json.WriteValue(Convert.ToBase64String(agree));
        json.WritePropertyName("shared");
        json.WriteValue(Convert.ToBase64String(shared));
        json.WriteEndObject();
        WriteSplitData(page, json);
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>The heatmap's upper triangle (diagonal included) in drawing order, row by row, as little-endian 16-bit
    /// numbers: agreement × 10000 rounded (<see cref="NoAgreement"/> when the pair shares no vote), and shared votes
    /// (rounded expectations over a reconstruction; capped at 65535).</summary>
    internal static (byte[] Agree, byte[] Shared) HeatmapArrays(ReportData r)
    {
        var n = r.Order.Length;
        var cells = n * (n + 1) / 2;
        var agree = new byte[2 * cells];
        var shared = new byte[2 * cells];
        var t = 0;
        for (var i = 0; i < n; i++)
            for (var j = i; j < n; j++, t++)
            {
                var (a, b) = (r.Order[i], r.Order[j]);
                var value = r.Agreement.ValueAt(a, b) is { } v && r.Agreement.SharedAt(a, b) > 0 ? (ushort)Math.Round(v * 10000) : NoAgreement;
                var count = (ushort)Math.Min(ushort.MaxValue, Math.Round(r.Agreement.SharedAt(a, b)));
                agree[2 * t] = (byte)value;
                agree[2 * t + 1] = (byte)(value >> 8);
                shared[2 * t] = (byte)count;
                shared[2 * t + 1] = (byte)(count >> 8);
            }

        return (agree, shared);
    }

    private static void WriteSplitData(Page page, JsonTextWriter json)
    {
        var r = page.Report;
        var groups = r.Splits.Select(s => s.Blocs.Select(b => b.Group)).FirstOrDefault()?.ToList() ?? [];
        var inferred = r.Splits.Any(s => s.Blocs.Any(b => b.InferredFor + b.InferredAgainst + b.InferredAbstain + b.InferredAbsent > 0));
        json.WritePropertyName("splits");
        json.WriteStartObject();
        json.WritePropertyName("pageSize");
        json.WriteValue(r.Options.SplitsPageSize);
        json.WritePropertyName("groups");
        json.WriteStartArray();
        foreach (var g in groups) json.WriteValue(g);
        json.WriteEndArray();
        json.WritePropertyName("inferred");
        json.WriteValue(inferred);
        // One row per motion: id, date, title, for, against, abstain, margin, outcome, bloc line, then per group
        // for, against, abstain, absent, unknown (and, with a reconstruction, inferred for, against, abstain, absent),
        // then the sources as [report, author, line, quote].
        json.WritePropertyName("rows");
        json.WriteStartArray();
        foreach (var s in r.Splits)
        {
            var m = s.Motion;
            json.WriteStartArray();
            json.WriteValue(m.Id.Value);
            json.WriteValue(s.Date is { } d ? Date(d) : null);
            json.WriteValue(m.Title);
            json.WriteValue(m.Tally?.For);
            json.WriteValue(m.Tally?.Against);
            json.WriteValue(m.Tally?.Abstain);
            json.WriteValue(s.Margin);
            json.WriteValue(ModelNames.Name(m.Outcome) + (m.Unanimous ? ", unanimous" : m.NemCon ? ", nem con" : "")
                + (s.Conflicts.Length > 1 ? $", sources disagree ({string.Join(" vs ", s.Conflicts.Select(TallyText))})" : ""));
            json.WriteValue(s.BlocLine is { } line ? Math.Round(line, 4) : null);
            json.WriteStartArray();
            foreach (var b in s.Blocs)
            {
                json.WriteValue(b.For);
                json.WriteValue(b.Against);
                json.WriteValue(b.Abstain);
                json.WriteValue(b.Absent);
                json.WriteValue(b.Unknown);
                if (!inferred) continue;
                json.WriteValue(b.InferredFor);
                json.WriteValue(b.InferredAgainst);
                json.WriteValue(b.InferredAbstain);
                json.WriteValue(b.InferredAbsent);
            }

            json.WriteEndArray();
            json.WriteStartArray();
            foreach (var src in m.Sources)
            {
                json.WriteStartArray();
                json.WriteValue(src.Report);
                json.WriteValue(src.Author);
                json.WriteValue(src.Line);
                json.WriteValue(src.Quote);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string TallyText(Tally t) =>
        $"{t.For?.ToString(CultureInfo.InvariantCulture) ?? "?"}-{t.Against?.ToString(CultureInfo.InvariantCulture) ?? "?"}" + (t.Abstain is { } a ? $"-{a}" : "");
}
