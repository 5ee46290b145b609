namespace VoteAlign.Core.Export.Graphs;

/// <summary>A declared node or edge attribute.</summary>
/// <param name="Name">The attribute's name (GraphML <c>attr.name</c>, GEXF <c>title</c>, the JSON property).</param>
/// <param name="Type">The type of its values.</param>
/// <param name="Description">What it means, written into the GraphML key's <c>desc</c>.</param>
public sealed record GraphKey(string Name, GraphValueType Type, string Description);
