using System.CommandLine;
using System.Globalization;
using VoteAlign.Cli.Io;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Export.Html;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign report [INPUT] -o report.html [--window year|term|N] …</c>: one self-contained HTML file with
/// the blocs, the agreement heatmap, the network, the map and ideal points, and the per-motion splits.</summary>
internal static class ReportCommand
{
    private sealed record Settings(string? Input, string? Members, string? Motions, string Output, ReportOptions Options);

    public static Command Build()
    {
        var input = CommonOptions.InputFile("INPUT", "A votealign/1 file (.json), roll-call CSV (.csv) or text reports (.txt). Leave out for the bundled NEC data set.", optional: true);
        var members = new Option<string?>("--members") { Description = "members.csv for a roll-call CSV input (names).", HelpName = "FILE" };
        var motions = new Option<string?>("--motions") { Description = "motions.csv for a roll-call CSV input (dates and titles).", HelpName = "FILE" };
        var output = CommonOptions.Output(required: true, description: "The HTML file to write (atomically).");
        var window = new Option<string?>("--window") { Description = "Add blocs over time: year (calendar years), term (between roster changes) or N (runs of N motions).", HelpName = "year|term|N" };
        var method = CommonOptions.BlocMethod();
        var k = new Option<string>("--k") { Description = "Number of blocs, or auto.", DefaultValueFactory = _ => "auto", HelpName = "N|auto" };
        var minShared = new Option<int>("--min-shared") { Description = "A pair sharing fewer cast votes has unknown agreement (blocs, map, network).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed for every random choice (clustering, network layout).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var evidenceOnly = new Option<bool>("--evidence-only") { Description = "On a reconstructed file, use known positions alone (default: expected agreement over the reconstruction)." };
        var threads = new Option<int>("--threads") { Description = "Threads for the pairwise stage (-1: all cores).", DefaultValueFactory = _ => -1, HelpName = "N" };
        var command = new Command("report", "Write a self-contained HTML report: blocs, agreement heatmap, co-voting network, map and ideal points, per-motion splits, and blocs over time.")
        {
            input, members, motions, output, window, method, k, minShared, seed, evidenceOnly, threads,
        };
        command.SetAction(parse =>
        {
            var kValue = CommonOptions.ParseK(parse.GetValue(k)!);
            var spec = parse.GetValue(window);
            if (spec is not null && spec is not ("year" or "term") && !(int.TryParse(spec, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 2))
                throw new UsageException($"--window is year, term or a number of motions >= 2, not '{spec}'.");
            if (parse.GetValue(minShared) < 1 || parse.GetValue(threads) is 0 or < -1) throw new UsageException("--min-shared >= 1, --threads >= 1 or -1.");
            var blocs = new BlocOptions(CommonOptions.ParseBlocMethod(parse.GetValue(method)!), kValue, MinShared: parse.GetValue(minShared), Seed: parse.GetValue(seed), Threads: parse.GetValue(threads));
            var settings = new Settings(parse.GetValue(input), parse.GetValue(members), parse.GetValue(motions), parse.GetValue(output)!,
                new ReportOptions(blocs, spec, parse.GetValue(evidenceOnly)));
            return Run(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    private static int Run(Settings settings, TextWriter stdout, TextWriter stderr)
    {
        var (data, warnings) = InputLoader.LoadDataset(settings.Input, settings.Members, settings.Motions);
        Diagnostics.Warnings(stderr, warnings);
        var report = ReportData.Build(data, settings.Options);
        AtomicFile.WriteText(settings.Output, w => HtmlReport.Write(report, w));
        var inferred = report.Reconstruction is { } view ? $"; {100 * (1 - view.EvidenceShare):0.0}% of the cells analysed are inferred" : "; evidence only";
        stdout.WriteLine($"report: {data.Members.Length} members, {data.Motions.Length} motions, {report.Blocs.Result.K} blocs{inferred} -> {settings.Output}");
        return ExitCodes.Success;
    }
}
