using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>Which motions were contested: the record shows at least two different votes cast on it (for, against,
/// abstain), in its reported tally or among the known positions, and it was not reported unanimous. A motion whose
/// known votes all agree and whose tally is unknown is not counted as contested: nothing says anyone dissented.</summary>
public static class ContestedMotions
{
    /// <summary>One flag per matrix column.</summary>
    /// <param name="data">The data set (motions in matrix column order).</param>
    public static bool[] Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var matrix = data.Matrix;
        // Which values were cast on each motion: one OR over the members' rows per value, not a count of every cell.
        var (anyFor, anyAgainst, anyAbstain) = (matrix.ColumnsHolding(Vote.For), matrix.ColumnsHolding(Vote.Against), matrix.ColumnsHolding(Vote.Abstain));
        // The motions usually come in column order; else they are found by id (the first of a repeated id).
        var motions = data.Motions;
        var inOrder = motions.Length == matrix.MotionCount;
        for (var j = 0; inOrder && j < motions.Length; j++) inOrder = motions[j].Id == matrix.Motions[j];
        var byId = inOrder ? null : motions.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        var flags = new bool[matrix.MotionCount];
        for (var j = 0; j < flags.Length; j++)
        {
            var motion = byId is null ? motions[j] : byId.GetValueOrDefault(matrix.Motions[j]);
            if (motion is { Unanimous: true }) continue;
            var bit = 1UL << (j & 63);
            var known = ((anyFor[j >> 6] & bit) != 0 ? 1 : 0) + ((anyAgainst[j >> 6] & bit) != 0 ? 1 : 0) + ((anyAbstain[j >> 6] & bit) != 0 ? 1 : 0);
            var tallied = motion?.Tally is { } t ? (t.For > 0 ? 1 : 0) + (t.Against > 0 ? 1 : 0) + (t.Abstain > 0 ? 1 : 0) : 0;
            flags[j] = known >= 2 || tallied >= 2;
        }

        return flags;
    }
}
