namespace VoteAlign.Core.Model;

/// <summary>The probability of each vote value for one inferred cell. The four sum to 1.</summary>
/// <param name="For">P(for).</param>
/// <param name="Against">P(against).</param>
/// <param name="Abstain">P(abstain).</param>
/// <param name="Absent">P(absent).</param>
public sealed record VoteProbabilities(double For, double Against, double Abstain, double Absent)
{
    /// <summary>The sum of the four probabilities.</summary>
    public double Total => For + Against + Abstain + Absent;
}
