using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Scaling;

/// <summary>Members placed in one or two dimensions.</summary>
/// <param name="Method">The method.</param>
/// <param name="Dimensions">1 or 2.</param>
/// <param name="Members">Every member, in input order; unplaced members have null coordinates.</param>
/// <param name="Unplaced">Members left out, with the reason.</param>
/// <param name="Explained">MDS: each kept dimension's squared eigenvalue over the sum of all squared eigenvalues of the double-centred matrix B (in [0, 1]). IRT: empty.</param>
/// <param name="Iterations">IRT: iterations run; MDS: 0.</param>
/// <param name="Converged">IRT: whether the fit converged.</param>
/// <param name="Note">How the solution was identified (sign, scale).</param>
public sealed record ScaleResult(
    ScaleMethod Method,
    int Dimensions,
    ImmutableArray<MemberPlacement> Members,
    ImmutableArray<(MemberId Member, string Reason)> Unplaced,
    ImmutableArray<double> Explained,
    int Iterations,
    bool Converged,
    string Note);
