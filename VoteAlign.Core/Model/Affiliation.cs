namespace VoteAlign.Core.Model;

/// <summary>A declared group a member belongs to (a slate, "left CLP reps"). An input used to resolve
/// group statements and as a soft prior; never assumed to be a bloc.</summary>
/// <param name="Group">The group's name as reports use it.</param>
/// <param name="From">Start of the affiliation, if known.</param>
/// <param name="To">End of the affiliation, if known.</param>
/// <param name="Source">The evidence for it, if any.</param>
public sealed record Affiliation(string Group, DateOnly? From, DateOnly? To, Source? Source);
