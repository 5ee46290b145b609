using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Cohesion;
using VoteAlign.Core.Analysis.Compare;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>A bloc analysis with what a reader needs around it: names, cohesion per bloc, how the blocs compare
/// with a declared grouping, and how much evidence the placements rest on.</summary>
/// <param name="Data">The data analysed.</param>
/// <param name="Result">The blocs.</param>
/// <param name="BlocCohesion">Rice and Agreement Index per bloc (label = bloc number).</param>
/// <param name="By">The declared grouping compared with, if any.</param>
/// <param name="DeclaredCohesion">Cohesion per declared group (empty without <paramref name="By"/>).</param>
/// <param name="AdjustedRand">ARI between blocs and the declared grouping, over members assigned and labelled.</param>
/// <param name="CrossTable">Bloc × declared group member counts.</param>
/// <param name="CellsKnown">Known cells of the matrix (absent included).</param>
/// <param name="CellsTotal">Members × motions.</param>
/// <param name="InferredCells">Cells filled by a reconstruction that the analysis used (0 on evidence alone).</param>
public sealed record BlocReport(
    Dataset Data,
    BlocResult Result,
    ImmutableArray<CohesionScore> BlocCohesion,
    string? By,
    ImmutableArray<CohesionScore> DeclaredCohesion,
    double? AdjustedRand,
    SortedDictionary<string, SortedDictionary<string, int>>? CrossTable,
    long CellsKnown,
    long CellsTotal,
    long InferredCells = 0)
{
    /// <summary>Share of the analysed cells resting on evidence, in [0, 1].</summary>
    public double EvidenceShare => CellsKnown + InferredCells == 0 ? 1 : (double)CellsKnown / (CellsKnown + InferredCells);

    /// <summary>Runs the analysis and gathers the report.</summary>
    /// <param name="data">The data.</param>
    /// <param name="options">Bloc options.</param>
    /// <param name="by">A declared grouping to compare with (<c>group</c>, <c>section</c>, an attribute), or null.</param>
    /// <param name="reconstruction">When given, cluster on expected agreement over the reconstruction (merge evidence
    /// from its most-likely matrix); null for evidence alone.</param>
    public static BlocReport Build(Dataset data, BlocOptions options, string? by, Agreement.ReconstructedView? reconstruction = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var result = reconstruction is null
            ? BlocAnalysis.Run(data.Matrix, options)
            : BlocAnalysis.Run(reconstruction.MostLikely, options, reconstruction.Expected);
        var blocLabels = result.Assignments.Select(a => a.Bloc?.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var blocCohesion = Cohesion.CohesionIndex.Of(data.Matrix, blocLabels).OrderBy(c => int.Parse(c.Group, System.Globalization.CultureInfo.InvariantCulture)).ToImmutableArray();
        ImmutableArray<CohesionScore> declared = [];
        double? ari = null;
        SortedDictionary<string, SortedDictionary<string, int>>? table = null;
        if (by is not null)
        {
            var labels = DeclaredGrouping.Labels(data.Members, by);
            declared = [.. Cohesion.CohesionIndex.Of(data.Matrix, labels)];
            var both = Enumerable.Range(0, labels.Length).Where(i => labels[i] is not null && result.Assignments[i].Bloc is not null).ToList();
            if (both.Count > 1)
            {
                var declaredIds = labels.Where(l => l is not null).Distinct().Order(StringComparer.Ordinal).Select((l, i) => (l, i)).ToDictionary(p => p.l!, p => p.i);
                ari = Partitions.AdjustedRandIndex([.. both.Select(i => result.Assignments[i].Bloc!.Value)], [.. both.Select(i => declaredIds[labels[i]!])]);
                table = Partitions.CrossTable([.. both.Select(i => "bloc " + result.Assignments[i].Bloc)], [.. both.Select(i => labels[i]!)]);
            }
        }

        long known = 0;
        for (var i = 0; i < data.Matrix.MemberCount; i++) known += data.Matrix.KnownCount(i);
        return new BlocReport(data, result, blocCohesion, by, declared, ari, table, known, (long)data.Matrix.MemberCount * data.Matrix.MotionCount, reconstruction?.InferredCells ?? 0);
    }
}
