using System.Collections.Immutable;

namespace VoteAlign.Core.Model;

/// <summary>A document that facts were taken from (a blog post, an article, a roll-call file).</summary>
/// <param name="Id">Unique report id, e.g. <c>akehurst-2022-09-22</c>.</param>
/// <param name="Authors">The people who wrote it, as printed.</param>
/// <param name="Published">Publication date, if known.</param>
/// <param name="Title">Title, if any.</param>
/// <param name="Document">The file it was read from, if known.</param>
public sealed record Report(string Id, ImmutableArray<string> Authors, DateOnly? Published, string? Title, string? Document);
