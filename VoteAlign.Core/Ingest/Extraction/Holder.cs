namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>One holder of a stated vote.</summary>
/// <param name="Kind">Which sort.</param>
/// <param name="Name">For <see cref="HolderKind.Named"/>: the name found.</param>
/// <param name="Group">For <see cref="HolderKind.Group"/>: the group as printed.</param>
/// <param name="Count">For a counted group ("10 members"): how many.</param>
/// <param name="ExcludesWriter">"the other X reps": the writer is not counted among them.</param>
/// <param name="Including">"Nine members, including the left CLP reps, …": the set the count is said to include.</param>
internal sealed record Holder(HolderKind Kind, NameMention? Name = null, string? Group = null, int? Count = null, bool ExcludesWriter = false, string? Including = null);
