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
            var stdout = parse.InvocationConfiguration.Output;
            if (path is not null && Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                // A roll call is checked as it streams into the matrix; counting its votes there, rather than as one
                // record per vote, keeps a 1 GB file in memory bounded by the matrix.
                var roll = InputLoader.ReadRollCall(path, null, null);
                var known = Enumerable.Range(0, roll.Matrix.MemberCount).Sum(i => (long)roll.Matrix.KnownCount(i));
                stdout.WriteLine(Valid(path, roll.Members.Length, roll.Meetings.Length, roll.Motions.Length, known, 0));
                return ExitCodes.Success;
            }

            var load = InputLoader.Load(path);
            Diagnostics.Warnings(parse.InvocationConfiguration.Error, load.Warnings);
            var r = load.Records;
            stdout.WriteLine(Valid(path ?? "bundled NEC data set", r.Members.Length, r.Meetings.Length, r.Motions.Length, r.Positions.Length, load.Warnings.Length));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Valid(string what, int members, int meetings, int motions, long positions, int warnings) =>
        $"{what}: valid ({members} members, {meetings} meetings, {motions} motions, {positions} positions, {warnings} warnings).";
}
