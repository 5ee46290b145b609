using System.Globalization;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Finds dates in tokenised text: "25 July 2023", "25th January 2022", "July 21st 2021",
/// "September 29th", "July 29, 2023", "24.05.2022", "22.09.22", "24/28 September 2022", "May 2022",
/// "Tuesday 20 September", and the relative "today", "yesterday", "last Tuesday", "on Tuesday".</summary>
internal static class DateFinder
{
    public static List<DateMention> Find(string text, Token[] tokens)
    {
        var found = new List<DateMention>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var m = TryAt(text, tokens, i);
            if (m is null) continue;
            found.Add(m);
            i = m.EndToken - 1;
        }

        return found;
    }

    private static DateMention? TryAt(string text, Token[] tokens, int i)
    {
        var t = tokens[i];
        DayOfWeek? dow = null;
        var start = i;
        if (t.Kind == TokenKind.Word && Lexicon.Days.TryGetValue(t.Norm, out var d0))
        {
            dow = d0;
            var j = i + 1;
            if (j < tokens.Length && tokens[j].IsPunct(',')) j++;
            var rest = j < tokens.Length ? TryAt(text, tokens, j) : null;
            if (rest is not null && rest.DayOfWeek is null && rest.Relative is null) return rest with { DayOfWeek = dow, StartToken = start };
            var relative = i > 0 && tokens[i - 1].Norm is "last" or "on" or "this" or "past" ? "last" : null;
            return relative is null ? null : new DateMention(null, null, null, null, dow, relative, i - 1, i + 1);
        }

        if (t.Kind == TokenKind.Word && t.Norm is "today" or "yesterday" or "today's" or "yesterday's" or "tonight")
            return new DateMention(null, null, null, null, null, t.Norm.StartsWith("yesterday", StringComparison.Ordinal) ? "yesterday" : "today", i, i + 1);

        if (t.Kind == TokenKind.Number && t.Value < 0 && t.Digits is 6 or 8)
        {
            // 24.05.2022, 22.09.22
            var raw = text.Substring(t.Start, t.Length);
            string[] formats = ["d.M.yyyy", "dd.MM.yyyy", "d.M.yy", "dd.MM.yy"];
            if (DateOnly.TryParseExact(raw, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
                return new DateMention(exact.Year, exact.Month, exact.Day, null, null, null, i, i + 1);
            return null;
        }

        // 20/9/2016, 20/09/16 (day first, as written in the UK)
        if (t.Kind == TokenKind.Number && t.Value is >= 1 and <= 31 && i + 4 < tokens.Length && tokens[i + 1].IsPunct('/') && tokens[i + 3].IsPunct('/')
            && tokens[i + 2].Kind == TokenKind.Number && tokens[i + 2].Value is >= 1 and <= 12 && tokens[i + 4].Kind == TokenKind.Number && tokens[i + 4].Digits is 2 or 4
            && !tokens[i + 1].SpaceBefore && !tokens[i + 2].SpaceBefore && !tokens[i + 3].SpaceBefore && !tokens[i + 4].SpaceBefore)
        {
            var y = tokens[i + 4].Value < 100 ? 2000 + tokens[i + 4].Value : tokens[i + 4].Value;
            return new DateMention(y, tokens[i + 2].Value, t.Value, null, null, null, i, i + 5);
        }

        if (t.Kind == TokenKind.Number && t.Value is >= 1 and <= 31)
        {
            // D[th] [of] MONTH [,] [YEAR] | D/D MONTH [YEAR] | D-D MONTH
            var j = i + 1;
            int? last = null;
            if (j + 1 < tokens.Length && (tokens[j].IsPunct('/') || tokens[j].IsDash) && tokens[j + 1].Kind == TokenKind.Number && tokens[j + 1].Value is >= 1 and <= 31)
            {
                last = tokens[j + 1].Value;
                j += 2;
            }

            if (j < tokens.Length && !tokens[j].SpaceBefore && tokens[j].Norm is "st" or "nd" or "rd" or "th") j++;
            if (j < tokens.Length && tokens[j].Norm == "of") j++;
            if (j >= tokens.Length || !IsMonth(text, tokens[j], strict: false, out var month)) return null;
            j++;
            var year = TryYear(tokens, ref j);
            return new DateMention(year, month, t.Value, last, null, null, i, j);
        }

        if (t.Kind == TokenKind.Word && IsMonth(text, t, strict: true, out var mon))
        {
            // MONTH D[th] [,] [YEAR] | MONTH YEAR
            var j = i + 1;
            if (j < tokens.Length && tokens[j].Kind == TokenKind.Number && tokens[j].Value is >= 1 and <= 31 && tokens[j].Digits <= 2)
            {
                var day = tokens[j].Value;
                j++;
                if (j < tokens.Length && !tokens[j].SpaceBefore && tokens[j].Norm is "st" or "nd" or "rd" or "th") j++;
                var save = j;
                var year = TryYear(tokens, ref j);
                if (year is null) j = save;
                return new DateMention(year, mon, day, null, null, null, i, j);
            }

            var k = i + 1;
            var y = TryYear(tokens, ref k);
            return y is null ? null : new DateMention(y, mon, null, null, null, null, i, k);
        }

        return null;
    }

    private static int? TryYear(Token[] tokens, ref int j)
    {
        var k = j;
        if (k < tokens.Length && tokens[k].IsPunct(',')) k++;
        if (k < tokens.Length && tokens[k].Kind == TokenKind.Number && tokens[k].Digits == 4 && tokens[k].Value is >= 1900 and <= 2200)
        {
            j = k + 1;
            return tokens[k].Value;
        }

        return null;
    }

    // "May" is a month only when capitalised, or next to a number; every other month name always.
    private static bool IsMonth(string text, Token t, bool strict, out int month)
    {
        month = 0;
        if (t.Kind != TokenKind.Word || !Lexicon.Months.TryGetValue(t.Norm, out month)) return false;
        if (t.Norm is "may" or "mar" or "jan" or "dec" or "sep" or "oct" or "nov" or "aug" or "jun" or "jul" or "apr" or "feb")
            return !strict || char.IsUpper(text[t.Start]);
        return true;
    }

    /// <summary>Parses a whole line that is only a date ("July 29, 2023", "29 July 2023"), as a feed prints
    /// its day headings.</summary>
    public static DateOnly? WholeLine(string line)
    {
        var text = line.Trim();
        if (text.Length is < 6 or > 40) return null;
        var tokens = Tokenizer.Tokenize(text);
        var m = TryAt(text, tokens, 0);
        if (m is null || m.EndToken != tokens.Length) return null;
        return m.IsExact ? m.Resolve(null) : null;
    }
}
