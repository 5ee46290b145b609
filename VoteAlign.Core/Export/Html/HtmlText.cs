using System.Globalization;
using System.Text;

namespace VoteAlign.Core.Export.Html;

/// <summary>Escaping for the report: every piece of user text (names, titles, quotes, ids) goes through here before it
/// reaches the page, as element text, attribute value or script data.</summary>
internal static class HtmlText
{
    /// <summary>Text safe both as element content and inside a double- or single-quoted attribute value.</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    /// <summary>A number for SVG coordinates: invariant culture, at most two decimals.</summary>
    public static string N(double x) => Math.Round(x, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators (invariant culture).</summary>
    public static string Count(long x) => x.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share in [0, 1] as a percentage with one decimal.</summary>
    public static string Percent(double x) => (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
