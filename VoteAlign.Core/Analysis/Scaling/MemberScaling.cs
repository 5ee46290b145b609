using System.Collections.Immutable;
using System.Globalization;
using VoteAlign.Core.Internal;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Scaling;

/// <summary>Places members on a line or plane: classical MDS of the agreement distances, or a 1-D ideal point
/// from a logistic item-response model.</summary>
public static class MemberScaling
{
    /// <summary>Scales the members of <paramref name="matrix"/>.</summary>
    /// <param name="matrix">The votes.</param>
    /// <param name="options">Method, dimensions, thresholds.</param>
    /// <exception cref="ArgumentException">Options out of range (IRT in 2-D; dimensions not 1 or 2).</exception>
    public static ScaleResult Run(VoteMatrix matrix, ScaleOptions options) => Run(matrix, options, null);

    /// <summary>Scales with a given agreement matrix (e.g. expected agreement over a reconstruction) for MDS; the
    /// ideal-point model always uses the for / against votes of <paramref name="matrix"/>.</summary>
    /// <param name="matrix">The votes.</param>
    /// <param name="options">Method, dimensions, thresholds.</param>
    /// <param name="agreement">Pairwise agreement, or null to compute it from <paramref name="matrix"/>.</param>
    public static ScaleResult Run(VoteMatrix matrix, ScaleOptions options, AgreementMatrix? agreement)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Dimensions is not (1 or 2)) throw new ArgumentException("Dimensions must be 1 or 2.", nameof(options));
        if (options.Method == ScaleMethod.Irt && options.Dimensions != 1) throw new ArgumentException("The ideal-point model is 1-D.", nameof(options));
        if (agreement is null)
        {
            options.Progress?.Report("agreement");
            agreement = AgreementMatrix.Compute(matrix, options.Threads);
        }

        options.Progress?.Report("MDS");
        var mds = Mds(matrix, agreement, options with { Dimensions = options.Method == ScaleMethod.Irt ? 1 : options.Dimensions });
        if (options.Method == ScaleMethod.Mds) return mds;
        options.Progress?.Report("ideal points");
        return IdealPoints.Fit(matrix, mds, options);
    }

    private static ScaleResult Mds(VoteMatrix matrix, AgreementMatrix agreement, ScaleOptions o)
    {
        var unplaced = new List<(MemberId, string)>();
        var rows = new List<int>();
        for (var r = 0; r < matrix.MemberCount; r++)
        {
            var cast = matrix.CastCount(r);
            if (cast < o.MinVotes) unplaced.Add((matrix.Members[r], cast == 0 ? "no known vote" : $"only {cast} known votes (minimum {o.MinVotes})"));
            else if (!Enumerable.Range(0, matrix.MemberCount).Any(q => q != r && agreement.SharedAt(r, q) >= o.MinShared && matrix.CastCount(q) >= o.MinVotes))
                unplaced.Add((matrix.Members[r], $"shares {o.MinShared} or more known votes with no other member"));
            else rows.Add(r);
        }

        var n = rows.Count;
        var coords = new double[n, o.Dimensions];
        var explained = ImmutableArray<double>.Empty;
        if (n >= 2)
        {
            // Unknown distances (too few shared votes) are imputed with the mean known distance: documented, and
            // reported per member as the number of votes the placement rests on.
            double sum = 0;
            long count = 0;
            for (var a = 0; a < n; a++)
                for (var b = a + 1; b < n; b++)
                    if (agreement.SharedAt(rows[a], rows[b]) >= o.MinShared && agreement.ValueAt(rows[a], rows[b]) is { } v)
                    {
                        sum += 1 - v;
                        count++;
                    }

            var fallback = count == 0 ? 0.5 : sum / count;
            var d2 = new double[n * n];
            for (var a = 0; a < n; a++)
                for (var b = 0; b < n; b++)
                {
                    if (a == b) continue;
                    var d = agreement.SharedAt(rows[a], rows[b]) >= o.MinShared && agreement.ValueAt(rows[a], rows[b]) is { } v ? 1 - v : fallback;
                    d2[a * n + b] = d * d;
                }

            // B = −½ J D² J (double centring), then the top eigenpairs. Each kept dimension's share is λ² / Σ λ²,
            // its squared eigenvalue over the sum of all of them, which is the sum of B's squared entries and so needs
            // no other eigenvalue; unlike λ over the trace it stays in [0, 1] when the distances are not Euclidean
            // (B then has negative eigenvalues).
            var rowMean = new double[n];
            for (var a = 0; a < n; a++)
            {
                double sumRow = 0;
                for (var b = 0; b < n; b++) sumRow += d2[a * n + b];
                rowMean[a] = sumRow / n;
            }

            var total = rowMean.Sum() / n;
            var bMatrix = new double[n * n];
            double squares = 0;
            for (var a = 0; a < n; a++)
                for (var b = 0; b < n; b++)
                {
                    bMatrix[a * n + b] = -0.5 * (d2[a * n + b] - rowMean[a] - rowMean[b] + total);
                    squares += bMatrix[a * n + b] * bMatrix[a * n + b];
                }

            var (values, vectors) = SymmetricEigen.Largest(bMatrix, n, Math.Min(o.Dimensions, n), o.Threads);
            var kept = new List<double>();
            for (var d = 0; d < o.Dimensions; d++)
            {
                var lambda = d < values.Length ? Math.Max(0, values[d]) : 0;
                kept.Add(squares > 0 ? lambda * lambda / squares : 0);
                if (d >= values.Length) continue;
                for (var a = 0; a < n; a++) coords[a, d] = vectors[d][a] * Math.Sqrt(lambda);
            }

            explained = [.. kept];
            Orient(coords, rows, matrix, o.Polarity);
        }

        var placed = new Dictionary<int, int>();
        for (var a = 0; a < n; a++) placed[rows[a]] = a;
        var members = Enumerable.Range(0, matrix.MemberCount).Select(r => placed.TryGetValue(r, out var a)
            ? new MemberPlacement(matrix.Members[r], coords[a, 0], o.Dimensions > 1 ? coords[a, 1] : null, null, matrix.CastCount(r))
            : new MemberPlacement(matrix.Members[r], null, null, null, matrix.CastCount(r))).ToImmutableArray();
        var note = o.Polarity is { } pol
            ? $"signs set so that {pol} is on the positive side of each dimension"
            : "signs set so that the member farthest from the centre on each dimension is on its positive side";
        return new ScaleResult(ScaleMethod.Mds, o.Dimensions, members, [.. unplaced], explained, 0, true,
            note + "; unknown distances imputed with the mean known distance " + (n >= 2 ? "" : "(fewer than two members placed)"));
    }

    /// <summary>Fixes the arbitrary signs of eigenvectors (Math.NET returns either).</summary>
    private static void Orient(double[,] coords, List<int> rows, VoteMatrix matrix, MemberId? polarity)
    {
        var n = coords.GetLength(0);
        for (var d = 0; d < coords.GetLength(1); d++)
        {
            var pivot = polarity is { } p ? rows.FindIndex(r => matrix.Members[r] == p) : -1;
            if (pivot < 0)
            {
                pivot = 0;
                for (var a = 1; a < n; a++)
                    if (Math.Abs(coords[a, d]) > Math.Abs(coords[pivot, d]) + 1e-12) pivot = a;
            }

            if (coords[pivot, d] < 0)
                for (var a = 0; a < n; a++) coords[a, d] = -coords[a, d];
        }
    }

    internal static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
