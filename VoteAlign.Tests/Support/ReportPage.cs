using Newtonsoft.Json.Linq;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Support;

/// <summary>Reads a written HTML report back: the data block the page's script draws from, and agreement counted
/// cell by cell from a vote matrix (independently of the analysis code) to check it against.</summary>
internal static class ReportPage
{
    private const string DataOpen = "<script type=\"application/json\" id=\"va-data\">";

    public static JObject Data(string html)
    {
        var start = html.IndexOf(DataOpen, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the page embeds its data block");
        start += DataOpen.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JObject.Parse(html[start..end]);
    }

    /// <summary>The heatmap's upper triangle: (agreement × 10000 or 65535, shared) for drawn members i ≤ j.</summary>
    public static (ushort Agree, ushort Shared) Cell(JObject data, int i, int j)
    {
        var n = ((JArray)data["members"]!).Count;
        if (i > j) (i, j) = (j, i);
        var t = i * n - i * (i - 1) / 2 + (j - i);
        var agree = Convert.FromBase64String((string)data["heat"]!["agree"]!);
        var shared = Convert.FromBase64String((string)data["heat"]!["shared"]!);
        return ((ushort)(agree[2 * t] | agree[2 * t + 1] << 8), (ushort)(shared[2 * t] | shared[2 * t + 1] << 8));
    }

    /// <summary>Shared cast votes and equal votes of two members, counted motion by motion (abstain is a cast vote,
    /// absent and unknown are not).</summary>
    public static (int Shared, int Same) Count(VoteMatrix matrix, MemberId a, MemberId b)
    {
        var (ra, rb) = (matrix.Members.IndexOf(a), matrix.Members.IndexOf(b));
        int shared = 0, same = 0;
        for (var j = 0; j < matrix.MotionCount; j++)
            if (matrix[ra, j] is { } va and not Vote.Absent && matrix[rb, j] is { } vb and not Vote.Absent)
            {
                shared++;
                if (va == vb) same++;
            }

        return (shared, same);
    }
}
