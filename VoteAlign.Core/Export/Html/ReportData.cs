using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Analysis.Splits;
using VoteAlign.Core.Analysis.Summary;
using VoteAlign.Core.Analysis.Windows;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Html;

/// <summary>Everything the HTML report draws, computed once: what the data holds, the blocs, pairwise agreement,
/// the 2-D map, the ideal points, the per-motion splits and (with a window) the blocs over time.</summary>
/// <param name="Data">The data analysed.</param>
/// <param name="Summary">What the data holds.</param>
/// <param name="Reconstruction">The reconstruction the analyses used, or null when they rest on evidence alone.</param>
/// <param name="Blocs">The bloc analysis with cohesion per bloc.</param>
/// <param name="Agreement">Pairwise agreement the blocs were found on (expected agreement over a reconstruction).</param>
/// <param name="Map">2-D classical MDS of 1 − agreement.</param>
/// <param name="Ideal">1-D logistic ideal points with standard errors, or null when fewer than two members can be placed.</param>
/// <param name="IdealMotions">Motions the ideal points were fitted on (all of them, or an evenly spaced sample).</param>
/// <param name="Order">Matrix rows drawn (members with at least one cast vote), ordered by bloc (blocs by their mean
/// position on the line) then by position on the line (ideal point, else MDS dimension 1), unassigned members last.</param>
/// <param name="Splits">Every motion's split by bloc, in input order.</param>
/// <param name="Timeline">Blocs per window, or null without a window.</param>
/// <param name="Options">The settings used.</param>
public sealed record ReportData(
    Dataset Data,
    DataSummary Summary,
    ReconstructedView? Reconstruction,
    BlocReport Blocs,
    AgreementMatrix Agreement,
    ScaleResult Map,
    ScaleResult? Ideal,
    int IdealMotions,
    ImmutableArray<int> Order,
    ImmutableArray<MotionSplit> Splits,
    BlocTimeline? Timeline,
    ReportOptions Options)
{
    /// <summary>Runs every analysis the report draws, the way the commands that show them one at a time do.</summary>
    /// <param name="data">The data.</param>
    /// <param name="options">Settings.</param>
    /// <exception cref="ArgumentException">An option is out of range, or the window spec is not year, term or a number ≥ 2.</exception>
    /// <exception cref="Ingest.InputException">The data cannot be split by the window asked for (no dates, no terms).</exception>
    public static ReportData Build(Dataset data, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (options.IdealPointCells < 1 || options.EdgesPerMember < 1 || options.SplitsPageSize < 1)
            throw new ArgumentException("The report's caps are at least 1.", nameof(options));
        var blocOptions = options.Blocs with { Bootstrap = 0, Permutations = 0 };
        var view = options.EvidenceOnly ? null : ReconstructedView.Of(data);
        var matrix = view?.MostLikely ?? data.Matrix;
        var agreement = view?.Expected ?? AgreementMatrix.Compute(matrix, blocOptions.Threads);
        var blocs = BlocReport.Build(data, blocOptions, null, view);
        var map = MemberScaling.Run(matrix, new ScaleOptions(ScaleMethod.Mds, 2, blocOptions.MinShared, Threads: blocOptions.Threads), agreement);

        // The ideal-point fit costs time in proportion to the cells: on a large chamber it runs on an evenly spaced
        // sample of the motions, and the page says so.
        ScaleResult? ideal = null;
        var idealMotions = matrix.MotionCount;
        if (map.Members.Count(p => p.Dim1 is not null) >= 2)
        {
            var sample = matrix;
            if ((long)matrix.MemberCount * matrix.MotionCount > options.IdealPointCells)
            {
                idealMotions = Math.Clamp(options.IdealPointCells / Math.Max(1, matrix.MemberCount), 2, matrix.MotionCount);
                var columns = Enumerable.Range(0, idealMotions).Select(t => (int)((long)t * matrix.MotionCount / idealMotions)).ToArray();
                sample = matrix.SelectColumns(columns, keepIds: true);
            }

            ideal = MemberScaling.Run(sample, new ScaleOptions(ScaleMethod.Irt, 1, blocOptions.MinShared, Threads: blocOptions.Threads));
        }

        var groupOf = blocs.Result.Labels();
        var splits = SplitAnalysis.Of(data, groupOf);
        var timeline = options.Window is { } spec ? BlocTimeline.Run(TimeWindows.Split(data, spec), blocOptions) : null;
        var order = OrderMembers(matrix, blocs.Result, ideal ?? map);
        return new ReportData(data, DataSummary.Of(data), view, blocs, agreement, map, ideal, idealMotions, order, splits, timeline, options);
    }

    /// <summary>Bloc of each drawn member, by position in <see cref="Order"/> (null when unassigned).</summary>
    public int?[] OrderedBlocs() => [.. Order.Select(r => Blocs.Result.Assignments[r].Bloc)];

    private static ImmutableArray<int> OrderMembers(VoteMatrix matrix, BlocResult blocs, ScaleResult line)
    {
        double Position(int r) => line.Members[r].Dim1 ?? 0;
        var drawn = Enumerable.Range(0, matrix.MemberCount).Where(r => matrix.CastCount(r) > 0).ToList();
        var blocRank = drawn.Where(r => blocs.Assignments[r].Bloc is not null)
            .GroupBy(r => blocs.Assignments[r].Bloc!.Value)
            .OrderBy(g => g.Average(Position)).ThenBy(g => g.Key)
            .Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i);
        return [.. drawn.OrderBy(r => blocs.Assignments[r].Bloc is { } b ? blocRank[b] : int.MaxValue)
            .ThenBy(Position).ThenBy(r => matrix.Members[r])];
    }
}
