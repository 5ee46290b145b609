using System.CommandLine;
using System.Diagnostics;
using VoteAlign.Cli.Io;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Splits;
using VoteAlign.Core.Data;
using VoteAlign.Core.Export.Json;
using VoteAlign.Core.Inference;
using VoteAlign.Core.Model;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign reconstruct INPUT -o records.json</c>: member-level votes from tallies and known positions.</summary>
internal static class ReconstructCommand
{
    public static Command Build()
    {
        var input = CommonOptions.InputFile("INPUT", "A votealign/1 file. Leave out for the bundled NEC data set.", optional: true);
        var output = CommonOptions.Output(required: true, "The votealign/1 file to write, with forced and inferred positions added.");
        var blocs = new Option<int>("--blocs") { Description = "Latent blocs in the model.", DefaultValueFactory = _ => 3, HelpName = "K" };
        var seed = new Option<int>("--seed") { Description = "Seed for the starting point and the sampler (same seed, same output).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var method = new Option<string>("--method") { Description = "stances: blocs taking a stance on each motion, fitted by EM (default); gibbs: the first model, per-motion bloc propensities sampled by Gibbs.", DefaultValueFactory = _ => "stances", HelpName = "stances|gibbs" };
        method.AcceptOnlyFromAmong("stances", "gibbs");
        var iterations = new Option<int>("--iterations") { Description = "Cap on EM iterations (stances).", DefaultValueFactory = _ => 300, HelpName = "N" };
        var samples = new Option<int>("--samples") { Description = "Gibbs sweeps averaged (gibbs).", DefaultValueFactory = _ => 200, HelpName = "N" };
        var burnIn = new Option<int>("--burn-in") { Description = "Gibbs sweeps discarded first (gibbs).", DefaultValueFactory = _ => 100, HelpName = "N" };
        var threads = new Option<int>("--threads") { Description = "Threads (-1: all cores); the output does not depend on it.", DefaultValueFactory = _ => -1, HelpName = "N" };
        var summaryOnly = new Option<bool>("--summary-only") { Description = "Print the reconstruction's summary only, not the blocs and per-motion splits on it." };
        var quiet = CommonOptions.Quiet();
        var command = new Command("reconstruct", "Reconstruct member-level votes consistent with every tally and known position (see docs/reconstruct.md).")
        {
            input, output, blocs, seed, method, iterations, samples, burnIn, threads, summaryOnly, quiet,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(blocs) < 1 || parse.GetValue(samples) < 1 || parse.GetValue(burnIn) < 0 || parse.GetValue(iterations) < 1
                || parse.GetValue(threads) is 0 or < -1)
                throw new UsageException("--blocs ≥ 1, --iterations ≥ 1, --samples ≥ 1, --burn-in ≥ 0, --threads ≥ 1 or -1.");
            var gibbs = parse.GetValue(method) == "gibbs";
            if (!gibbs && parse.GetValue(blocs) > 6) throw new UsageException("--method stances takes --blocs 1 to 6 (3^K stance patterns per motion).");
            var path = parse.GetValue(input);
            if (path is not null && Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
                throw new UsageException("A roll-call CSV has every vote already; reconstruct takes a votealign/1 file with tallies.");
            var load = InputLoader.Load(path);
            var stderr = parse.InvocationConfiguration.Error;
            Diagnostics.Warnings(stderr, load.Warnings);
            var clock = Stopwatch.StartNew();
            ReconstructionResult result;
            using (var display = StageDisplay.Create(stderr, parse.GetValue(quiet), timings: false))
                result = Reconstruction.Run(load.Records, new ReconstructionOptions(parse.GetValue(blocs), parse.GetValue(burnIn), parse.GetValue(samples), parse.GetValue(seed),
                    Method: gibbs ? ReconstructionMethod.Gibbs : ReconstructionMethod.Stances, Iterations: parse.GetValue(iterations), Threads: parse.GetValue(threads),
                    Progress: display));
            AtomicFile.WriteText(parse.GetValue(output)!, w => RecordFileWriter.Write(result.Records, w));
            var stdout = parse.InvocationConfiguration.Output;
            ReconstructionText.Summary(result, load.Records, stdout, clock.Elapsed);
            if (parse.GetValue(summaryOnly)) return ExitCodes.Success;

            // What the reconstruction says, each figure with the share of it that is evidence: the blocs on expected
            // agreement, then every motion's split by those blocs, known and inferred votes counted apart.
            var data = Dataset.FromRecords(path ?? BundledData.NecName, result.Records);
            var view = ReconstructedView.Of(data);
            var report = BlocReport.Build(data, new BlocOptions(), null, view);
            stdout.WriteLine();
            BlocRendering.Text(report, stdout);
            var splits = SplitAnalysis.Of(result.Records, report.Result.Labels()).OrderBy(x => x.Date ?? DateOnly.MaxValue).ThenBy(x => x.Motion.Id).ToList();
            stdout.WriteLine();
            SplitRendering.Text(splits, result.Records, "bloc", false, stdout);
            return ExitCodes.Success;
        });
        return command;
    }
}
