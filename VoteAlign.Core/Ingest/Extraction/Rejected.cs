namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A rejected candidate for the review.</summary>
/// <param name="Sentence">Where.</param>
/// <param name="What">What it looked like ("a vote count", "a position").</param>
/// <param name="Phrase">The words.</param>
/// <param name="Reason">Why it was rejected.</param>
internal sealed record Rejected(Sentence Sentence, string What, string Phrase, string Reason);
