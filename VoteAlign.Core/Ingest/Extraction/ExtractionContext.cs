using System.Text;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>What all reports of one run share: the roster, the seats, members first met in the text, and the
/// warnings.</summary>
internal sealed class ExtractionContext
{
    private readonly Dictionary<string, Member> _unknown = new(StringComparer.Ordinal);

    public ExtractionContext(Roster roster, int? seats)
    {
        Roster = roster;
        Seats = seats;
    }

    public Roster Roster { get; }

    public int? Seats { get; }

    public List<InputError> Warnings { get; } = [];

    /// <summary>Where each name not on the roster was first met.</summary>
    public Dictionary<MemberId, (string Document, int? Line)> FirstSeen { get; } = [];

    /// <summary>Names not on the roster, kept as members of their own (flagged in the warnings).</summary>
    public IReadOnlyCollection<Member> UnknownMembers => _unknown.Values;

    /// <summary>The roster member with this full name, or a new member for a name the roster lacks.</summary>
    public Member MemberFor(string name, string document, int? line)
    {
        var known = Roster.ByFullName(name);
        if (known is not null) return known;
        var key = Roster.Key(name);
        if (_unknown.TryGetValue(key, out var m)) return m;
        var id = Slug(name);
        var taken = new HashSet<string>(Roster.Members.Select(x => x.Id.Value).Concat(_unknown.Values.Select(x => x.Id.Value)), StringComparer.Ordinal);
        var unique = id;
        for (var n = 2; taken.Contains(unique); n++) unique = $"{id}-{n}";
        m = Member.Simple(new MemberId(unique), name.Trim());
        _unknown[key] = m;
        FirstSeen[m.Id] = (document, line);
        return m;
    }

    /// <summary>A lower-case, hyphenated id from text ("Jess Barnard" → <c>jess-barnard</c>).</summary>
    public static string Slug(string text, int maxWords = 12)
    {
        var sb = new StringBuilder();
        var words = 0;
        var dash = false;
        foreach (var c in Roster.Key(text))
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                if (dash && sb.Length > 0)
                {
                    if (++words >= maxWords) break;
                    sb.Append('-');
                }

                sb.Append(c);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return sb.Length == 0 ? "x" : sb.ToString();
    }
}
