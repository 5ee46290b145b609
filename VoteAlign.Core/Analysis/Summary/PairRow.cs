using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Summary;

/// <summary>One pair of members and how often they voted alike.</summary>
/// <param name="A">First member (lower id).</param>
/// <param name="B">Second member.</param>
/// <param name="Agreement">Shared and same counts.</param>
public sealed record PairRow(MemberId A, MemberId B, PairAgreement Agreement);
