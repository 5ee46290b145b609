using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Cohesion;

/// <summary>A declared grouping of members to compare with discovered blocs: <c>group</c> (the member's declared
/// affiliation; the earliest when there are several), <c>section</c>, or any member attribute (e.g. <c>party</c>).</summary>
public static class DeclaredGrouping
{
    /// <summary>Each member's label under <paramref name="by"/>, or null when the member has none.</summary>
    /// <param name="members">The members, in matrix row order.</param>
    /// <param name="by"><c>group</c>, <c>section</c> or an attribute name.</param>
    public static string?[] Labels(IReadOnlyList<Member> members, string by)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(by);
        return by switch
        {
            "group" => [.. members.Select(m => m.Affiliations.OrderBy(a => a.From ?? DateOnly.MinValue).ThenBy(a => a.Group, StringComparer.Ordinal).FirstOrDefault()?.Group)],
            "section" => [.. members.Select(m => m.Section)],
            _ => [.. members.Select(m => m.Attributes.GetValueOrDefault(by))],
        };
    }

    /// <summary>Whether any member has a label under <paramref name="by"/>.</summary>
    /// <param name="members">The members.</param>
    /// <param name="by">As for <see cref="Labels"/>.</param>
    public static bool Exists(IReadOnlyList<Member> members, string by) => Labels(members, by).Any(l => l is not null);
}
