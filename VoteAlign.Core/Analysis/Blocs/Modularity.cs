using System.Runtime.CompilerServices;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>Newman–Girvan modularity with a resolution parameter γ:
/// Q = Σ_c [ W_c / W − γ (D_c / 2W)² ], where W is the total edge weight, W_c the weight inside community c and
/// D_c the summed weighted degree of its vertices. γ = 1 is the classical definition; larger γ favours
/// smaller communities.</summary>
internal static class Modularity
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Of(WeightedGraph g, IReadOnlyList<int> communities, double resolution = 1.0)
    {
        // An array, not the list interface, in the loop over every edge end below.
        var community = communities as int[] ?? [.. communities];
        var m = g.TotalWeight;
        if (m <= 0) return 0;
        var k = community.Length == 0 ? 0 : community.Max() + 1;
        var inside = new double[k];
        var degree = new double[k];
        for (var v = 0; v < g.VertexCount; v++)
        {
            degree[community[v]] += g.Degree(v);
            foreach (var (to, w) in g.NeighbourSpan(v))
            {
                if (community[to] != community[v]) continue;
                // Each undirected edge is seen from both ends; a self-loop once.
                inside[community[v]] += to == v ? w : w / 2;
            }
        }

        double q = 0;
        for (var c = 0; c < k; c++) q += inside[c] / m - resolution * Math.Pow(degree[c] / (2 * m), 2);
        return q;
    }
}
