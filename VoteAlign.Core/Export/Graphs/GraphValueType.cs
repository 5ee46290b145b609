namespace VoteAlign.Core.Export.Graphs;

/// <summary>The type of an attribute's values, as GraphML's <c>attr.type</c> and GEXF's attribute types know them.</summary>
public enum GraphValueType
{
    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A 32-bit whole number.</summary>
    Int,

    /// <summary>A double-precision number, written with the shortest round-trip form (invariant culture).</summary>
    Double,

    /// <summary>Text.</summary>
    String,
}
