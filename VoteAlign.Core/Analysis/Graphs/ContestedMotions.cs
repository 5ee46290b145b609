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
        var counts = data.Matrix.ColumnCounts();
        var byId = data.Motions.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        var flags = new bool[data.Matrix.MotionCount];
        for (var j = 0; j < flags.Length; j++)
        {
            var motion = byId.GetValueOrDefault(data.Matrix.Motions[j]);
            if (motion is { Unanimous: true }) continue;
            var known = (counts[j].For > 0 ? 1 : 0) + (counts[j].Against > 0 ? 1 : 0) + (counts[j].Abstain > 0 ? 1 : 0);
            var tallied = motion?.Tally is { } t ? (t.For > 0 ? 1 : 0) + (t.Against > 0 ? 1 : 0) + (t.Abstain > 0 ? 1 : 0) : 0;
            flags[j] = known >= 2 || tallied >= 2;
        }

        return flags;
    }
}
