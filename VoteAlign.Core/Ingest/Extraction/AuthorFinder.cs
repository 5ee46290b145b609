namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Finds who wrote a report. The text naming its writer wins over a feed's "by" line, because feeds
/// re-post other people's reports under the feed owner's name: a title or opening line that names the writer
/// ("Ann Henderson reports from …", "Gemma Bolton's NEC Report", "Jess Barnard, Gemma Bolton and Yasmine Dar
/// report on …", "… report … by Gemma Bolton."), a signature line at the end ("Ann Henderson 22.09.22"), a
/// blog's name when the by-line is a generic account ("Mish Rahman's Blog" / "by Admin"), and a comment
/// thread's "Post author" badge whose handle contains a roster name ("aliceperryuk Post author").</summary>
internal static class AuthorFinder
{
    private static readonly HashSet<string> GenericAccounts = new(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "administrator", "editor", "webmaster", "staff", "team", "author", "guest", "contributor", "user",
    };

    public static List<string> Find(string[] lines, ReportSpan span, Roster roster, bool wholeFile)
    {
        // 1. Named in the header or the opening lines.
        foreach (var (_, text) in span.HeaderLines)
        {
            if (text == span.Channel) continue;
            var named = NamedWriters(text, roster, header: true);
            if (named.Count > 0) return named;
        }

        var opening = new List<(int Line, string Text)>();
        var seen = 0;
        for (var l = span.BodyFirstLine; l <= span.LastLine && seen < 3; l++)
        {
            var t = lines[l - 1].Trim();
            if (t.Length == 0) continue;
            opening.Add((l, t.Length > 400 ? t[..400] : t));
            seen++;
        }

        foreach (var (_, text) in opening)
        {
            var named = NamedWriters(text, roster, header: false);
            if (named.Count > 0) return named;
        }

        // 2. A signature among the last lines.
        // A roster name always counts; a name the roster lacks only when it closes the text after a finished
        // paragraph and no feed names a writer ("Unconscious Bias Training" ending a list is not a signature).
        var checkedLines = 0;
        var feedNamed = span.FeedAuthor is { Length: > 0 } f && !GenericAccounts.Contains(f);
        for (var l = span.LastLine; l >= span.BodyFirstLine && checkedLines < 4; l--)
        {
            var t = lines[l - 1].Trim();
            if (t.Length == 0) continue;
            checkedLines++;
            if (Signature(t, roster) is not { } sig) continue;
            if (roster.ByFullName(sig) is not null) return [sig];
            if (feedNamed) continue;
            var before = l - 1;
            while (before >= span.BodyFirstLine && lines[before - 1].Trim().Length == 0) before--;
            if (before >= span.BodyFirstLine && lines[before - 1].TrimEnd() is { Length: > 0 } prev && prev[^1] is '.' or '!' or '?' or '”' or '"') return [sig];
        }

        // 3. A generic feed account on a named blog.
        if (span.FeedAuthor is { } feed && GenericAccounts.Contains(feed) && span.Channel is { } channel)
        {
            var possessive = channel.IndexOf("'s ", StringComparison.Ordinal);
            if (possessive < 0) possessive = channel.IndexOf("’s ", StringComparison.Ordinal);
            if (possessive > 0 && Person(channel[..possessive], roster) is { } owner) return [owner];
        }

        if (span.FeedAuthor is { Length: > 0 } by && !GenericAccounts.Contains(by)) return [by];

        // 4. A comment thread's "Post author" badge (only for a file that is one report).
        if (wholeFile)
        {
            foreach (var line in lines)
            {
                var t = line.Trim();
                if (!t.EndsWith("Post author", StringComparison.Ordinal)) continue;
                var handle = Roster.Key(t[..^"Post author".Length]).Replace(" ", "", StringComparison.Ordinal);
                var match = roster.Members.Where(m => handle.Length >= 4 && handle.Contains(Roster.Key(m.Name).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal)).ToList();
                if (match.Count == 1) return [match[0].Name];
            }
        }

        return [];
    }

