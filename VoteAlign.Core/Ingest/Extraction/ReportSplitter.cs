using System.Globalization;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Splits a file into reports. An aggregated feed ("planet") ends each post with a line "by AUTHOR at
/// DATE" and may put a day heading ("July 29, 2023") and a blog name above the post's title; anything else is
/// one report, whose title is its first line. A report's text stops where a comment thread or a sidebar
/// starts ("2 thoughts on …", "Leave a Reply", "Similar stories", "More from this author").</summary>
internal static class ReportSplitter
{
    private static readonly string[] TrailerStarts =
    [
        "leave a reply", "leave a comment", "similar stories", "related stories", "related posts", "related articles",
        "more from this author", "share this:", "like this:", "you might also like", "read more:", "comments",
        "subscribe to continue reading", "you have reached the free limit",
    ];

    public static List<ReportSpan> Split(string[] lines)
    {
        var byLines = new List<(int Line, string Who, DateOnly Date)>();
        for (var i = 0; i < lines.Length; i++)
            if (TryByLine(lines[i], out var who, out var date)) byLines.Add((i + 1, who, date));

        if (byLines.Count == 0) return lines.Length == 0 ? [] : [Single(lines)];

        var spans = new List<ReportSpan>();
        var start = 1;
        string? channel = null;
        foreach (var (line, who, date) in byLines)
        {
            var span = Post(lines, start, line - 1, who, date, ref channel);
            if (span is not null) spans.Add(span);
            start = line + 1;
        }

        return spans;
    }

    private static ReportSpan Single(string[] lines)
    {
        var first = 1;
        while (first <= lines.Length && (string.IsNullOrWhiteSpace(lines[first - 1]) || IsBoilerplate(lines[first - 1]))) first++;
        var last = TextEnd(lines, first, lines.Length);
        string? title = null;
        int? titleLine = null;
        if (first <= lines.Length && lines[first - 1].Trim().Length <= 200)
        {
            title = lines[first - 1].Trim();
            titleLine = first;
        }

        var header = titleLine is { } t ? new List<(int, string)> { (t, title!) } : [];
        return new ReportSpan(first, last, first, title, titleLine, header, null, null, null);
    }

    private static ReportSpan? Post(string[] lines, int first, int last, string who, DateOnly date, ref string? channel)
    {
        var header = new List<(int Line, string Text)>();
        var afterDate = false;
        var body = first;
        for (var i = first; i <= last; i++)
        {
            var text = lines[i - 1].Trim();
            if (text.Length == 0)
            {
                body = i + 1;
                continue;
            }

            if (DateFinder.WholeLine(text) is not null)
            {
                afterDate = true;
                header.Clear();
                body = i + 1;
                continue;
            }

            if (!IsHeaderLike(text)) break;
            header.Add((i, text));
            body = i + 1;
            if (header.Count >= 4) break;
        }

        // With a day heading, the first line under it is the blog; otherwise two header lines are blog + title.
        string? title = null;
        int? titleLine = null;
        if (header.Count > 0)
        {
            if ((afterDate || header.Count >= 2) && header.Count >= 2) channel = header[0].Text;
            else if (afterDate && header.Count == 1)
            {
                // A day heading and a single line: that line is the blog, the post has no title.
                channel = header[0].Text;
                header.Clear();
            }

            if (header.Count > 0 && !(header.Count == 1 && header[0].Text == channel))
            {
                // The title is the last header line, or the last one that carries a date.
                var blog = channel;
                var dated = header.LastOrDefault(h => h.Text != blog && DateFinder.Find(h.Text, Tokenizer.Tokenize(h.Text)).Count > 0);
                var chosen = dated.Text is not null ? dated : header[^1];
                title = chosen.Text;
                titleLine = chosen.Line;
            }
        }

        var end = TextEnd(lines, body, last);
        return new ReportSpan(first, end, body, title, titleLine, header, Clean(who), date, channel);
    }

    // Site furniture above an article ("Skip to main content", "Menu").
    private static bool IsBoilerplate(string line)
    {
        var t = line.Trim().ToLowerInvariant();
        return t.StartsWith("skip to", StringComparison.Ordinal) || t is "menu" or "home" or "search" or "close" or "main menu";
    }

    private static bool IsHeaderLike(string text)
    {
        if (text.Length > 150) return false;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 20) return false;
        return text[^1] is not ('.' or '!' or '?' or ':' or ';') || words <= 3;
    }

    private static int TextEnd(string[] lines, int from, int last)
    {
        for (var i = from; i <= last; i++)
        {
            var t = lines[i - 1].Trim().ToLowerInvariant();
            if (t.Length == 0) continue;
            if (TrailerStarts.Any(s => t == s || t.StartsWith(s + " ", StringComparison.Ordinal) && t.Length < 60)) return i - 1;
            // WordPress: "2 thoughts on “Labour NEC Report – 29 September 2020"
            var tokens = t.Split(' ', 4);
            if (tokens.Length >= 3 && int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) &&
                tokens[1] is "thoughts" or "responses" or "comments" or "replies" or "thought" or "response" or "comment" && tokens[2] == "on")
                return i - 1;
        }

        return last;
    }

    /// <summary>"by Ann Black at July 29, 2023 11:10 AM" (a feed's post footer).</summary>
    public static bool TryByLine(string line, out string who, out DateOnly date)
    {
        who = "";
        date = default;
        var text = line.Trim();
        if (text.Length > 160 || !text.StartsWith("by ", StringComparison.Ordinal)) return false;
        var at = text.LastIndexOf(" at ", StringComparison.Ordinal);
        if (at < 4) return false;
        var rest = text[(at + 4)..].Trim();
        // Drop a trailing time ("11:10 AM").
        var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count >= 2 && parts[^1] is "AM" or "PM" or "am" or "pm") parts.RemoveAt(parts.Count - 1);
        if (parts.Count >= 1 && parts[^1].Contains(':', StringComparison.Ordinal)) parts.RemoveAt(parts.Count - 1);
        var d = DateFinder.WholeLine(string.Join(' ', parts));
        if (d is null) return false;
        date = d.Value;
        who = text[3..at];
        return true;
    }

    // "Luke Akehurst (" → "Luke Akehurst"
    private static string Clean(string who) => who.Trim().TrimEnd('(', ' ', '-', '–', ',').Trim();
}
