using System.CommandLine;
using VoteAlign.Cli.Io;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Model;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign scale INPUT [--dims 1|2] [--method mds|irt]</c>: members on a line or a plane.</summary>
internal static class ScaleCommand
{
    public static Command Build()
    {
        var input = CommonOptions.InputFile("INPUT", "A votealign/1 file (.json) or roll-call CSV (.csv). Leave out for the bundled NEC data set.", optional: true);
        var members = new Option<string?>("--members") { Description = "members.csv for a roll-call CSV input.", HelpName = "FILE" };
        var motions = new Option<string?>("--motions") { Description = "motions.csv for a roll-call CSV input.", HelpName = "FILE" };
        var method = new Option<string>("--method") { Description = "mds: classical MDS of 1 - agreement; irt: 1-D logistic ideal points with standard errors.", DefaultValueFactory = _ => "mds", HelpName = "mds|irt" };
        method.AcceptOnlyFromAmong("mds", "irt");
        var dims = new Option<int?>("--dims") { Description = "Dimensions: 1 or 2 (default 2 for mds, 1 for irt; irt is 1-D only).", HelpName = "1|2" };
        var polarity = new Option<string?>("--polarity") { Description = "A member id to place on the positive side of dimension 1 (fixes the arbitrary sign).", HelpName = "MEMBER" };
        var minShared = new Option<int>("--min-shared") { Description = "Pairs sharing fewer cast votes have unknown distance.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var minVotes = new Option<int>("--min-votes") { Description = "Members with fewer votes are not placed.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var evidenceOnly = new Option<bool>("--evidence-only") { Description = "On a reconstructed file, use known positions alone (default: the reconstruction: expected agreement for MDS, most-likely votes for IRT)." };
        var threads = new Option<int>("--threads") { Description = "Threads (-1: all cores).", DefaultValueFactory = _ => -1, HelpName = "N" };
        var format = CommonOptions.Format("text", "text", "json", "csv");
        var output = CommonOptions.Output();
        var quiet = CommonOptions.Quiet();
        var timings = CommonOptions.Timings();
        var command = new Command("scale", "Place members on a line or plane: classical MDS, or 1-D ideal points (IRT) with standard errors.")
        {
            input, members, motions, method, dims, polarity, minShared, minVotes, evidenceOnly, threads, quiet, timings, format, output,
        };
        command.SetAction(parse =>
        {
            var m = parse.GetValue(method) == "irt" ? ScaleMethod.Irt : ScaleMethod.Mds;
            var d = parse.GetValue(dims) ?? (m == ScaleMethod.Irt ? 1 : 2);
            if (d is not (1 or 2)) throw new UsageException("--dims is 1 or 2.");
            if (m == ScaleMethod.Irt && d != 1) throw new UsageException("--method irt is one-dimensional: use --dims 1.");
            if (parse.GetValue(minShared) < 1 || parse.GetValue(minVotes) < 1) throw new UsageException("--min-shared and --min-votes are ≥ 1.");
            using var display = StageDisplay.Create(parse.InvocationConfiguration.Error, parse.GetValue(quiet), parse.GetValue(timings));
            var (data, warnings) = InputLoader.LoadDataset(parse.GetValue(input), parse.GetValue(members), parse.GetValue(motions), display);
            Diagnostics.Warnings(parse.InvocationConfiguration.Error, warnings);
            MemberId? pol = parse.GetValue(polarity) is { } p ? new MemberId(p) : null;
            if (pol is { } pm && !data.Members.Any(x => x.Id == pm)) throw new UsageException($"--polarity {pm}: no such member.");
            var view = parse.GetValue(evidenceOnly) ? null : Core.Analysis.Agreement.ReconstructedView.Of(data);
            var options = new ScaleOptions(m, d, parse.GetValue(minShared), parse.GetValue(minVotes), pol, Threads: parse.GetValue(threads), Progress: display);
            var result = view is null ? MemberScaling.Run(data.Matrix, options) : MemberScaling.Run(view.MostLikely, options, view.Expected);
            if (view is not null)
                parse.InvocationConfiguration.Error.WriteLine($"Scaled on the reconstruction: {view.EvidenceCells:N0} evidence cells, {view.InferredCells:N0} inferred ({100 * (1 - view.EvidenceShare):0.0}% inferred; --evidence-only for evidence alone).");
            Action<TextWriter> render = parse.GetValue(format) switch
            {
                "json" => w => Core.Export.Json.ScaleJson.Write(result, data, w),
                "csv" => w => ScaleRendering.Csv(result, data, w),
                _ => w => ScaleRendering.Text(result, data, w),
            };
            if (parse.GetValue(output) is { } path) AtomicFile.WriteText(path, render);
            else render(parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
