using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Inference;

/// <summary>Member-level votes reconstructed from tallies and known positions.</summary>
/// <param name="Cells">Every (member, motion) pair where the member was in office: evidence, forced and inferred.</param>
/// <param name="Motions">Per motion: the tally used and what was done with it.</param>
/// <param name="Records">The input record set with forced and inferred positions added (basis <c>forced</c> /
/// <c>inferred</c>, inferred ones with probabilities and the most-likely value as their vote).</param>
/// <param name="BlocOf">Each roster member's latent bloc in the last sweep (0-based; labels are arbitrary).</param>
public sealed record ReconstructionResult(
    ImmutableArray<CellEstimate> Cells,
    ImmutableArray<MotionReport> Motions,
    RecordSet Records,
    ImmutableDictionary<MemberId, int> BlocOf)
{
    /// <summary>The unknown cells whose value would tell most about the member's bloc, most first (at most 20):
    /// whom to ask, about which vote.</summary>
    public ImmutableArray<Question> AskNext { get; init; } = [];

    /// <summary>The group statements that would tell most about how motions split between the blocs, most first (at
    /// most 20; stance model only): which group to ask about, on which vote.</summary>
    public ImmutableArray<GroupQuestion> AskGroups { get; init; } = [];

    /// <summary>How the fit went, for a person (e.g. "stance model, EM: converged after 31 iterations").</summary>
    public string Fitting { get; init; } = "";

    /// <summary>Share of the cells that rest on evidence (named, group-free), in [0, 1].</summary>
    public double EvidenceShare => Cells.IsEmpty ? 0 : (double)Cells.Count(c => c.Basis is not (Basis.Inferred or Basis.Forced)) / Cells.Length;

    /// <summary>Share of the cells fixed by arithmetic alone.</summary>
    public double ForcedShare => Cells.IsEmpty ? 0 : (double)Cells.Count(c => c.Basis == Basis.Forced) / Cells.Length;

    /// <summary>Share of the cells inferred by the model.</summary>
    public double InferredShare => Cells.IsEmpty ? 0 : (double)Cells.Count(c => c.Basis == Basis.Inferred) / Cells.Length;
}
