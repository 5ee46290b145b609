using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>The outcome of a bloc analysis.</summary>
/// <param name="Method">The method used.</param>
/// <param name="K">The number of blocs found.</param>
/// <param name="KChosen">Whether k was chosen from the data (<c>--k auto</c>) rather than given.</param>
/// <param name="KReason">Why this k, in words.</param>
/// <param name="Assignments">Every member of the input, in input order; an unassigned member has a null bloc.</param>
/// <param name="Candidates">Diagnostics for each k considered: silhouette, eigengap, modularity.</param>
/// <param name="Unassigned">Members left out of the clustering, each with the reason.</param>
/// <param name="Permutation">The permutation test, if run.</param>
/// <param name="Bootstraps">Bootstrap resamples run for stability (0 if none).</param>
public sealed record BlocResult(
    BlocMethod Method,
    int K,
    bool KChosen,
    string KReason,
    ImmutableArray<BlocAssignment> Assignments,
    ImmutableArray<KCandidate> Candidates,
    ImmutableArray<(MemberId Member, string Reason)> Unassigned,
    PermutationTest? Permutation,
    int Bootstraps)
{
    /// <summary>Each assigned member's bloc number as text: the grouping splits break each vote down by.</summary>
    public Dictionary<MemberId, string> Labels() =>
        Assignments.Where(a => a.Bloc is not null).ToDictionary(a => a.Member, a => a.Bloc!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The members of each bloc (1-based bloc numbers), blocs in order of number.</summary>
    public ImmutableArray<ImmutableArray<MemberId>> Members =>
        [.. Enumerable.Range(1, K).Select(b => Assignments.Where(a => a.Bloc == b).Select(a => a.Member).ToImmutableArray())];
}