    // "Jess Barnard, Gemma Bolton and Yasmine Dar report on …", "Ann Henderson reports from …", "Gemma
    // Bolton's NEC Report", "Gemma Bolton – NEC Report …", "Report from NEC Equalities Committee from Ann
    // Henderson", "See below for a report … by Gemma Bolton.", "Ann Henderson, NEC CLP section".
    private static List<string> NamedWriters(string text, Roster roster, bool header)
    {
        var tokens = Tokenizer.Tokenize(text);
        var names = NameFinder.Find(text, tokens, roster).Where(n => n.IsFullName).ToList();
        if (names.Count == 0) return [];
        var first = names[0];
        var lead = first.StartToken == 0;
        if (lead)
        {
            // A list of names at the start, then "report(s)" or "'s … report|update" or a dash.
            var list = new List<NameMention> { first };
            var k = first.EndToken;
            foreach (var n in names.Skip(1))
            {
                var gap = tokens[k..n.StartToken];
                if (gap.All(t => t.IsPunct(',') || t.Norm == "and")) { list.Add(n); k = n.EndToken; }
                else break;
            }

            var after = k < tokens.Length ? tokens[k].Norm : "";
            var possessive = tokens[first.EndToken - 1].Norm.EndsWith("'s", StringComparison.Ordinal);
            var reportsVerb = after is "report" or "reports" or "reporting" && k + 1 < tokens.Length && tokens[k + 1].Norm is "on" or "from" or "back";
            var titleForm = header && (possessive || (k < tokens.Length && tokens[k].IsDash) ||
                (after is "nec" && k + 1 < tokens.Length && tokens[k + 1].Norm is "report" or "update"));
            var roleLine = text.Length <= 60 && after is "," && k + 1 < tokens.Length && tokens[k + 1].Norm is "nec" or "clp" or "member";
            var oneOf = after is "," && k + 2 < tokens.Length && tokens[k + 1].Norm is "one" && tokens[k + 2].Norm == "of" && text.Contains(" report", StringComparison.OrdinalIgnoreCase);
            if (reportsVerb || titleForm || roleLine || oneOf)
                return list.Select(n => Display(n, roster)).ToList();
        }

        var last = names[^1];
        if (last.StartToken > 0 && tokens[last.StartToken - 1].Norm is "by" or "from")
        {
            var lower = text.ToLowerInvariant();
            if (lower.Contains("report", StringComparison.Ordinal) || lower.Contains("update", StringComparison.Ordinal))
                if (last.EndToken >= tokens.Length - 1) return [Display(last, roster)];
        }

        // "Please see below Gemma Bolton's report from …"
        var below = header || text.Contains("see below", StringComparison.OrdinalIgnoreCase) || text.Contains("here is", StringComparison.OrdinalIgnoreCase);
        foreach (var n in names)
            if (below && tokens[n.EndToken - 1].Norm.EndsWith("'s", StringComparison.Ordinal) && n.EndToken < tokens.Length && tokens[n.EndToken].Norm is "report" or "update" or "nec")
                return [Display(n, roster)];
        return [];
    }

    // A line that is a name alone, or a name and a date or role: "Ann Henderson", "Ann Henderson 22.09.22".
    private static string? Signature(string text, Roster roster)
    {
        if (text.Length > 80) return null;
        var tokens = Tokenizer.Tokenize(text);
        var names = NameFinder.Find(text, tokens, roster).Where(n => n.IsFullName).ToList();
        if (names.Count != 1 || names[0].StartToken != 0) return null;
        var rest = tokens[names[0].EndToken..];
        var restOk = rest.Length == 0 || rest.All(t => t.Kind != TokenKind.Word) || rest.Length <= 6 && rest[0].IsPunct(',');
        return restOk ? Display(names[0], roster) : null;
    }

    private static string? Person(string text, Roster roster)
    {
        var tokens = Tokenizer.Tokenize(text);
        var names = NameFinder.Find(text, tokens, roster).Where(n => n.IsFullName).ToList();
        return names.Count == 1 ? Display(names[0], roster) : null;
    }

    private static string Display(NameMention n, Roster roster)
    {
        if (n.Member is not null) return n.Member.Name;
        var t = n.Text;
        if (t.EndsWith("'s", StringComparison.Ordinal) || t.EndsWith("’s", StringComparison.Ordinal)) t = t[..^2];
        return t;
    }
}
