using System.CommandLine;
using VoteAlign.Cli.Io;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Analysis.Blocs;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign blocs INPUT [--method …] [--k N|auto] …</c>: who votes with whom.</summary>
internal static class BlocsCommand
{
    public static Command Build()
    {
        var input = CommonOptions.InputFile("INPUT", "A votealign/1 file (.json) or roll-call CSV (.csv). Leave out for the bundled NEC data set.", optional: true);
        var members = new Option<string?>("--members") { Description = "members.csv for a roll-call CSV input (extra columns become attributes usable with --by).", HelpName = "FILE" };
        var motions = new Option<string?>("--motions") { Description = "motions.csv for a roll-call CSV input.", HelpName = "FILE" };
        var method = new Option<string>("--method") { Description = "spectral (default): spectral embedding, blocs merged while the evidence that they vote differently is small; hierarchical: average linkage on 1 - agreement; louvain: modularity on the nearest-neighbour co-voting graph (its resolution limit can merge small blocs: raise --resolution).", DefaultValueFactory = _ => "spectral", HelpName = "spectral|hierarchical|louvain" };
        method.AcceptOnlyFromAmong("spectral", "hierarchical", "louvain");
        var k = new Option<string>("--k") { Description = "Number of blocs, or auto to choose it from the data (the reason is printed).", DefaultValueFactory = _ => "auto", HelpName = "N|auto" };
        var maxK = new Option<int>("--max-k") { Description = "Largest k considered with --k auto.", DefaultValueFactory = _ => 12, HelpName = "N" };
        var minShared = new Option<int>("--min-shared") { Description = "A pair sharing fewer cast votes has unknown agreement (not 0, not 1).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var minVotes = new Option<int>("--min-votes") { Description = "Members who cast fewer votes are listed as unassigned.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var resolution = new Option<double>("--resolution") { Description = "Louvain resolution (1 = classical modularity; larger finds more, smaller blocs).", DefaultValueFactory = _ => 1.0, HelpName = "X" };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Resample the motions N times to measure each member's stability.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var permutations = new Option<int>("--permutations") { Description = "Test the bloc structure against N motion-shuffled data sets (p-value).", DefaultValueFactory = _ => 0, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed for every random choice.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var by = new Option<string?>("--by") { Description = "Compare the blocs with a declared grouping: group, section, or a member attribute such as party (adjusted Rand index, cross-table, cohesion).", HelpName = "group|section|ATTRIBUTE" };
        var window = new Option<string?>("--window") { Description = "Run per window and show who moved: year (calendar years), term (between roster changes), or N (runs of N motions).", HelpName = "year|term|N" };
        var evidenceOnly = new Option<bool>("--evidence-only") { Description = "On a reconstructed file, use known positions alone (default: expected agreement over the reconstruction)." };
        var threads = new Option<int>("--threads") { Description = "Threads for the pairwise stage (-1: all cores).", DefaultValueFactory = _ => -1, HelpName = "N" };
        var format = CommonOptions.Format("text", "text", "json", "csv");
        var output = CommonOptions.Output();
        var quiet = CommonOptions.Quiet();
        var timings = CommonOptions.Timings();
        var command = new Command("blocs", "Find voting blocs: clustering by agreement, with cohesion, stability and the choice of k explained.")
        {
            input, members, motions, method, k, maxK, minShared, minVotes, resolution, bootstrap, permutations, seed, by, window, evidenceOnly, threads, quiet, timings, format, output,
        };
        command.SetAction(parse =>
        {
            var kText = parse.GetValue(k)!;
            int? kValue = kText == "auto" ? null
                : int.TryParse(kText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kn) && kn >= 1 ? kn
                : throw new UsageException($"--k takes a whole number ≥ 1 or auto, not '{kText}'.");
            var options = new BlocOptions(
                parse.GetValue(method) switch { "hierarchical" => BlocMethod.Hierarchical, "louvain" => BlocMethod.Louvain, _ => BlocMethod.Spectral },
                kValue, parse.GetValue(maxK), parse.GetValue(minShared), parse.GetValue(minVotes), parse.GetValue(seed),
                parse.GetValue(resolution), parse.GetValue(bootstrap), parse.GetValue(permutations), parse.GetValue(threads));
            if (options.MaxK < 2 || options.MinShared < 1 || options.MinVotes < 1 || options.Resolution <= 0 || options.Bootstrap < 0 || options.Permutations < 0 || options.Threads is 0 or < -1)
                throw new UsageException("--max-k ≥ 2, --min-shared ≥ 1, --min-votes ≥ 1, --resolution > 0, --bootstrap ≥ 0, --permutations ≥ 0, --threads ≥ 1 or -1.");
            using var display = StageDisplay.Create(parse.InvocationConfiguration.Error, parse.GetValue(quiet), parse.GetValue(timings));
            options = options with { Progress = display };
            var (data, warnings) = InputLoader.LoadDataset(parse.GetValue(input), parse.GetValue(members), parse.GetValue(motions), display);
            Diagnostics.Warnings(parse.InvocationConfiguration.Error, warnings);
            var byName = parse.GetValue(by);
            if (byName is not null && !Core.Analysis.Cohesion.DeclaredGrouping.Exists(data.Members, byName))
                throw new UsageException($"--by {byName}: no member has a '{byName}' (use group, section, or a column of members.csv).");
            var fmt = parse.GetValue(format);
            if (parse.GetValue(window) is { } spec)
            {
                if (spec is not ("year" or "term") && !(int.TryParse(spec, out var size) && size >= 2))
                    throw new UsageException($"--window is year, term or a number of motions ≥ 2, not '{spec}'.");
                var timeline = Core.Analysis.Windows.BlocTimeline.Run(Core.Analysis.Windows.TimeWindows.Split(data, spec), options);
                Action<TextWriter> renderWindows = fmt switch
                {
                    "json" => w => Core.Export.Json.TimelineJson.Write(timeline, data, w),
                    "csv" => w => BlocRendering.TimelineCsv(timeline, data, w),
                    _ => w => BlocRendering.TimelineText(timeline, data, w),
                };
                if (parse.GetValue(output) is { } wpath) AtomicFile.WriteText(wpath, renderWindows);
                else renderWindows(parse.InvocationConfiguration.Output);
                return ExitCodes.Success;
            }

            var view = parse.GetValue(evidenceOnly) ? null : Core.Analysis.Agreement.ReconstructedView.Of(data);
            var report = BlocReport.Build(data, options, byName, view);
            Action<TextWriter> render = fmt switch
            {
                "json" => w => BlocRendering.Json(report, w),
                "csv" => w => BlocRendering.Csv(report, w),
                _ => w => BlocRendering.Text(report, w),
            };
            if (parse.GetValue(output) is { } path) AtomicFile.WriteText(path, render);
            else render(parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
