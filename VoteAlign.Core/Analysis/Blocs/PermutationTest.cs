namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>Whether the bloc structure is stronger than chance: the observed statistic against the same statistic
/// on data where each motion's votes are shuffled among the members who cast them (so every motion keeps its
/// tally and every member their number of votes cast, but any alignment between members is broken).</summary>
/// <param name="Statistic">What is compared: the mean silhouette of the partition found.</param>
/// <param name="Observed">Its value on the real data.</param>
/// <param name="NullMean">Its mean over the shuffled data sets.</param>
/// <param name="Permutations">How many shuffled data sets.</param>
/// <param name="PValue">(1 + shuffled sets at least as strong) / (1 + permutations).</param>
public sealed record PermutationTest(string Statistic, double Observed, double NullMean, int Permutations, double PValue);
