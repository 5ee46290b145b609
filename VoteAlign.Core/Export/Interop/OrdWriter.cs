using System.Globalization;
using System.Text;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Interop;

/// <summary>Writes a vote matrix in Keith Poole's fixed-width <c>.ord</c> format, which R's pscl (<c>readKH</c>),
/// wnominate and oc read. One line per member, in matrix row order, ASCII:
/// columns 1–3 the session (always 1); 4–8 an id (the row number, 1-based); 9–10 state code (0); 11–12 district (0);
/// 13–20 state name (blank); 21–23 party code (see below); 24–25 occupancy (0); 26–36 name (the member's name folded to
/// ASCII letters and digits, upper case, at most 11; <c>M</c> and the row number when nothing is left); then one digit
/// per motion, in column order: 1 for, 6 against, 7 abstain, 9 absent or not known, 0 not in office on the meeting's
/// date (only where the member's terms and the date are known).
/// Party code: members with a <c>party</c> attribute get the 1-based rank of its value among the distinct values in
/// ordinal order (at most 999); the rest get 0.</summary>
public static class OrdWriter
{
    /// <summary>Writes <paramref name="matrix"/> for the members and motions of <paramref name="data"/>.</summary>
    /// <param name="data">The data (names, terms, meeting dates, the party attribute).</param>
    /// <param name="matrix">The matrix to write (rows and columns as in <paramref name="data"/>'s matrix).</param>
    /// <param name="writer">Where to write (not closed).</param>
    /// <exception cref="ArgumentException">More than 99,999 members (the id field has five columns).</exception>
    public static void Write(Dataset data, VoteMatrix matrix, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(writer);
        if (matrix.MemberCount > 99_999) throw new ArgumentException("The .ord format holds at most 99,999 members.", nameof(matrix));
        var members = data.Members.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        var parties = data.Members.Select(m => m.Attributes.GetValueOrDefault("party")).Where(p => p is not null)
            .Distinct().Order(StringComparer.Ordinal).Select((p, i) => (p!, i + 1)).ToDictionary(p => p.Item1, p => Math.Min(999, p.Item2));
        var dates = data.Meetings.Where(m => m.Date is not null).DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Date!.Value);
        var meetingOf = data.Motions.DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Meeting);
        var motionDates = matrix.Motions.Select(id => meetingOf.TryGetValue(id, out var meeting) && dates.TryGetValue(meeting, out var d) ? d : (DateOnly?)null).ToArray();
        var line = new StringBuilder(36 + matrix.MotionCount);
        for (var i = 0; i < matrix.MemberCount; i++)
        {
            var member = members.GetValueOrDefault(matrix.Members[i]) ?? Member.Simple(matrix.Members[i], matrix.Members[i].Value);
            var row = (i + 1).ToString(CultureInfo.InvariantCulture);
            line.Clear();
            line.Append("  1").Append(row.PadLeft(5)).Append(" 0").Append(" 0").Append(' ', 8);
            var party = member.Attributes.GetValueOrDefault("party") is { } p ? parties[p] : 0;
            line.Append(party.ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append(" 0");
            line.Append(Name(member.Name, row).PadRight(11));
            for (var j = 0; j < matrix.MotionCount; j++)
            {
                var code = matrix[i, j] switch
                {
                    Vote.For => '1',
                    Vote.Against => '6',
                    Vote.Abstain => '7',
                    Vote.Absent => '9',
                    _ => motionDates[j] is { } date && !member.InOffice(date) ? '0' : '9',
                };
                line.Append(code);
            }

            writer.Write(line.ToString());
            writer.Write('\n');
        }
    }

    // Latin letters with accents and their base letters. (string.Normalize cannot decompose them: the project runs
    // with invariant globalization.)
    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ";
    private const string Plain = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy";

    /// <summary>The name field: ASCII letters and digits of the name (common Latin accents taken off, other characters
    /// dropped), upper case, at most 11.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="row">The row number, used when nothing is left.</param>
    internal static string Name(string name, string row)
    {
        var sb = new StringBuilder();
        foreach (var ch in name)
        {
            var at = Accented.IndexOf(ch, StringComparison.Ordinal);
            var c = at >= 0 ? Plain[at] : ch;
            if (c < 128 && char.IsLetterOrDigit(c) && sb.Length < 11) sb.Append(char.ToUpperInvariant(c));
        }
        return sb.Length > 0 ? sb.ToString() : ("M" + row)[..Math.Min(11, row.Length + 1)];
    }
}
