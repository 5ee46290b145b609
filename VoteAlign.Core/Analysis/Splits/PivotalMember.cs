using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Splits;

/// <summary>A member on the winning side of a close vote: had they (and enough others) switched, the outcome would flip.</summary>
/// <param name="Member">Who.</param>
/// <param name="Probability">Probability that they were on the winning side: 1 for evidence, the reconstruction's for inferred cells.</param>
/// <param name="Basis">What that rests on.</param>
public sealed record PivotalMember(MemberId Member, double Probability, Basis Basis);
