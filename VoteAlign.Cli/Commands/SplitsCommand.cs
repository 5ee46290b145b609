using System.CommandLine;
using VoteAlign.Cli.Io;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Cohesion;
using VoteAlign.Core.Analysis.Splits;
using VoteAlign.Core.Model;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign splits INPUT [--motion ID] [--meeting ID] [--member ID] [--sort margin|date] [--close N] [--by …]</c>.</summary>
internal static class SplitsCommand
{
    public static Command Build()
    {
        var input = CommonOptions.InputFile("INPUT", "A votealign/1 file (inferred positions from 'reconstruct' are shown apart from evidence) or a roll-call CSV. Leave out for the bundled NEC data set.", optional: true);
        var members = new Option<string?>("--members") { Description = "members.csv for a roll-call CSV input.", HelpName = "FILE" };
        var motions = new Option<string?>("--motions") { Description = "motions.csv for a roll-call CSV input.", HelpName = "FILE" };
        var motion = new Option<string?>("--motion") { Description = "Only this motion (one screen).", HelpName = "ID" };
        var meeting = new Option<string?>("--meeting") { Description = "Only this meeting's motions.", HelpName = "ID" };
        var member = new Option<string?>("--member") { Description = "One member's record, motion by motion, with basis and source, and how often they voted with each bloc.", HelpName = "ID" };
        var sort = new Option<string>("--sort") { Description = "Order: date (default) or margin (closest first).", DefaultValueFactory = _ => "date", HelpName = "margin|date" };
        sort.AcceptOnlyFromAmong("margin", "date");
        var close = new Option<int?>("--close") { Description = "Only motions whose margin is at most N.", HelpName = "N" };
        var by = new Option<string>("--by") { Description = "Break each vote down by bloc (discovered, default), group, section or a member attribute.", DefaultValueFactory = _ => "bloc", HelpName = "bloc|group|section|ATTRIBUTE" };
        var format = CommonOptions.Format("text", "text", "json", "csv", "markdown");
        var output = CommonOptions.Output();
        var command = new Command("splits", "Review how each motion split: tally, margin, sources and conflicts, each bloc's breakdown, rebels, pivotal members.")
        {
            input, members, motions, motion, meeting, member, sort, close, by, format, output,
        };
        command.SetAction(parse =>
        {
            var (data, warnings) = InputLoader.LoadDataset(parse.GetValue(input), parse.GetValue(members), parse.GetValue(motions));
            Diagnostics.Warnings(parse.InvocationConfiguration.Error, warnings);
            var records = data.Records ?? InputLoader.ReadRollCall(parse.GetValue(input)!, parse.GetValue(members), parse.GetValue(motions)).ToRecordSet();
            var byName = parse.GetValue(by)!;
            Dictionary<MemberId, string> groupOf;
            if (byName == "bloc")
            {
                var blocs = BlocAnalysis.Run(data.Matrix, new BlocOptions());
                groupOf = blocs.Labels();
            }
            else
            {
                if (!DeclaredGrouping.Exists(data.Members, byName)) throw new UsageException($"--by {byName}: no member has a '{byName}'.");
                var labels = DeclaredGrouping.Labels(data.Members, byName);
                groupOf = data.Members.Select((m, i) => (m.Id, labels[i])).Where(p => p.Item2 is not null).ToDictionary(p => p.Id, p => p.Item2!);
            }

            var splits = SplitAnalysis.Of(records, groupOf).AsEnumerable();
            if (parse.GetValue(motion) is { } mid)
            {
                splits = splits.Where(s => s.Motion.Id.Value == mid);
                if (!splits.Any()) throw new UsageException($"--motion {mid}: no such motion.");
            }

            if (parse.GetValue(meeting) is { } meet)
            {
                splits = splits.Where(s => s.Motion.Meeting.Value == meet);
                if (!splits.Any()) throw new UsageException($"--meeting {meet}: no such meeting (or no motion at it).");
            }

            if (parse.GetValue(close) is { } n) splits = splits.Where(s => s.Margin is { } mg && mg <= n);
            splits = parse.GetValue(sort) == "margin"
                ? splits.OrderBy(s => s.Margin ?? int.MaxValue).ThenBy(s => s.Date ?? DateOnly.MaxValue).ThenBy(s => s.Motion.Id)
                : splits.OrderBy(s => s.Date ?? DateOnly.MaxValue).ThenBy(s => s.Motion.Id);
            var list = splits.ToList();
            var fmt = parse.GetValue(format)!;
            MemberId? who = parse.GetValue(member) is { } w ? new MemberId(w) : null;
            if (who is { } wm && !data.Members.Any(m => m.Id == wm)) throw new UsageException($"--member {wm}: no such member.");
            Action<TextWriter> render = who is { } id
                ? writer => SplitRendering.Member(id, records, groupOf, list, fmt, writer)
                : fmt switch
                {
                    "json" => writer => Core.Export.Json.SplitsJson.Write(list, byName, writer),
                    "csv" => writer => SplitRendering.Csv(list, writer),
                    "markdown" => writer => SplitRendering.Markdown(list, records, byName, writer),
                    _ => writer => SplitRendering.Text(list, records, byName, parse.GetValue(motion) is not null, writer),
                };
            if (parse.GetValue(output) is { } path) AtomicFile.WriteText(path, render);
            else render(parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
