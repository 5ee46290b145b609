using System.Collections.Immutable;

namespace VoteAlign.Core.Model;

/// <summary>A member of the body.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Name as printed.</param>
/// <param name="Aliases">Other spellings and first names used in reports.</param>
/// <param name="Section">The seat's section (CLP, trade union, …), if known.</param>
/// <param name="Terms">Periods in office; empty means unknown (no term check is made).</param>
/// <param name="Affiliations">Declared groups.</param>
/// <param name="Attributes">Other attributes, e.g. <c>party</c> from a roll-call members file. Sorted by key.</param>
public sealed record Member(
    MemberId Id,
    string Name,
    ImmutableArray<string> Aliases,
    string? Section,
    ImmutableArray<Term> Terms,
    ImmutableArray<Affiliation> Affiliations,
    ImmutableSortedDictionary<string, string> Attributes)
{
    /// <summary>A member known only by id and name.</summary>
    /// <param name="id">Stable id.</param>
    /// <param name="name">Name as printed.</param>
    public static Member Simple(MemberId id, string name) => new(id, name, [], null, [], [],
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>Whether the member was in office on <paramref name="date"/>; <c>true</c> when the terms are unknown.</summary>
    /// <param name="date">The day to test.</param>
    public bool InOffice(DateOnly date) => Terms.IsDefaultOrEmpty || Terms.Any(t => t.Contains(date));
}
