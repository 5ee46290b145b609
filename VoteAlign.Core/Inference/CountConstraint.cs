namespace VoteAlign.Core.Inference;

/// <summary>Exact counts the participants of one motion must reach, per vote value (for, against, abstain, absent);
/// <c>null</c> where the reports do not fix the count.</summary>
internal sealed record CountConstraint(int? For, int? Against, int? Abstain, int? Absent)
{
    public int? Of(int value) => value switch { 0 => For, 1 => Against, 2 => Abstain, _ => Absent };

    public static readonly CountConstraint None = new(null, null, null, null);
}
