using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Agreement;

/// <summary>Pairwise agreement for every pair of members: the motions both cast a vote on (<c>shared</c>; abstain
/// counts as a vote, absent and unknown do not) and how many of those they voted alike on (<c>same</c>).</summary>
public sealed class AgreementMatrix
{
    // Row-major n × n; symmetric; the diagonal holds each member's own cast count (shared = same).
    private readonly int[] _shared;
    private readonly int[] _same;

    private AgreementMatrix(ImmutableArray<MemberId> members, int[] shared, int[] same)
    {
        Members = members;
        _shared = shared;
        _same = same;
    }

    /// <summary>Row and column labels.</summary>
    public ImmutableArray<MemberId> Members { get; }

    /// <summary>Number of members.</summary>
    public int Count => Members.Length;

    /// <summary>Agreement of members <paramref name="a"/> and <paramref name="b"/> (row indexes).</summary>
    /// <param name="a">Row index.</param>
    /// <param name="b">Row index.</param>
    public PairAgreement this[int a, int b] => new(_shared[a * Count + b], _same[a * Count + b]);

    /// <summary>Computes all pairs of <paramref name="matrix"/>, rows in parallel.</summary>
    /// <param name="matrix">The votes.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    public static AgreementMatrix Compute(VoteMatrix matrix, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.MemberCount;
        var shared = new int[n * n];
        var same = new int[n * n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, a =>
        {
            for (var b = a; b < n; b++)
            {
                var p = matrix.Agreement(a, b);
                shared[a * n + b] = shared[b * n + a] = p.Shared;
                same[a * n + b] = same[b * n + a] = p.Same;
            }
        });
        return new AgreementMatrix(matrix.Members, shared, same);
    }
}
