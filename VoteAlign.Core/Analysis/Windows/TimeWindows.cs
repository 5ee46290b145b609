using System.Collections.Immutable;
using System.Globalization;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Windows;

/// <summary>Splits a data set's motions into windows: <c>year</c> (calendar years of the meeting dates),
/// <c>term</c> (periods between changes of the roster: any member's term starting or ending), or a number N
/// (consecutive runs of N motions in date order, input order for undated motions).</summary>
public static class TimeWindows
{
    /// <summary>Splits <paramref name="data"/>.</summary>
    /// <param name="data">The data.</param>
    /// <param name="spec"><c>year</c>, <c>term</c> or a whole number ≥ 2.</param>
    /// <exception cref="ArgumentException">The spec is not one of those.</exception>
    /// <exception cref="InputException">The data cannot be split that way (no dates; no terms).</exception>
    public static ImmutableArray<TimeWindow> Split(Dataset data, string spec)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(spec);
        var dates = data.Meetings.Where(m => m.Date is not null).ToDictionary(m => m.Id, m => m.Date!.Value);
        DateOnly? DateOf(Motion m) => dates.TryGetValue(m.Meeting, out var d) ? d : null;
        var order = Enumerable.Range(0, data.Motions.Length)
            .OrderBy(j => DateOf(data.Motions[j]) ?? DateOnly.MaxValue).ThenBy(j => j).ToList();

        List<(string Label, List<int> Columns)> windows;
        if (spec == "year")
        {
            if (dates.Count == 0) throw new InputException(new InputError(data.Name, null, null, "--window year needs meeting dates, and this data has none (a roll call needs motions.csv with a date column)."));
            windows = [.. order.GroupBy(j => DateOf(data.Motions[j])?.Year.ToString(CultureInfo.InvariantCulture) ?? "undated")
                .Select(g => (g.Key, g.ToList()))];
        }
        else if (spec == "term")
        {
            var cuts = data.Members.SelectMany(m => m.Terms).SelectMany(t => new[] { t.From, t.To is { } to ? to.AddDays(1) : (DateOnly?)null })
                .Where(d => d is not null).Select(d => d!.Value).Distinct().Order().ToList();
            if (cuts.Count == 0) throw new InputException(new InputError(data.Name, null, null, "--window term needs members' terms (from/to dates), and this data has none: use --window year or a number of motions."));
            if (dates.Count == 0) throw new InputException(new InputError(data.Name, null, null, "--window term needs meeting dates, and this data has none."));
            string TermOf(DateOnly? d)
            {
                if (d is null) return "undated";
                var i = cuts.Count(c => c <= d.Value);
                return "term " + i.ToString(CultureInfo.InvariantCulture);
            }

            windows = [.. order.GroupBy(j => TermOf(DateOf(data.Motions[j]))).Select(g => (g.Key, g.ToList()))];
        }
        else if (int.TryParse(spec, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 2)
        {
            windows = [.. order.Chunk(size).Select((c, i) => ($"motions {i * size + 1}-{i * size + c.Length}", c.ToList()))];
        }
        else
        {
            throw new ArgumentException($"A window is year, term or a number of motions ≥ 2, not '{spec}'.", nameof(spec));
        }

        return [.. windows.Select(w =>
        {
            var motions = w.Columns.Select(j => data.Motions[j]).ToImmutableArray();
            var wd = w.Columns.Select(j => DateOf(data.Motions[j])).Where(d => d is not null).Select(d => d!.Value).ToList();
            var matrix = data.Matrix.SelectColumns(w.Columns, keepIds: true);
            var meetings = motions.Select(m => m.Meeting).ToHashSet();
            return new TimeWindow(w.Label, wd.Count > 0 ? wd.Min() : null, wd.Count > 0 ? wd.Max() : null,
                data with { Motions = motions, Matrix = matrix, Meetings = [.. data.Meetings.Where(m => meetings.Contains(m.Id))] });
        })];
    }
}
