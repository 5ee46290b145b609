using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Agreement;

/// <summary>Pairwise agreement for every pair of members: the motions both cast a vote on (<c>shared</c>; abstain
/// counts as a vote, absent and unknown do not) and how many of those they voted alike on (<c>same</c>).</summary>
public sealed class AgreementMatrix
{
    // Row-major n × n; symmetric; the diagonal holds each member's own cast count (shared = same).
    private readonly int[] _shared;
    private readonly int[] _same;

    // Expected counts over a reconstruction (null for a matrix of known votes only).
    private readonly double[]? _expectedShared;
    private readonly double[]? _expectedSame;

    private AgreementMatrix(ImmutableArray<MemberId> members, int[] shared, int[] same, double[]? expectedShared = null, double[]? expectedSame = null)
    {
        Members = members;
        _shared = shared;
        _same = same;
        _expectedShared = expectedShared;
        _expectedSame = expectedSame;
    }

    /// <summary>Whether the counts are expectations over a reconstruction rather than counts of known votes.</summary>
    public bool IsExpected => _expectedShared is not null;

    /// <summary>Shared cast votes of a pair: the count, or its expectation over the reconstruction.</summary>
    /// <param name="a">Row index.</param>
    /// <param name="b">Row index.</param>
    public double SharedAt(int a, int b) => _expectedShared?[a * Count + b] ?? _shared[a * Count + b];

    /// <summary>Agreement of a pair (same / shared, or the ratio of their expectations), in [0, 1]; null when they share nothing.</summary>
    /// <param name="a">Row index.</param>
    /// <param name="b">Row index.</param>
    public double? ValueAt(int a, int b)
    {
        if (_expectedShared is null) return this[a, b].Value;
        var shared = _expectedShared[a * Count + b];
        return shared <= 0 ? null : _expectedSame![a * Count + b] / shared;
    }

    /// <summary>Expected agreement over per-cell vote probabilities (evidence cells one-hot, unknown cells all zero):
    /// E[shared] = Σ_j P(a cast) P(b cast), E[same] = Σ_j Σ_(v cast) p_a(v) p_b(v), treating members' votes as
    /// independent given the reconstruction. The integer indexer gives the rounded expectations.</summary>
    /// <param name="members">Row labels.</param>
    /// <param name="probabilities">[member][motion × 4 + value] probabilities of for, against, abstain, absent.</param>
    /// <param name="motions">Number of motions.</param>
    public static AgreementMatrix FromProbabilities(ImmutableArray<MemberId> members, double[][] probabilities, int motions)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var n = members.Length;
        var shared = new double[n * n];
        var same = new double[n * n];
        for (var a = 0; a < n; a++)
            for (var b = a; b < n; b++)
            {
                double sh = 0, sa = 0;
                var (pa, pb) = (probabilities[a], probabilities[b]);
                for (var j = 0; j < motions; j++)
                {
                    var o = 4 * j;
                    var ca = pa[o] + pa[o + 1] + pa[o + 2];
                    var cb = pb[o] + pb[o + 1] + pb[o + 2];
                    sh += ca * cb;
                    sa += pa[o] * pb[o] + pa[o + 1] * pb[o + 1] + pa[o + 2] * pb[o + 2];
                }

                shared[a * n + b] = shared[b * n + a] = sh;
                same[a * n + b] = same[b * n + a] = sa;
            }

        var roundedShared = shared.Select(x => (int)Math.Round(x)).ToArray();
        var roundedSame = same.Select(x => (int)Math.Round(x)).ToArray();
        return new AgreementMatrix(members, roundedShared, roundedSame, shared, same);
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
    public static AgreementMatrix Compute(VoteMatrix matrix, int maxDegreeOfParallelism = -1) => Compute(matrix, null, maxDegreeOfParallelism);

    /// <summary>Agreement over the motions flagged in <paramref name="columns"/>, given <paramref name="whole"/>, the
    /// agreement over all of them: when few motions are left out it is cheaper to count those and subtract.</summary>
    /// <param name="whole">The agreement of <paramref name="matrix"/> over every motion (known votes, not expected).</param>
    /// <param name="matrix">The votes.</param>
    /// <param name="columns">One flag per motion.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    internal static AgreementMatrix Restrict(AgreementMatrix whole, VoteMatrix matrix, bool[] columns, int maxDegreeOfParallelism = -1)
    {
        var excluded = Enumerable.Range(0, columns.Length).Where(j => !columns[j]).ToArray();
        if (whole.IsExpected || excluded.Length * 2 > columns.Length) return Compute(matrix, columns, maxDegreeOfParallelism);
        var left = Compute(matrix.SelectColumns(excluded, keepIds: true), maxDegreeOfParallelism);
        var shared = new int[whole._shared.Length];
        var same = new int[whole._same.Length];
        for (var p = 0; p < shared.Length; p++)
        {
            shared[p] = whole._shared[p] - left._shared[p];
            same[p] = whole._same[p] - left._same[p];
        }

        return new AgreementMatrix(whole.Members, shared, same);
    }

