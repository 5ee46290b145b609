using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Interop;

/// <summary>Builds the matrix an interop export writes.</summary>
public static class RollCallMatrices
{
    /// <summary>The matrix of <paramref name="data"/> for <paramref name="which"/>: for a roll call (no record set) or
    /// <see cref="RollCallMatrix.Evidence"/>, the data set's own evidence matrix; for
    /// <see cref="RollCallMatrix.MostLikely"/>, the evidence plus the most likely value of each inferred position in a
    /// cell with no evidence.</summary>
    /// <param name="data">The data.</param>
    /// <param name="which">Which matrix.</param>
    public static VoteMatrix Of(Dataset data, RollCallMatrix which)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (which == RollCallMatrix.Evidence || data.Records is null) return data.Matrix;
        var evidence = data.Records.Positions.Where(p => p.IsEvidence).DistinctBy(p => (p.Member, p.Motion)).ToList();
        evidence.AddRange(Dataset.GroupEvidence(data.Records, evidence));
        var taken = evidence.Select(p => (p.Member, p.Motion)).ToHashSet();
        var inferred = data.Records.Positions.Where(p => !p.IsEvidence && taken.Add((p.Member, p.Motion)));
        return VoteMatrix.FromPositions(data.Matrix.Members, data.Matrix.Motions, evidence.Concat(inferred));
    }
}
