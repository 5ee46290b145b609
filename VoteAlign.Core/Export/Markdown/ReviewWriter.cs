using System.Globalization;
using VoteAlign.Core.Ingest.Extraction;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Markdown;

/// <summary>Writes an extraction's review as Markdown: a summary, the warnings, then each input file line by
/// line, every quoted sentence once with the facts read from it and the candidates rejected in it. Facts at
/// low confidence are the ones to check first.</summary>
public static class ReviewWriter
{
    /// <summary>Writes the review of <paramref name="result"/>.</summary>
    /// <param name="result">An extraction result.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static void Write(ExtractionResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var r = result.Records;
        var counted = r.Motions.Count(m => m.Tally is { For: not null, Against: not null });
        var consensus = r.Motions.Count(m => m.Unanimous || m.NemCon);
        var rejected = result.Review.Count(i => i.Kind == ReviewKind.Rejected);
        var low = result.Review.Count(i => i.Confidence == Confidence.Low);
        writer.WriteLine("# Extraction review");
        writer.WriteLine();
        writer.WriteLine($"{r.Reports.Length} reports · {r.Meetings.Length} meetings · {r.Motions.Length} motions ({counted} with a count, {consensus} unanimous or nem con) · " +
                         $"{r.Positions.Length} positions · {r.GroupPositions.Length} group statements · {rejected} rejected candidates · {result.Warnings.Length} warnings");
        writer.WriteLine();
        writer.WriteLine("Confidence: **high** read off an explicit statement; **medium** one inference (a reference back, a side's loss, a mover); " +
                         $"**low** more than one (a direction assumed, a speech, a vote in another report). {low} items are low: check those first.");
        writer.WriteLine();
        if (result.Warnings.Length > 0)
        {
            writer.WriteLine("## Warnings");
            writer.WriteLine();
            foreach (var w in result.Warnings) writer.WriteLine($"- {Escape(w.ToString())}");
            writer.WriteLine();
        }

        foreach (var doc in result.Review.GroupBy(i => i.Document))
        {
            writer.WriteLine($"## {Escape(doc.Key)}");
            writer.WriteLine();
            foreach (var line in doc.GroupBy(i => i.Line))
            {
                var report = line.Select(i => i.Report).FirstOrDefault(x => x is not null);
                writer.WriteLine(line.Key is { } l
                    ? $"### Line {l.ToString(CultureInfo.InvariantCulture)}{(report is null ? "" : $" ({Escape(report)})")}"
                    : "### (no line)");
                writer.WriteLine();
                foreach (var quote in line.GroupBy(i => i.Quote))
                {
                    if (quote.Key.Length > 0) writer.WriteLine($"> {Escape(quote.Key)}");
                    writer.WriteLine();
                    foreach (var item in quote)
                    {
                        var verdict = item.Kind == ReviewKind.Rejected ? "**rejected** " : Label(item.Kind);
                        var confidence = item.Confidence is { } c ? $" — {c.ToString().ToLowerInvariant()}" : "";
                        var reason = item.Reason is { Length: > 0 } why ? $" — {Escape(why)}" : "";
                        writer.WriteLine($"- {verdict}{Escape(item.Fact)}{confidence}{reason}");
                    }

                    writer.WriteLine();
                }
            }
        }
    }

    private static string Label(ReviewKind kind) => kind switch
    {
        ReviewKind.Report => "",
        ReviewKind.Meeting => "",
        ReviewKind.Motion => "",
        ReviewKind.Position => "position: ",
        ReviewKind.GroupPosition => "group: ",
        _ => "",
    };

    // Markdown would read "*", "_", "#", "<" and a leading ">" as markup; quotes must stay readable as written.
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
