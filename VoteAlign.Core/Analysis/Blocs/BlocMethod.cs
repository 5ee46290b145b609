namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>How blocs are found.</summary>
public enum BlocMethod
{
    /// <summary>Spectral: a self-tuning spectral embedding of the agreement distances, over-segmented by k-means and
    /// merged by the evidence that groups vote differently (the default).</summary>
    Spectral,

    /// <summary>Average-linkage agglomerative clustering on 1 − agreement, cut at k.</summary>
    Hierarchical,

    /// <summary>Louvain modularity on the weighted co-voting graph of nearest neighbours.</summary>
    Louvain,
}
