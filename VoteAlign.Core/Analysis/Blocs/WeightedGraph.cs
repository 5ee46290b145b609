using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>An undirected weighted graph over vertices 0..n−1 as adjacency lists, for modularity work.</summary>
internal sealed class WeightedGraph
{
    private readonly List<(int To, double Weight)>[] _adjacent;

    public WeightedGraph(int vertices)
    {
        _adjacent = new List<(int, double)>[vertices];
        for (var i = 0; i < vertices; i++) _adjacent[i] = [];
    }

    public int VertexCount => _adjacent.Length;

    /// <summary>Sum of all edge weights (each undirected edge once; a self-loop once).</summary>
    public double TotalWeight { get; private set; }

    public IReadOnlyList<(int To, double Weight)> Neighbours(int v) => _adjacent[v];

    /// <summary><see cref="Neighbours"/> as a span, for loops over every edge (no enumerator through the interface).</summary>
    public ReadOnlySpan<(int To, double Weight)> NeighbourSpan(int v) => CollectionsMarshal.AsSpan(_adjacent[v]);

    /// <summary>Adds an undirected edge. A self-loop is stored once.</summary>
    public void Add(int a, int b, double weight)
    {
        _adjacent[a].Add((b, weight));
        if (a != b) _adjacent[b].Add((a, weight));
        TotalWeight += weight;
    }

    /// <summary>Weighted degree: the sum of incident edge weights, a self-loop counted twice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Degree(int v)
    {
        double sum = 0;
        foreach (var (to, w) in NeighbourSpan(v)) sum += to == v ? 2 * w : w;
        return sum;
    }
}
