namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A date written in a sentence, as precise as the text makes it.</summary>
/// <param name="Year">The year, if written.</param>
/// <param name="Month">The month (1-12), if written.</param>
/// <param name="Day">The day of the month, if written.</param>
/// <param name="LastDay">For a range of days ("24/28 September"), the last day.</param>
/// <param name="DayOfWeek">A weekday written with it or alone ("Tuesday 20 September", "on Saturday").</param>
/// <param name="Relative">"today", "yesterday" or "last" (last Tuesday), when the date is relative.</param>
/// <param name="StartToken">First token.</param>
/// <param name="EndToken">One past the last token.</param>
internal sealed record DateMention(int? Year, int? Month, int? Day, int? LastDay, DayOfWeek? DayOfWeek, string? Relative, int StartToken, int EndToken)
{
    /// <summary>Whether day, month and year are all written.</summary>
    public bool IsExact => Year is not null && Month is not null && Day is not null && LastDay is null;

    /// <summary>The date, filling a missing year from <paramref name="reference"/> (the most recent such date
    /// on or before it) and resolving relative forms; <c>null</c> when it cannot be fixed.</summary>
    public DateOnly? Resolve(DateOnly? reference)
    {
        if (LastDay is not null) return null;
        if (Relative is not null)
        {
            if (reference is not { } r) return null;
            switch (Relative)
            {
                case "today": return r;
                case "yesterday": return r.AddDays(-1);
                default:
                    if (DayOfWeek is not { } dow) return null;
                    // "on Tuesday", "last Tuesday": the latest such day before the reference date.
                    var d = r.AddDays(-1);
                    while (d.DayOfWeek != dow) d = d.AddDays(-1);
                    return d;
            }
        }

        if (Month is not { } m || Day is not { } day) return null;
        if (Year is { } y) return Make(y, m, day);
        if (reference is not { } rf) return null;
        var same = Make(rf.Year, m, day);
        if (same is { } s && s <= rf.AddDays(1)) return s;
        return Make(rf.Year - 1, m, day);
    }

    private static DateOnly? Make(int y, int m, int d) =>
        y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}
