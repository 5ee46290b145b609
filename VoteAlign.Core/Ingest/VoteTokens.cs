using System.Runtime.CompilerServices;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>The vote words a roll-call CSV may use, case-insensitive and trimmed.</summary>
internal static class VoteTokens
{
    public const string Accepted =
        "yea/aye/yes/for/y/1 (for), nay/no/against/n/0 (against), abstain/abstention/present (abstain), absent/missing/blank or an empty cell (absent)";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> token, out Vote vote)
    {
        // The words long roll calls are written in, as they are written, before trimming and lower-casing.
        switch (token)
        {
            case "yea":
                vote = Vote.For;
                return true;
            case "nay":
                vote = Vote.Against;
                return true;
            case "abstain":
                vote = Vote.Abstain;
                return true;
            case "absent":
                vote = Vote.Absent;
                return true;
        }

        return TryParseAnyForm(token, out vote);
    }

    // Apart from the common words above, so that the call made for every row of a long roll call does not pay for
    // this one's stack buffer (zeroed, and guarded by a stack cookie, on every call).
    private static bool TryParseAnyForm(ReadOnlySpan<char> token, out Vote vote)
    {
        token = token.Trim();
        Span<char> lower = stackalloc char[12];
        if (token.Length > lower.Length)
        {
            vote = default;
            return false;
        }

        var n = token.ToLowerInvariant(lower);
        var t = lower[..n];
        switch (t)
        {
            case "yea" or "aye" or "yes" or "for" or "y" or "1":
                vote = Vote.For;
                return true;
            case "nay" or "no" or "against" or "n" or "0":
                vote = Vote.Against;
                return true;
            case "abstain" or "abstention" or "present":
                vote = Vote.Abstain;
                return true;
            case "absent" or "missing" or "blank" or "":
                vote = Vote.Absent;
                return true;
            default:
                vote = default;
                return false;
        }
    }
}
