namespace VoteAlign.Core.Model;

/// <summary>A reported count of votes. A part that was not reported is <c>null</c>, never 0.</summary>
/// <param name="For">Votes for the proposal, if reported.</param>
/// <param name="Against">Votes against, if reported.</param>
/// <param name="Abstain">Abstentions, if reported.</param>
public readonly record struct Tally(int? For, int? Against, int? Abstain)
{
    /// <summary>The sum of the reported parts (unknown parts count as 0).</summary>
    public int KnownTotal => (For ?? 0) + (Against ?? 0) + (Abstain ?? 0);

    /// <summary>For minus against, when both are known; otherwise <c>null</c>.</summary>
    public int? Margin => For is { } f && Against is { } a ? Math.Abs(f - a) : null;

    /// <summary>The part of the tally for one vote value (<c>null</c> for absent or an unreported part).</summary>
    /// <param name="vote">The vote value.</param>
    public int? Of(Vote vote) => vote switch
    {
        Vote.For => For,
        Vote.Against => Against,
        Vote.Abstain => Abstain,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString()
    {
        string Part(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        return Abstain is null ? $"{Part(For)}-{Part(Against)}" : $"{Part(For)}-{Part(Against)}-{Part(Abstain)}";
    }
}
