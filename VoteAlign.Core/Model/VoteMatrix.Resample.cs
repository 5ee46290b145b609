using System.Collections.Immutable;

namespace VoteAlign.Core.Model;

public sealed partial class VoteMatrix
{
    /// <summary>A matrix whose column c is this matrix's column <paramref name="columns"/>[c] (columns may repeat,
    /// as in a bootstrap resample). Column ids get a <c>#c</c> suffix so they stay distinct.</summary>
    /// <param name="columns">Source column indexes.</param>
    /// <param name="keepIds">Keep the original motion ids (the columns must then be distinct).</param>
    internal VoteMatrix SelectColumns(IReadOnlyList<int> columns, bool keepIds = false)
    {
        var motions = columns.Select((c, i) => keepIds ? Motions[c] : new MotionId($"{Motions[c]}#{i}")).ToImmutableArray();
        var builder = new Builder(Members, motions);
        for (var i = 0; i < MemberCount; i++)
            for (var c = 0; c < columns.Count; c++)
                if (this[i, columns[c]] is { } v) builder.Set(i, c, v);
        return builder.Build();
    }

    /// <summary>A copy in which, within each motion, the cast votes (for, against, abstain) of the given rows are
    /// randomly permuted among the rows that cast them: tallies and each member's turnout are kept, alignment
    /// between members is broken. Other cells are copied.</summary>
    /// <param name="rows">Rows whose votes are shuffled.</param>
    /// <param name="rng">The random source.</param>
    internal VoteMatrix ShuffleColumns(IReadOnlyList<int> rows, Random rng)
    {
        var builder = new Builder(Members, Motions);
        var shuffled = new HashSet<int>(rows);
        var cast = new List<int>();
        var values = new List<Vote>();
        for (var j = 0; j < MotionCount; j++)
        {
            cast.Clear();
            values.Clear();
            for (var i = 0; i < MemberCount; i++)
            {
                if (this[i, j] is not { } v) continue;
                if (shuffled.Contains(i) && v != Vote.Absent)
                {
                    cast.Add(i);
                    values.Add(v);
                }
                else
                {
                    builder.Set(i, j, v);
                }
            }

            for (var t = values.Count - 1; t > 0; t--)
            {
                var u = rng.Next(t + 1);
                (values[t], values[u]) = (values[u], values[t]);
            }

            for (var t = 0; t < cast.Count; t++) builder.Set(cast[t], j, values[t]);
        }

        return builder.Build();
    }
}
