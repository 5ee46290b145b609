namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>One line of the review: a fact the extractor accepted, or a candidate it rejected, with the verbatim
/// words it rests on and where they are, so a person can check the run quickly.</summary>
/// <param name="Kind">What the item is about.</param>
/// <param name="Document">The input file (display name).</param>
/// <param name="Line">The 1-based line of <paramref name="Quote"/>, if known.</param>
/// <param name="Report">The report id, if the item belongs to a report.</param>
/// <param name="Fact">The fact in words ("motion 2022-09-20/… passed 16-11"), or what was rejected.</param>
/// <param name="Quote">The verbatim sentence (or phrase) it rests on.</param>
/// <param name="Confidence">For an accepted fact, how sure the extractor is; <c>null</c> for a rejection.</param>
/// <param name="Reason">How the fact was read, or why the candidate was rejected.</param>
public sealed record ReviewItem(ReviewKind Kind, string Document, int? Line, string? Report, string Fact, string Quote, Confidence? Confidence, string? Reason);
