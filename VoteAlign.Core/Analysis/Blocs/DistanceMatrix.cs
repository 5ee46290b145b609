using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>1 − agreement between the members taken into a bloc analysis, with <see cref="double.NaN"/> for a pair
/// whose agreement rests on fewer than the minimum shared votes (unknown, not 0 or 1).</summary>
internal sealed class DistanceMatrix
{
    private readonly double[] _d;

    public DistanceMatrix(ImmutableArray<MemberId> members, double[] distances)
    {
        Members = members;
        _d = distances;
    }

    public ImmutableArray<MemberId> Members { get; }

    public int Count => Members.Length;

    public double this[int a, int b] => _d[a * Count + b];

    /// <summary>Distances among <paramref name="rows"/> of <paramref name="agreement"/>; pairs sharing fewer than
    /// <paramref name="minShared"/> votes are unknown.</summary>
    public static DistanceMatrix From(AgreementMatrix agreement, IReadOnlyList<int> rows, int minShared)
    {
        var n = rows.Count;
        var d = new double[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
            {
                if (a == b) continue;
                d[a * n + b] = agreement.SharedAt(rows[a], rows[b]) >= minShared && agreement.ValueAt(rows[a], rows[b]) is { } v ? 1 - v : double.NaN;
            }

        return new DistanceMatrix([.. rows.Select(r => agreement.Members[r])], d);
    }

    /// <summary>A sub-matrix over <paramref name="rows"/>.</summary>
    public DistanceMatrix Subset(IReadOnlyList<int> rows)
    {
        var n = rows.Count;
        var d = new double[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++) d[a * n + b] = this[rows[a], rows[b]];
        return new DistanceMatrix([.. rows.Select(r => Members[r])], d);
    }

    /// <summary>The mean of the known off-diagonal distances (0.5 if none is known).</summary>
    public double MeanKnown()
    {
        double sum = 0;
        long count = 0;
        for (var a = 0; a < Count; a++)
            for (var b = a + 1; b < Count; b++)
                if (!double.IsNaN(this[a, b]))
                {
                    sum += this[a, b];
                    count++;
                }

        return count == 0 ? 0.5 : sum / count;
    }
}
