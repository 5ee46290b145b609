using System.Runtime.CompilerServices;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>The silhouette (Rousseeuw, 1987) of a partition under a distance matrix.</summary>
internal static class Silhouette
{
    /// <summary>Each member's silhouette s(i) = (b − a) / max(a, b), where a is the mean distance to the other
    /// members of its cluster and b the smallest mean distance to another cluster; unknown (NaN) distances are
    /// left out of the means. A member alone in its cluster has s = 0. Range [-1, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Values(DistanceMatrix d, IReadOnlyList<int> labelList)
    {
        // An array, not the list interface, in the n² loop below.
        var labels = labelList as int[] ?? [.. labelList];
        var n = d.Count;
        var k = labels.Length == 0 ? 0 : labels.Max() + 1;
        var s = new double[n];
        var sums = new double[k];
        var counts = new int[k];
        var sizes = new int[k];
        foreach (var l in labels) sizes[l]++;
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            for (var j = 0; j < n; j++)
            {
                if (j == i || double.IsNaN(d[i, j])) continue;
                sums[labels[j]] += d[i, j];
                counts[labels[j]]++;
            }

            var own = labels[i];
            if (sizes[own] <= 1 || counts[own] == 0)
            {
                s[i] = 0;
                continue;
            }

            var a = sums[own] / counts[own];
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
                if (c != own && counts[c] > 0) b = Math.Min(b, sums[c] / counts[c]);
            var denominator = Math.Max(a, b);
            s[i] = double.IsPositiveInfinity(b) || denominator == 0 ? 0 : (b - a) / denominator;
        }

        return s;
    }

    /// <summary>The mean silhouette over all members.</summary>
    public static double Mean(DistanceMatrix d, IReadOnlyList<int> labels) => labels.Count == 0 ? 0 : Values(d, labels).Average();
}
