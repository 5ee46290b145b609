using System.CommandLine;
using VoteAlign.Cli.Io;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Analysis.Summary;
using VoteAlign.Core.Export.Json;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign analyze [INPUT] [--format text|json] [-o FILE]</c>: what the data holds, who votes with
/// whom on evidence alone, and the closest votes. With no input, the bundled NEC data set.</summary>
internal static class AnalyzeCommand
{
    private sealed record Settings(string? Input, string Format, string? Output, int Pairs, int Closest);

    public static Command Build()
    {
        var input = CommonOptions.InputFile("INPUT",
            "A votealign/1 records file (.json) or a roll-call CSV (.csv). Leave out to analyse the bundled Labour NEC data set.", optional: true);
        var format = CommonOptions.Format("text", "text", "json");
        var output = CommonOptions.Output();
        var pairs = new Option<int>("--pairs") { Description = "How many member pairs to list (those with the most shared votes).", DefaultValueFactory = _ => 15, HelpName = "N" };
        var closest = new Option<int>("--closest") { Description = "How many of the closest votes to list.", DefaultValueFactory = _ => 10, HelpName = "N" };
        var command = new Command("analyze", "Summarise a data set: what it holds, pairwise agreement on evidence alone, the closest votes, the blocs and a 1-D ordering.")
        {
            input, format, output, pairs, closest,
        };
        command.SetAction(parse => Run(
            new Settings(parse.GetValue(input), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(pairs), parse.GetValue(closest)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(Settings settings, TextWriter stdout, TextWriter stderr)
    {
        if (settings.Pairs < 0 || settings.Closest < 0) throw new UsageException("--pairs and --closest take a number ≥ 0.");
        var (data, warnings) = InputLoader.LoadDataset(settings.Input);
        Diagnostics.Warnings(stderr, warnings);
        var overview = Overview.Of(data, settings.Pairs, settings.Closest);
        var blocs = BlocReport.Build(data, new BlocOptions(), null);
        var scale = MemberScaling.Run(data.Matrix, new ScaleOptions(ScaleMethod.Mds, 1));
        Action<TextWriter> render = settings.Format == "json"
            ? w => OverviewJson.Write(overview, data, warnings, blocs, scale, w)
            : w => OverviewText.Write(overview, data, blocs, scale, w);
        if (settings.Output is { } path) AtomicFile.WriteText(path, render);
        else render(stdout);
        return ExitCodes.Success;
    }
}
