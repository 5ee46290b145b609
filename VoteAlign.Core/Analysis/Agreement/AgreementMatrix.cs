using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    /// <summary>Computes all pairs of <paramref name="matrix"/> over the motions flagged in <paramref name="columns"/>
    /// only (the same counts as on the matrix of those columns, without copying it).</summary>
    /// <param name="matrix">The votes.</param>
    /// <param name="columns">One flag per motion (matrix column), or null for all.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    public static AgreementMatrix Compute(VoteMatrix matrix, bool[]? columns, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (columns is not null && columns.Length != matrix.MotionCount) throw new ArgumentException("One flag per motion.", nameof(columns));
        return Sweep(matrix, columns, null, maxDegreeOfParallelism, Avx2.IsSupported).Whole;
    }

    /// <summary>Agreement over every motion and, in the same sweep over the rows, over the motions flagged in
    /// <paramref name="columns"/> (the graph's contested-only agreement). The second is the first less the counts over
    /// the motions left out, which are read only in the words that hold one; when none is left out it is the first.</summary>
    /// <param name="matrix">The votes.</param>
    /// <param name="columns">One flag per motion.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    internal static (AgreementMatrix Whole, AgreementMatrix Restricted) ComputeWithRestriction(VoteMatrix matrix, bool[] columns, int maxDegreeOfParallelism = -1) =>
        ComputeWithRestriction(matrix, columns, maxDegreeOfParallelism, Avx2.IsSupported);

    /// <summary><see cref="ComputeWithRestriction(VoteMatrix, bool[], int)"/> with the vector kernel on or off (tests
    /// check both give the same counts).</summary>
    internal static (AgreementMatrix Whole, AgreementMatrix Restricted) ComputeWithRestriction(VoteMatrix matrix, bool[] columns, int maxDegreeOfParallelism, bool vectorised)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length != matrix.MotionCount) throw new ArgumentException("One flag per motion.", nameof(columns));
        // Counting the motions left out pair by pair pays while they sit in few words; else a second sweep over the
        // motions kept is cheaper.
        var words = matrix.WordsPerRow;
        var wordsLeftOut = Enumerable.Range(0, words).Count(w => Enumerable.Range(w << 6, Math.Min(64, matrix.MotionCount - (w << 6))).Any(j => !columns[j]));
        if (wordsLeftOut * 8 > words)
            return (Sweep(matrix, null, null, maxDegreeOfParallelism, vectorised).Whole, Sweep(matrix, columns, null, maxDegreeOfParallelism, vectorised).Whole);
        var (whole, restricted) = Sweep(matrix, null, columns, maxDegreeOfParallelism, vectorised);
        return (whole, restricted ?? whole);
    }

    /// <summary>The counting kernel: every pair over the motions in <paramref name="columns"/> (null: all), and, when
    /// <paramref name="restriction"/> is given and leaves a motion out, every pair over the motions it keeps as well
    /// (null when it keeps them all).</summary>
    internal static (AgreementMatrix Whole, AgreementMatrix? Restricted) Sweep(VoteMatrix matrix, bool[]? columns, bool[]? restriction, int maxDegreeOfParallelism, bool vectorised)
    {
        if (columns is not null && restriction is not null) throw new ArgumentException("A restriction is counted over all motions only.", nameof(restriction));
        vectorised &= Avx2.IsSupported;
        var n = matrix.MemberCount;
        var words = matrix.WordsPerRow;
        var mask = new ulong[words];
        for (var j = 0; j < matrix.MotionCount; j++)
            if (columns is null || columns[j]) mask[j >> 6] |= 1UL << (j & 63);
        // The words holding a motion the restriction leaves out, and those motions' bits in each.
        var outWords = new List<int>();
        var outBits = new List<ulong>();
        if (restriction is not null)
        {
            if (restriction.Length != matrix.MotionCount) throw new ArgumentException("One flag per motion.", nameof(restriction));
            for (var w = 0; w < words; w++)
            {
                var bits = 0UL;
                for (var j = w << 6; j < Math.Min(matrix.MotionCount, (w + 1) << 6); j++)
                    if (!restriction[j]) bits |= 1UL << (j & 63);
                if (bits == 0) continue;
                outWords.Add(w);
                outBits.Add(bits);
            }
        }

        var left = outWords.ToArray();
        var leftBits = outBits.ToArray();
        var shared = new int[n * n];
        var same = new int[n * n];
        var restrictedShared = left.Length == 0 ? null : new int[n * n];
        var restrictedSame = left.Length == 0 ? null : new int[n * n];
        var cast = matrix.CastPlane;
        var f = matrix.Plane(Vote.For);
        var ag = matrix.Plane(Vote.Against);
        var ab = matrix.Plane(Vote.Abstain);
        if ((long)n * words > cast.Length || (long)n * words > f.Length || (long)n * words > ag.Length || (long)n * words > ab.Length)
            throw new InvalidOperationException("Planes shorter than the matrix.");
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
        var whole = new AgreementMatrix(matrix.Members, shared, same);
        return (whole, restrictedShared is null ? null : new AgreementMatrix(matrix.Members, restrictedShared, restrictedSame!));

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

            Span<int> counts = stackalloc int[2 * block];
            for (var b = a1; b < n; b++)
            {
                Quad(a0, b, counts);
                for (var k = 0; k < block; k++) Store(a0 + k, b, counts[k], counts[block + k]);
            }
        }

        // Four rows a0..a0+3 against row b: shared counts into counts[0..3], same into counts[4..7]. Vectorised, four
        // words at a time with AVX2 over the whole vectors of a row, then word by word over the rest. A vector's bits
        // are counted byte by byte through a 16-entry table (one shuffle per half byte), the byte counts summed in
        // place for up to 31 vectors (8 × 31 < 256), then added up.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Quad(int a0, int b, Span<int> counts)
        {
            // Bounds were checked once above; the inner loop reads through references (it is the hot loop of the
            // whole program, and a check per load doubled its time).
            ref var c0 = ref MemoryMarshal.GetArrayDataReference(cast);
            ref var f0 = ref MemoryMarshal.GetArrayDataReference(f);
            ref var g0 = ref MemoryMarshal.GetArrayDataReference(ag);
            ref var b0 = ref MemoryMarshal.GetArrayDataReference(ab);
            ref var m0 = ref MemoryMarshal.GetArrayDataReference(mask);
            var o0 = a0 * words;
            var (o1, o2, o3) = (o0 + words, o0 + 2 * words, o0 + 3 * words);
            var ob = b * words;
            int sh0 = 0, sh1 = 0, sh2 = 0, sh3 = 0, sa0 = 0, sa1 = 0, sa2 = 0, sa3 = 0;
            var w = 0;
            if (vectorised)
            {
                var table = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
                var nibble = Vector256.Create((byte)0x0F);
                var vectorWords = words & ~3;
                while (w < vectorWords)
                {
                    var end = Math.Min(vectorWords, w + 4 * 31);
                    Vector256<byte> s0 = default, s1 = default, s2 = default, s3 = default, q0 = default, q1 = default, q2 = default, q3 = default;
                    for (; w < end; w += 4)
                    {
                        // Each vector of the later row is loaded once for the four pairs.
                        var m = Load(ref m0, w);
                        var cb = Load(ref c0, ob + w) & m;
                        var fb = Load(ref f0, ob + w) & m;
                        var gb = Load(ref g0, ob + w) & m;
                        var bb = Load(ref b0, ob + w) & m;
                        s0 += Bytes(Load(ref c0, o0 + w) & cb);
                        s1 += Bytes(Load(ref c0, o1 + w) & cb);
                        s2 += Bytes(Load(ref c0, o2 + w) & cb);
                        s3 += Bytes(Load(ref c0, o3 + w) & cb);
                        q0 += Bytes((Load(ref f0, o0 + w) & fb) | (Load(ref g0, o0 + w) & gb) | (Load(ref b0, o0 + w) & bb));
                        q1 += Bytes((Load(ref f0, o1 + w) & fb) | (Load(ref g0, o1 + w) & gb) | (Load(ref b0, o1 + w) & bb));
                        q2 += Bytes((Load(ref f0, o2 + w) & fb) | (Load(ref g0, o2 + w) & gb) | (Load(ref b0, o2 + w) & bb));
                        q3 += Bytes((Load(ref f0, o3 + w) & fb) | (Load(ref g0, o3 + w) & gb) | (Load(ref b0, o3 + w) & bb));
                    }

                    (sh0, sh1, sh2, sh3) = (sh0 + Total(s0), sh1 + Total(s1), sh2 + Total(s2), sh3 + Total(s3));
                    (sa0, sa1, sa2, sa3) = (sa0 + Total(q0), sa1 + Total(q1), sa2 + Total(q2), sa3 + Total(q3));
                }

                Vector256<byte> Bytes(Vector256<ulong> v) =>
                    Avx2.Shuffle(table, v.AsByte() & nibble) + Avx2.Shuffle(table, Vector256.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & nibble);
            }

            for (; w < words; w++)
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

            (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]) = (sh0, sh1, sh2, sh3, sa0, sa1, sa2, sa3);
        }

        void Store(int a, int b, int sh, int sa)
        {
            shared[a * n + b] = shared[b * n + a] = sh;
            same[a * n + b] = same[b * n + a] = sa;
            if (restrictedShared is null) return;
            // Less the motions the restriction leaves out, in the few words that hold one.
            for (var k = 0; k < left.Length; k++)
            {
                var (i, j, x) = (a * words + left[k], b * words + left[k], leftBits[k]);
                sh -= BitOperations.PopCount(cast[i] & cast[j] & x);
                sa -= BitOperations.PopCount(((f[i] & f[j]) | (ag[i] & ag[j]) | (ab[i] & ab[j])) & x);
            }

            restrictedShared[a * n + b] = restrictedShared[b * n + a] = sh;
            restrictedSame![a * n + b] = restrictedSame[b * n + a] = sa;
        }

        void Pair(int a, int b)
        {
            int sh = 0, sa = 0;
            for (var w = 0; w < words; w++)
            {
                // One pass over the four planes: shared cast votes, and equal values among them (a cell holds one
                // value, so the three ANDs never overlap and can be OR-ed before counting).
                var (i, j) = (a * words + w, b * words + w);
                sh += BitOperations.PopCount(cast[i] & cast[j] & mask[w]);
                sa += BitOperations.PopCount(((f[i] & f[j]) | (ag[i] & ag[j]) | (ab[i] & ab[j])) & mask[w]);
            }

            Store(a, b, sh, sa);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Load(ref ulong start, int at) => Vector256.LoadUnsafe(ref start, (nuint)at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Total(Vector256<byte> counts) => (int)Vector256.Sum(Avx2.SumAbsoluteDifferences(counts, Vector256<byte>.Zero).AsUInt64());
}
