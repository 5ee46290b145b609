namespace VoteAlign.Core.Analysis.Compare;

/// <summary>Comparing two partitions of the same members.</summary>
public static class Partitions
{
    /// <summary>The adjusted Rand index (Hubert and Arabie, 1985) of two labelings: 1 for identical partitions,
    /// about 0 for independent ones (it can be negative). Labels are any integers; only equality matters.</summary>
    /// <param name="a">First labeling.</param>
    /// <param name="b">Second labeling, same length.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double AdjustedRandIndex(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException("Labelings differ in length.", nameof(b));
        var n = a.Count;
        if (n < 2) return 1.0;
        var table = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var cols = new Dictionary<int, long>();
        for (var i = 0; i < n; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            cols[b[i]] = cols.GetValueOrDefault(b[i]) + 1;
        }

        static double Pairs(long x) => x * (x - 1) / 2.0;
        var index = table.Values.Sum(Pairs);
        var sumRows = rows.Values.Sum(Pairs);
        var sumCols = cols.Values.Sum(Pairs);
        var expected = sumRows * sumCols / Pairs(n);
        var max = (sumRows + sumCols) / 2;
        // Both partitions trivial in the same way (all singletons, or one block): identical.
        return max - expected == 0 ? 1.0 : (index - expected) / (max - expected);
    }

    /// <summary>Counts of members per (row label, column label), rows and columns sorted.</summary>
    /// <param name="rows">Row labeling.</param>
    /// <param name="cols">Column labeling, same length.</param>
    public static SortedDictionary<string, SortedDictionary<string, int>> CrossTable(IReadOnlyList<string> rows, IReadOnlyList<string> cols)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cols);
        if (rows.Count != cols.Count) throw new ArgumentException("Labelings differ in length.", nameof(cols));
        var table = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var allCols = cols.Distinct().ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!table.TryGetValue(rows[i], out var row))
            {
                table[rows[i]] = row = new SortedDictionary<string, int>(StringComparer.Ordinal);
                foreach (var c in allCols) row[c] = 0;
            }

            row[cols[i]]++;
        }

        return table;
    }
}
