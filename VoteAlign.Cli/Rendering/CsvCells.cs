namespace VoteAlign.Cli.Rendering;

/// <summary>CSV cells (RFC 4180). A cell that a spreadsheet would read as a formula (starting with = + - @, tab or
/// carriage return) is prefixed with an apostrophe, unless it is a plain number.</summary>
internal static class CsvCells
{
    public static string Cell(string? value)
    {
        if (value is null) return "";
        var v = value;
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    public static string Row(params string?[] cells) => string.Join(",", cells.Select(Cell));
}
