namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Works out which meeting a report covers: a date in its title ("NEC Report – 20 September 2022",
/// "NEC Meeting, 25 July 2023", "… – 24.05.2022", "… – 20th July" with the year of publication), else a
/// meeting sentence near the top ("The NEC met on Tuesday 20 September", "met yesterday 20th July 2021",
/// "met today, September 29th"), else a relative phrase resolved from the publication date ("the latest NEC
/// meeting on Tuesday", "Yesterday's NEC meeting"). A relative date that contradicts a month in the title
/// (a re-post) is not used; a span of days in the title ("24/28 September") is narrowed by a weekday in the
/// text ("the NEC meeting on Saturday evening").</summary>
internal static class MeetingDater
{
    public static MeetingRef Date(string? title, IReadOnlyList<Sentence> sentences, DateOnly? published)
    {
        var body = BodyOf(title, sentences);
        int? year = null, month = null, first = null, last = null;
        if (title is not null)
        {
            var tokens = Tokenizer.Tokenize(title);
            foreach (var d in DateFinder.Find(title, tokens))
            {
                if (d.Relative is not null) continue;
                if (d.LastDay is not null && d.Month is not null)
                {
                    year = d.Year ?? published?.Year;
                    month = d.Month;
                    first = d.Day;
                    last = d.LastDay;
                    continue;
                }

                if (d.Day is not null && d.Resolve(published) is { } exact)
                    return new MeetingRef(exact, exact.Year, exact.Month, null, null, body, title, null, d.Year is null ? "year taken from the publication date" : null);
                if (d.Month is not null && d.Year is not null)
                {
                    year = d.Year;
                    month = d.Month;
                }
            }
        }

        var looked = 0;
        string? note = null;
        foreach (var s in sentences)
        {
            if (++looked > 10) break;
            var tokens = s.Tokens;
            if (!tokens.Any(t => t.Norm is "met" or "meet" or "meets" or "meeting" or "meeting's" or "held" or "gathered" or "nec" or "nec's" or "committee")) continue;
            if (tokens.Any(t => t.Norm is "next" or "will" or "forthcoming" or "upcoming")) continue;
            foreach (var d in DateFinder.Find(s.Text, tokens))
            {
                DateOnly? when;
                if (d.Relative is not null && first is not null && d.DayOfWeek is { } dow && year is { } y && month is { } m)
                {
                    // A weekday inside the title's span of days.
                    when = null;
                    for (var day = first.Value; day <= last!.Value && day <= DateTime.DaysInMonth(y, m); day++)
                        if (new DateOnly(y, m, day).DayOfWeek == dow) when = new DateOnly(y, m, day);
                    if (when is not null) return new MeetingRef(when, y, m, null, null, body, s.Text, s.Line, $"the {dow} within the span of days in the title");
                    continue;
                }

                when = d.Resolve(published);
                if (when is not { } w) continue;
                if (month is not null && (w.Month != month || w.Year != year))
                {
                    note = $"'{s.Text[tokens[d.StartToken].Start..tokens[d.EndToken - 1].End]}' resolves to {w:yyyy-MM-dd}, outside the month in the title: not used";
                    continue;
                }

                if (first is not null && (w.Day < first || w.Day > last)) continue;
                var how = d.Relative is not null ? $"'{d.Relative}' counted from the publication date" : d.Year is null ? "year taken from the publication date" : null;
                return new MeetingRef(w, w.Year, w.Month, null, null, body, s.Text, s.Line, how);
            }
        }

        if (first is not null) return new MeetingRef(null, year, month, first, last, body, title, null, "the title gives a span of days");
        if (month is not null) return new MeetingRef(null, year, month, null, null, body, title, null, note ?? "the title gives only the month");
        return MeetingRef.Unknown(body) with { Note = note };
    }

    private static string BodyOf(string? title, IReadOnlyList<Sentence> sentences)
    {
        var text = (title ?? "") + " " + string.Join(' ', sentences.Take(2).Select(s => s.Text));
        var lower = text.ToLowerInvariant();
        var titleLower = (title ?? "").ToLowerInvariant();
        if (lower.Contains("away day", StringComparison.Ordinal) || lower.Contains("awayday", StringComparison.Ordinal)) return "NEC Away Day";
        if (titleLower.Contains("equalities committee", StringComparison.Ordinal)) return "NEC Equalities Committee";
        if (titleLower.Contains("organisation committee", StringComparison.Ordinal)) return "Organisation Committee";
        if (titleLower.Contains("regional", StringComparison.Ordinal)) return title!.Split(',')[0].Trim();
        if (titleLower.Contains("national policy forum", StringComparison.Ordinal)) return "National Policy Forum";
        if (titleLower.Contains("women's committee", StringComparison.Ordinal) || titleLower.Contains("women’s committee", StringComparison.Ordinal)) return "National Women's Committee";
        // A report of another body than the NEC (a council, a board) gets a neutral name.
        var nec = Tokenizer.Tokenize(text).Any(t => t.Norm is "nec" or "nec's" or "necs");
        return nec || lower.Contains("national executive", StringComparison.Ordinal) ? "NEC" : "meeting";
    }
}
