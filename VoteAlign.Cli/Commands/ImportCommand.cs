using System.CommandLine;
using VoteAlign.Cli.Io;
using VoteAlign.Core.Export.Json;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign import VOTES.csv [--members F] [--motions F] -o records.json</c>.</summary>
internal static class ImportCommand
{
    private sealed record Settings(string Votes, string? Members, string? Motions, string Output);

    public static Command Build()
    {
        var votes = CommonOptions.InputFile("VOTES.csv", "Long-format roll call: header member,motion,vote; one vote per row.", optional: false);
        var members = new Option<string?>("--members") { Description = "members.csv: member,name,… (extra columns, e.g. party, become member attributes).", HelpName = "FILE" };
        var motions = new Option<string?>("--motions") { Description = "motions.csv: motion,date,title,… (optional columns kind and outcome; others become motion attributes).", HelpName = "FILE" };
        var output = CommonOptions.Output(required: true, "The votealign/1 file to write (atomically).");
        var command = new Command("import", "Convert a roll-call CSV into a votealign/1 records file.") { votes, members, motions, output };
        command.SetAction(parse => Run(new Settings(parse.GetValue(votes)!, parse.GetValue(members), parse.GetValue(motions), parse.GetValue(output)!),
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(Settings settings, TextWriter stderr)
    {
        var rollCall = InputLoader.ReadRollCall(settings.Votes, settings.Members, settings.Motions);
        var records = rollCall.ToRecordSet();
        AtomicFile.WriteText(settings.Output, w => RecordFileWriter.Write(records, w));
        stderr.WriteLine($"Imported {records.Members.Length} members, {records.Motions.Length} motions, {records.Positions.Length} votes into {settings.Output}.");
        return ExitCodes.Success;
    }
}
