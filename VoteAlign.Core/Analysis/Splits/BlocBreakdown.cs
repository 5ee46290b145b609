namespace VoteAlign.Core.Analysis.Splits;

/// <summary>How one bloc (or declared group) split on one motion. Evidence and reconstruction are kept apart:
/// the first five counts rest on evidence (named, group-resolved or forced positions); the <c>Inferred…</c>
/// counts are the reconstruction's most-likely values for cells with no evidence; <see cref="Unknown"/> counts
/// members in the group with neither.</summary>
/// <param name="Group">Bloc number or group / attribute value.</param>
/// <param name="Members">Members in the group.</param>
/// <param name="For">Evidence: for.</param>
/// <param name="Against">Evidence: against.</param>
/// <param name="Abstain">Evidence: abstained.</param>
/// <param name="Absent">Evidence: absent.</param>
/// <param name="Unknown">No evidence and no inferred value.</param>
/// <param name="InferredFor">Reconstruction: for.</param>
/// <param name="InferredAgainst">Reconstruction: against.</param>
/// <param name="InferredAbstain">Reconstruction: abstained.</param>
/// <param name="InferredAbsent">Reconstruction: absent.</param>
public sealed record BlocBreakdown(string Group, int Members, int For, int Against, int Abstain, int Absent, int Unknown,
    int InferredFor, int InferredAgainst, int InferredAbstain, int InferredAbsent);
