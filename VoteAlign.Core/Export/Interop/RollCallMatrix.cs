using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Interop;

/// <summary>Which members × motions matrix an interop export writes.</summary>
public enum RollCallMatrix
{
    /// <summary>Evidence only: every known position except inferred ones (and group statements that name their
    /// members). Cells nothing is known about stay unknown.</summary>
    Evidence,

    /// <summary>The most likely vote in every cell the records say anything about: evidence where there is some, and
    /// otherwise the most likely value of an inferred position (written by reconstruction). Without inferred
    /// positions in the input it equals <see cref="Evidence"/>.</summary>
    MostLikely,
}
