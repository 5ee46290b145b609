using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Agreement;

/// <summary>A data set seen through its reconstruction (the inferred positions written by <c>votealign reconstruct</c>):
/// the most-likely matrix (evidence plus inferred values), expected agreement over the inferred probabilities, and
/// how many cells rest on evidence and how many on inference.</summary>
/// <param name="MostLikely">Evidence cells plus each inferred cell's most-likely value.</param>
/// <param name="Expected">Expected agreement (evidence one-hot, inferred cells by their probabilities).</param>
/// <param name="EvidenceCells">Known cells (any basis but inferred; group statements that name members included).</param>
/// <param name="InferredCells">Cells filled by inference.</param>
public sealed record ReconstructedView(VoteMatrix MostLikely, AgreementMatrix Expected, long EvidenceCells, long InferredCells)
{
    /// <summary>Share of the cells analysed that rest on evidence, in [0, 1].</summary>
    public double EvidenceShare => EvidenceCells + InferredCells == 0 ? 1 : (double)EvidenceCells / (EvidenceCells + InferredCells);

    /// <summary>The view of <paramref name="data"/>, or null when it holds no inferred positions.</summary>
    /// <param name="data">The data (with its record set).</param>
    public static ReconstructedView? Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var inferred = data.Records?.Positions.Where(p => p.Basis == Basis.Inferred && p.Probabilities is not null).ToList();
        if (inferred is null || inferred.Count == 0) return null;
        var matrix = data.Matrix;
        var rows = matrix.Members.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var cols = matrix.Motions.Select((id, j) => (id, j)).ToDictionary(p => p.id, p => p.j);
        var probabilities = new double[matrix.MemberCount][];
        var builder = new VoteMatrix.Builder(matrix.Members, matrix.Motions);
        long evidence = 0, filled = 0;
        for (var i = 0; i < matrix.MemberCount; i++)
        {
            probabilities[i] = new double[4 * matrix.MotionCount];
            for (var j = 0; j < matrix.MotionCount; j++)
                if (matrix[i, j] is { } v)
                {
                    probabilities[i][4 * j + (int)v] = 1;
                    builder.Set(i, j, v);
                    evidence++;
                }
        }

        foreach (var p in inferred)
        {
            if (!rows.TryGetValue(p.Member, out var i) || !cols.TryGetValue(p.Motion, out var j) || matrix[i, j] is not null) continue;
            var pr = p.Probabilities!;
            probabilities[i][4 * j] = pr.For;
            probabilities[i][4 * j + 1] = pr.Against;
            probabilities[i][4 * j + 2] = pr.Abstain;
            probabilities[i][4 * j + 3] = pr.Absent;
            builder.Set(i, j, p.Vote);
            filled++;
        }

        return new ReconstructedView(builder.Build(), AgreementMatrix.FromProbabilities(matrix.Members, probabilities, matrix.MotionCount), evidence, filled);
    }
}
