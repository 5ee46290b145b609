namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A number pattern that looked like a vote count and was rejected, with why.</summary>
/// <param name="Start">Offset in the sentence.</param>
/// <param name="End">One past its end.</param>
/// <param name="Reason">Why it is not a vote ("a date range", "a percentage").</param>
internal sealed record TallyRejection(int Start, int End, string Reason);
