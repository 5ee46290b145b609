namespace VoteAlign.Core.Model;

/// <summary>The record format's spelling of each enum value, both ways.</summary>
internal static class ModelNames
{
    public static readonly IReadOnlyList<(Vote Value, string Name)> Votes =
        [(Vote.For, "for"), (Vote.Against, "against"), (Vote.Abstain, "abstain"), (Vote.Absent, "absent")];

    public static readonly IReadOnlyList<(Basis Value, string Name)> Bases =
    [
        (Basis.Recorded, "recorded"), (Basis.Self, "self"), (Basis.Attributed, "attributed"),
        (Basis.Group, "group"), (Basis.Forced, "forced"), (Basis.Inferred, "inferred"),
    ];

    public static readonly IReadOnlyList<(Outcome Value, string Name)> Outcomes =
        [(Outcome.Passed, "passed"), (Outcome.Defeated, "defeated"), (Outcome.Tied, "tied"), (Outcome.Unknown, "unknown")];

    public static readonly IReadOnlyList<(MotionKind Value, string Name)> Kinds =
    [
        (MotionKind.RuleChange, "rule change"), (MotionKind.Paper, "paper"), (MotionKind.Amendment, "amendment"),
        (MotionKind.Proscription, "proscription"), (MotionKind.Procedural, "procedural"), (MotionKind.Election, "election"),
        (MotionKind.Motion, "motion"), (MotionKind.Other, "other"),
    ];

    public static string Name(Vote v) => Lookup(Votes, v);

    public static string Name(Basis b) => Lookup(Bases, b);

    public static string Name(Outcome o) => Lookup(Outcomes, o);

    public static string Name(MotionKind k) => Lookup(Kinds, k);

    public static bool TryParse<T>(IReadOnlyList<(T Value, string Name)> table, string text, out T value)
        where T : struct, Enum
    {
        foreach (var (v, n) in table)
        {
            if (string.Equals(n, text, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Choices<T>(IReadOnlyList<(T Value, string Name)> table) =>
        string.Join(", ", table.Select(t => $"'{t.Name}'"));

    private static string Lookup<T>(IReadOnlyList<(T Value, string Name)> table, T value)
        where T : struct, Enum
    {
        foreach (var (v, n) in table)
            if (EqualityComparer<T>.Default.Equals(v, value)) return n;
        throw new ArgumentOutOfRangeException(nameof(value), value, "No record-format name for this value.");
    }
}
