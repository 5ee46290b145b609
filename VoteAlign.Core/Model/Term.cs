namespace VoteAlign.Core.Model;

/// <summary>A period in office. A <c>null</c> end is open.</summary>
/// <param name="From">First day in office, or <c>null</c> if unknown / before the records.</param>
/// <param name="To">Last day in office, or <c>null</c> if still serving / unknown.</param>
public sealed record Term(DateOnly? From, DateOnly? To)
{
    /// <summary>Whether <paramref name="date"/> falls in this term (both ends inclusive).</summary>
    /// <param name="date">The day to test.</param>
    public bool Contains(DateOnly date) => (From is null || From <= date) && (To is null || date <= To);
}
