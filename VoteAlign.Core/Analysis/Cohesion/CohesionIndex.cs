using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Cohesion;

/// <summary>Rice index and Agreement Index of groups of members.</summary>
public static class CohesionIndex
{
    /// <summary>The Rice index of one motion's group vote: |for − against| / (for + against); null when both are 0.</summary>
    /// <param name="forVotes">Votes for.</param>
    /// <param name="against">Votes against.</param>
    public static double? Rice(int forVotes, int against) =>
        forVotes + against == 0 ? null : Math.Abs(forVotes - against) / (double)(forVotes + against);

    /// <summary>The Hix–Noury–Roland Agreement Index of one motion's group vote; null when nobody cast a vote.</summary>
    /// <param name="forVotes">Votes for.</param>
    /// <param name="against">Votes against.</param>
    /// <param name="abstain">Abstentions.</param>
    public static double? AgreementIndex(int forVotes, int against, int abstain)
    {
        var total = forVotes + against + abstain;
        if (total == 0) return null;
        var max = Math.Max(forVotes, Math.Max(against, abstain));
        return (max - 0.5 * (total - max)) / total;
    }

    /// <summary>Scores each group over the matrix. <paramref name="labels"/> gives each row's group, or null to leave the row out.</summary>
    /// <param name="matrix">The votes.</param>
    /// <param name="labels">Group label per matrix row (null: not in any group).</param>
    public static IReadOnlyList<CohesionScore> Of(VoteMatrix matrix, IReadOnlyList<string?> labels)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(labels);
        var result = new List<CohesionScore>();
        foreach (var group in labels.Where(l => l is not null).Distinct().Order(StringComparer.Ordinal))
        {
            var rows = Enumerable.Range(0, matrix.MemberCount).Where(r => labels[r] == group).ToList();
            double rice = 0, ai = 0;
            int riceN = 0, aiN = 0;
            for (var j = 0; j < matrix.MotionCount; j++)
            {
                int f = 0, a = 0, b = 0;
                foreach (var r in rows)
                {
                    switch (matrix[r, j])
                    {
                        case Vote.For: f++; break;
                        case Vote.Against: a++; break;
                        case Vote.Abstain: b++; break;
                    }
                }

                if (Rice(f, a) is { } rv)
                {
                    rice += rv;
                    riceN++;
                }

                if (AgreementIndex(f, a, b) is { } av)
                {
                    ai += av;
                    aiN++;
                }
            }

            result.Add(new CohesionScore(group!, rows.Count, aiN, riceN == 0 ? null : rice / riceN, aiN == 0 ? null : ai / aiN));
        }

        return result;
    }
}
