using System.CommandLine;
using VoteAlign.Cli.Io;
using VoteAlign.Cli.Rendering;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign validate INPUT</c>: load and check a file, listing every problem.</summary>
internal static class ValidateCommand
{
    public static Command Build()
    {
        var input = CommonOptions.InputFile("INPUT", "A votealign/1 file or roll-call CSV. Leave out to check the bundled NEC data set.", optional: true);
        var command = new Command("validate", "Check a records file or roll-call CSV and list every problem (exit 3 if any is an error).") { input };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input);
            var load = InputLoader.Load(path);
            var stderr = parse.InvocationConfiguration.Error;
            Diagnostics.Warnings(stderr, load.Warnings);
            var r = load.Records;
            parse.InvocationConfiguration.Output.WriteLine(
                $"{path ?? "bundled NEC data set"}: valid ({r.Members.Length} members, {r.Meetings.Length} meetings, {r.Motions.Length} motions, {r.Positions.Length} positions, {load.Warnings.Length} warnings).");
            return ExitCodes.Success;
        });
        return command;
    }
}
