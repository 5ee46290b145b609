using System.Globalization;
using System.Text;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>The members names resolve to: full names, aliases and first names, and the declared groups
/// (affiliations) with their dates.</summary>
internal sealed class Roster
{
    private readonly Dictionary<string, Member> _byFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Member>> _byShortName = new(StringComparer.Ordinal);

    public Roster(IEnumerable<Member> members)
    {
        Members = [.. members];
        foreach (var m in Members)
        {
            var full = Key(m.Name);
            if (full.Length > 0) _byFullName.TryAdd(full, m);
            foreach (var alias in m.Aliases)
            {
                var a = Key(alias);
                if (a.Length == 0) continue;
                if (a.Contains(' ', StringComparison.Ordinal)) _byFullName.TryAdd(a, m);
                else AddShort(a, m);
            }

            var first = FirstName(m.Name);
            if (first is not null) AddShort(first, m);
        }

        MaxNameWords = _byFullName.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>Every member, in roster order.</summary>
    public IReadOnlyList<Member> Members { get; }

    /// <summary>The longest full name or alias, in words.</summary>
    public int MaxNameWords { get; }

    /// <summary>The member with this full name or multi-word alias.</summary>
    public Member? ByFullName(string name) => _byFullName.GetValueOrDefault(Key(name));

    /// <summary>Members with this first name or one-word alias.</summary>
    public IReadOnlyList<Member> ByShortName(string name) => _byShortName.TryGetValue(Key(name), out var list) ? list : [];

    /// <summary>The first word of a member's name, lower case.</summary>
    public static string? FirstName(string name)
    {
        var key = Key(name);
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? key[..space] : null;
    }

    /// <summary>Members of the declared group <paramref name="group"/> on <paramref name="date"/> (any date
    /// when unknown; then only affiliations open at both ends, or spanning every date, count).</summary>
    public IReadOnlyList<Member> InGroup(string group, DateOnly? date)
    {
        var key = GroupKey(group);
        if (key.Length == 0) return [];
        var result = new List<Member>();
        foreach (var m in Members)
        {
            foreach (var a in m.Affiliations)
            {
                if (GroupKey(a.Group) != key) continue;
                var holds = date is { } d
                    ? (a.From is null || a.From <= d) && (a.To is null || d <= a.To)
                    : a.From is null && a.To is null;
                if (!holds) continue;
                result.Add(m);
                break;
            }
        }

        return result;
    }

    /// <summary>Whether any member declares a group by this name (at any date).</summary>
    public bool IsDeclaredGroup(string group)
    {
        var key = GroupKey(group);
        return key.Length > 0 && Members.Any(m => m.Affiliations.Any(a => GroupKey(a.Group) == key));
    }

    /// <summary>A group name for comparison: lower case, without a leading "the", "other", "all", "fellow" or a
    /// trailing "members", "reps", "representatives", "supporters".</summary>
    public static string GroupKey(string group)
    {
        var words = Key(group).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && words[0] is "the" or "other" or "all" or "my" or "our" or "fellow" or "of" or "only" or "most") words.RemoveAt(0);
        // "the Grassroots Left members" is the group "Grassroots Left": a trailing voter noun adds nothing.
        while (words.Count > 1 && words[^1] is "members" or "reps" or "representatives" or "supporters" or "candidates" or "team" or "slate")
            words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    /// <summary>A name for comparison: lower case, straight apostrophes, no accents, single spaces, no
    /// possessive "'s".</summary>
    public static string Key(string name)
    {
        // Fast path: plain ASCII needs no decomposition (most names, every call from the name finder).
        var ascii = true;
        foreach (var c in name)
            if (c > 127 || char.IsWhiteSpace(c) && c != ' ') { ascii = false; break; }
        if (ascii && !name.Contains("  ", StringComparison.Ordinal) && (name.Length == 0 || name[0] != ' ' && name[^1] != ' '))
        {
            var lower = name.ToLowerInvariant();
            return lower.EndsWith("'s", StringComparison.Ordinal) ? lower[..^2] : lower;
        }

        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(Tokenizer.IsApostrophe(c) ? '\'' : c is '‐' or '‑' or '–' ? '-' : char.ToLowerInvariant(c));
        }

        var s = sb.ToString();
        return s.EndsWith("'s", StringComparison.Ordinal) ? s[..^2] : s;
    }

    private void AddShort(string key, Member m)
    {
        if (!_byShortName.TryGetValue(key, out var list)) _byShortName[key] = list = [];
        if (!list.Contains(m)) list.Add(m);
    }
}
