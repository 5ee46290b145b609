namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>Diagnostics for one candidate number of blocs.</summary>
/// <param name="K">The number of blocs.</param>
/// <param name="Silhouette">Mean silhouette of the method's partition at this k, in [-1, 1].</param>
/// <param name="Eigengap">λ_(k+1) − λ_k of the normalised Laplacian of the self-tuning affinity.</param>
/// <param name="Modularity">Modularity of the partition on the affinity graph.</param>
public sealed record KCandidate(int K, double Silhouette, double Eigengap, double Modularity);
