using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Summary;

/// <summary>A motion with a full for/against tally, and its margin.</summary>
/// <param name="Motion">The motion.</param>
/// <param name="Date">Its meeting's date, if known.</param>
/// <param name="Margin">|for − against|.</param>
public sealed record CloseVote(Motion Motion, DateOnly? Date, int Margin);