    /// <summary>Computes all pairs of <paramref name="matrix"/> over the motions flagged in <paramref name="columns"/>
    /// only (the same counts as on the matrix of those columns, without copying it).</summary>
    /// <param name="matrix">The votes.</param>
    /// <param name="columns">One flag per motion (matrix column), or null for all.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    public static AgreementMatrix Compute(VoteMatrix matrix, bool[]? columns, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (columns is not null && columns.Length != matrix.MotionCount) throw new ArgumentException("One flag per motion.", nameof(columns));
        var n = matrix.MemberCount;
        var words = matrix.WordsPerRow;
        var mask = new ulong[words];
        for (var j = 0; j < matrix.MotionCount; j++)
            if (columns is null || columns[j]) mask[j >> 6] |= 1UL << (j & 63);
        var shared = new int[n * n];
        var same = new int[n * n];
        var cast = matrix.CastPlane;
        var f = matrix.Plane(Vote.For);
        var ag = matrix.Plane(Vote.Against);
        var ab = matrix.Plane(Vote.Abstain);
        // Rows go in blocks of four, each block against every later row: one load of a later row's words serves four
        // pairs, which quarters the memory traffic (the rows of a large chamber do not fit in the core's cache).
        // Blocks are handed out in pairs (t, last − t) so every task has about the same number of pairs.
        const int block = 4;
        var blocks = (n + block - 1) / block;
        var half = (blocks + 1) / 2;
        Parallel.For(0, half, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, t =>
        {
            Block(t * block);
            if (blocks - 1 - t != t) Block((blocks - 1 - t) * block);
        });
        return new AgreementMatrix(matrix.Members, shared, same);

        void Block(int a0)
        {
            var a1 = Math.Min(n, a0 + block);
            // Pairs inside the block one by one; then each later row against all four at once.
            for (var a = a0; a < a1; a++)
                for (var b = a; b < a1; b++) Pair(a, b);
            if (a1 - a0 < block)
            {
                for (var a = a0; a < a1; a++)
                    for (var b = a1; b < n; b++) Pair(a, b);
                return;
            }

            // Bounds are checked once here; the inner loop reads through references (it is the hot loop of the
            // whole program, and a check per load doubled its time).
            if ((long)(n) * words > cast.Length || mask.Length < words) throw new InvalidOperationException("Planes shorter than the matrix.");
            ref var c0 = ref MemoryMarshal.GetArrayDataReference(cast);
            ref var f0 = ref MemoryMarshal.GetArrayDataReference(f);
            ref var g0 = ref MemoryMarshal.GetArrayDataReference(ag);
            ref var b0 = ref MemoryMarshal.GetArrayDataReference(ab);
            ref var m0 = ref MemoryMarshal.GetArrayDataReference(mask);
            var o0 = a0 * words;
            var (o1, o2, o3) = (o0 + words, o0 + 2 * words, o0 + 3 * words);
            for (var b = a1; b < n; b++)
            {
                var ob = b * words;
                int sh0 = 0, sh1 = 0, sh2 = 0, sh3 = 0, sa0 = 0, sa1 = 0, sa2 = 0, sa3 = 0;
                for (var w = 0; w < words; w++)
                {
                    // Each word of the later row is loaded once for the four pairs.
                    var m = Unsafe.Add(ref m0, w);
                    var cb = Unsafe.Add(ref c0, ob + w) & m;
                    var fb = Unsafe.Add(ref f0, ob + w);
                    var gb = Unsafe.Add(ref g0, ob + w);
                    var bb = Unsafe.Add(ref b0, ob + w);
                    sh0 += BitOperations.PopCount(Unsafe.Add(ref c0, o0 + w) & cb);
                    sh1 += BitOperations.PopCount(Unsafe.Add(ref c0, o1 + w) & cb);
                    sh2 += BitOperations.PopCount(Unsafe.Add(ref c0, o2 + w) & cb);
                    sh3 += BitOperations.PopCount(Unsafe.Add(ref c0, o3 + w) & cb);
                    sa0 += BitOperations.PopCount(((Unsafe.Add(ref f0, o0 + w) & fb) | (Unsafe.Add(ref g0, o0 + w) & gb) | (Unsafe.Add(ref b0, o0 + w) & bb)) & m);
                    sa1 += BitOperations.PopCount(((Unsafe.Add(ref f0, o1 + w) & fb) | (Unsafe.Add(ref g0, o1 + w) & gb) | (Unsafe.Add(ref b0, o1 + w) & bb)) & m);
                    sa2 += BitOperations.PopCount(((Unsafe.Add(ref f0, o2 + w) & fb) | (Unsafe.Add(ref g0, o2 + w) & gb) | (Unsafe.Add(ref b0, o2 + w) & bb)) & m);
                    sa3 += BitOperations.PopCount(((Unsafe.Add(ref f0, o3 + w) & fb) | (Unsafe.Add(ref g0, o3 + w) & gb) | (Unsafe.Add(ref b0, o3 + w) & bb)) & m);
                }

                Store(a0, b, sh0, sa0);
                Store(a0 + 1, b, sh1, sa1);
                Store(a0 + 2, b, sh2, sa2);
                Store(a0 + 3, b, sh3, sa3);
            }
        }

        void Store(int a, int b, int sh, int sa)
        {
            shared[a * n + b] = shared[b * n + a] = sh;
            same[a * n + b] = same[b * n + a] = sa;
        }

        void Pair(int a, int b)
        {
            int sh = 0, sa = 0;
            for (var w = 0; w < words; w++)
            {
                // One pass over the four planes: shared cast votes, and equal values among them (a cell holds one
                // value, so the three ANDs never overlap and can be OR-ed before counting).
                var (i, j) = (a * words + w, b * words + w);
                sh += System.Numerics.BitOperations.PopCount(cast[i] & cast[j] & mask[w]);
                sa += System.Numerics.BitOperations.PopCount(((f[i] & f[j]) | (ag[i] & ag[j]) | (ab[i] & ab[j])) & mask[w]);
            }

            Store(a, b, sh, sa);
        }
    }
}
