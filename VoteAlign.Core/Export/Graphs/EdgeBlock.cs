namespace VoteAlign.Core.Export.Graphs;

/// <summary>A block of edges whose values are all numbers, in arrays reused from block to block: the endpoints as
/// indexes into a list of node ids, and for each edge one cell per edge key, with its kind and value (an int as a
/// double, which holds it exactly).</summary>
internal sealed class EdgeBlock
{
    public EdgeBlock(int capacity, int keys)
    {
        Capacity = capacity;
        Keys = keys;
        Source = new int[capacity];
        Target = new int[capacity];
        Values = new double[capacity * keys];
        Kinds = new EdgeValueKind[capacity * keys];
    }

    /// <summary>The most edges it holds.</summary>
    public int Capacity { get; }

    /// <summary>Cells per edge (the document's edge keys).</summary>
    public int Keys { get; }

    /// <summary>Edges held now.</summary>
    public int Count { get; set; }

    /// <summary>Per edge, the index of its source node id.</summary>
    public int[] Source { get; }

    /// <summary>Per edge, the index of its target node id.</summary>
    public int[] Target { get; }

    /// <summary>Edge e's value of key k at e × <see cref="Keys"/> + k.</summary>
    public double[] Values { get; }

    /// <summary>Whether each cell of <see cref="Values"/> is missing, an int or a double.</summary>
    public EdgeValueKind[] Kinds { get; }
}

/// <summary>What a cell of an <see cref="EdgeBlock"/> holds.</summary>
internal enum EdgeValueKind : byte
{
    /// <summary>No value (left out of the file).</summary>
    None,

    /// <summary>A 32-bit whole number.</summary>
    Int,

    /// <summary>A double.</summary>
    Double,
}
