using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace VoteAlign.Core.Model;

/// <summary>Members × motions, bit-packed: one bitset per member per vote value, so pairwise agreement is
/// word-wise AND and popcount. A cell is unknown, or holds one <see cref="Vote"/>.</summary>
/// <remarks>Each plane is one array of <c>MemberCount × WordsPerRow</c> 64-bit words, row-major: member
/// <c>i</c>'s bits for motions <c>0..63</c> are in word <c>i × WordsPerRow</c>. Bits past the last motion
/// in a row's final word are always zero (so popcounts over whole words are exact).</remarks>
public sealed partial class VoteMatrix
{
    private const int VoteValues = 4;

    // _planes[(int)vote] holds the cells whose value is that vote; _cast = for | against | abstain.
    private readonly ulong[][] _planes;
    private readonly ulong[] _cast;

    private VoteMatrix(ImmutableArray<MemberId> members, ImmutableArray<MotionId> motions, ulong[][] planes)
    {
        Members = members;
        Motions = motions;
        WordsPerRow = WordsFor(motions.Length);
        _planes = planes;
        _cast = new ulong[planes[0].Length];
        for (var w = 0; w < _cast.Length; w++)
            _cast[w] = planes[(int)Vote.For][w] | planes[(int)Vote.Against][w] | planes[(int)Vote.Abstain][w];
    }

    /// <summary>Row labels, in row order.</summary>
    public ImmutableArray<MemberId> Members { get; }

    /// <summary>Column labels, in column order.</summary>
    public ImmutableArray<MotionId> Motions { get; }

    /// <summary>Number of rows.</summary>
    public int MemberCount => Members.Length;

    /// <summary>Number of columns.</summary>
    public int MotionCount => Motions.Length;

    /// <summary>64-bit words per member row in each plane.</summary>
    internal int WordsPerRow { get; }

    /// <summary>The vote in a cell, or <c>null</c> when unknown.</summary>
    /// <param name="member">Row index, 0 ≤ member &lt; <see cref="MemberCount"/>.</param>
    /// <param name="motion">Column index, 0 ≤ motion &lt; <see cref="MotionCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public Vote? this[int member, int motion]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(member);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(member, MemberCount);
            ArgumentOutOfRangeException.ThrowIfNegative(motion);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(motion, MotionCount);
            var word = member * WordsPerRow + (motion >> 6);
            var bit = 1UL << (motion & 63);
            for (var v = 0; v < VoteValues; v++)
                if ((_planes[v][word] & bit) != 0) return (Vote)v;
            return null;
        }
    }

    /// <summary>Number of known cells in a member's row (absent included).</summary>
    /// <param name="member">Row index.</param>
    public int KnownCount(int member)
    {
        var total = 0;
        for (var v = 0; v < VoteValues; v++) total += PopCount(Row(_planes[v], member));
        return total;
    }

    /// <summary>Number of cast votes (for, against, abstain) in a member's row.</summary>
    /// <param name="member">Row index.</param>
    public int CastCount(int member) => PopCount(Row(_cast, member));

    /// <summary>Number of cells in a member's row holding <paramref name="vote"/>.</summary>
    /// <param name="member">Row index.</param>
    /// <param name="vote">The vote value.</param>
    public int Count(int member, Vote vote) => PopCount(Row(_planes[(int)vote], member));

    /// <summary>How often members <paramref name="a"/> and <paramref name="b"/> voted alike.</summary>
    /// <param name="a">Row index.</param>
    /// <param name="b">Row index.</param>
    public PairAgreement Agreement(int a, int b)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(a, MemberCount);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(b, MemberCount);
        var shared = AndCount(Row(_cast, a), Row(_cast, b));
        var same = 0;
        for (var v = 0; v < (int)Vote.Absent; v++) same += AndCount(Row(_planes[v], a), Row(_planes[v], b));
        return new PairAgreement(shared, same);
    }

    /// <summary>Per motion, how many members voted for, against and abstained.</summary>
    public (int For, int Against, int Abstain)[] ColumnCounts()
    {
        var counts = new (int For, int Against, int Abstain)[MotionCount];
        // Each 64-motion word of a plane is summed over the members as 64 binary counters side by side (bit l of every
        // motion's count in word l of `sums`, one carry chain per member), then the counts are read off the bits: a few
        // word operations per member and word, not one increment per cast vote. In parallel by ranges of words, which no
        // two threads share; the counts are whole numbers, so neither changes them.
        var words = WordsPerRow;
        var levels = 1;
        while (1 << levels <= MemberCount) levels++;
        Parallel.For(0, (words + 15) / 16, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (range) =>
        {
            var (w0, w1) = (range * 16, Math.Min(words, range * 16 + 16));
            Span<ulong> sums = stackalloc ulong[levels];
            for (var v = 0; v < 3; v++)
            {
                var plane = _planes[v];
                for (var w = w0; w < w1; w++)
                {
                    sums.Clear();
                    for (var i = 0; i < MemberCount; i++)
                    {
                        var carry = plane[i * words + w];
                        for (var l = 0; carry != 0; l++)
                        {
                            var next = sums[l] & carry;
                            sums[l] ^= carry;
                            carry = next;
                        }
                    }

                    for (var b = 0; b < 64 && (w << 6) + b < MotionCount; b++)
                    {
                        var n = 0;
                        for (var l = 0; l < levels; l++) n |= (int)((sums[l] >> b) & 1) << l;
                        ref var c = ref counts[(w << 6) + b];
                        if (v == 0) c.For = n;
                        else if (v == 1) c.Against = n;
                        else c.Abstain = n;
                    }
                }
            }
        });

        return counts;
    }

    /// <summary>One bit per motion, set when any member's cell holds <paramref name="vote"/> (the OR of the rows of
    /// its plane; bit j of word j / 64, as in a row).</summary>
    /// <param name="vote">The vote value.</param>
    internal ulong[] ColumnsHolding(Vote vote)
    {
        var plane = _planes[(int)vote];
        var any = new ulong[WordsPerRow];
        for (var i = 0; i < MemberCount; i++)
        {
            var row = Row(plane, i);
            for (var w = 0; w < any.Length; w++) any[w] |= row[w];
        }

        return any;
    }

    internal static int WordsFor(int motions) => (motions + 63) >> 6;

    internal ReadOnlySpan<ulong> Row(ulong[] plane, int member) => plane.AsSpan(member * WordsPerRow, WordsPerRow);

    internal ulong[] Plane(Vote vote) => _planes[(int)vote];

    internal ulong[] CastPlane => _cast;

    private static int PopCount(ReadOnlySpan<ulong> words)
    {
        var n = 0;
        foreach (var w in words) n += BitOperations.PopCount(w);
        return n;
    }

    private static int AndCount(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y)
    {
        var n = 0;
        for (var i = 0; i < x.Length; i++) n += BitOperations.PopCount(x[i] & y[i]);
        return n;
    }
}
