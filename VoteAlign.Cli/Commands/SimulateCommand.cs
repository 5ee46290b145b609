using System.CommandLine;
using System.Globalization;
using VoteAlign.Cli.Io;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign simulate</c>: a synthetic roll call with known blocs and ideal points, for checking a method.</summary>
internal static class SimulateCommand
{
    public static Command Build()
    {
        var preset = new Option<string?>("--preset") { Description = "Shape of the peer benchmark: nec (39 x 300, 3 blocs, 1-D), house (450 x 1500, 4 blocs, 2-D), ep (750 x 20000, 8 blocs, 2-D). Other options override it.", HelpName = "nec|house|ep" };
        preset.AcceptOnlyFromAmong("nec", "house", "ep");
        var members = new Option<int?>("--members", "-n") { Description = "Number of members.", HelpName = "N" };
        var motions = new Option<int?>("--motions", "-m") { Description = "Number of motions.", HelpName = "M" };
        var blocs = new Option<int?>("--blocs", "-k") { Description = "Number of blocs.", HelpName = "K" };
        var dims = new Option<int?>("--dims") { Description = "Policy dimensions, 1 or 2.", HelpName = "1|2" };
        var seed = new Option<int?>("--seed") { Description = "Random seed (same options and seed, same files).", HelpName = "N" };
        var whip = new Option<double?>("--whip") { Description = "Bloc discipline: sd of the per-bloc, per-motion shift (default 0.6).", HelpName = "X" };
        var spread = new Option<double?>("--spread") { Description = "Sd of ideal points around the bloc centre (default 0.35).", HelpName = "X" };
        var output = CommonOptions.Output(required: true, "votes.csv to write (member,motion,vote).");
        var membersOut = new Option<string?>("--members-out") { Description = "members.csv to write, with the true bloc and ideal points (default: members.csv beside the votes).", HelpName = "FILE" };
        var command = new Command("simulate", "Generate a roll call from a seeded spatial voting model with known blocs (see docs/simulate.md).")
        {
            preset, members, motions, blocs, dims, seed, whip, spread, output, membersOut,
        };
        command.SetAction(parse =>
        {
            var baseline = parse.GetValue(preset) is { } p ? SimulationOptions.Preset(p)! : new SimulationOptions(39, 300, 3);
            var options = baseline with
            {
                Members = parse.GetValue(members) ?? baseline.Members,
                Motions = parse.GetValue(motions) ?? baseline.Motions,
                Blocs = parse.GetValue(blocs) ?? baseline.Blocs,
                Dimensions = parse.GetValue(dims) ?? baseline.Dimensions,
                Seed = parse.GetValue(seed) ?? baseline.Seed,
                Whip = parse.GetValue(whip) ?? baseline.Whip,
                Spread = parse.GetValue(spread) ?? baseline.Spread,
            };
            if (options.Dimensions is not (1 or 2)) throw new UsageException("--dims is 1 or 2.");
            if (options.Blocs < 1 || options.Motions < 1 || options.Members < 2 * options.Blocs)
                throw new UsageException("Need at least one bloc, one motion and two members per bloc.");
            if (options.Whip < 0 || options.Spread < 0) throw new UsageException("--whip and --spread are ≥ 0.");
            var votesPath = parse.GetValue(output)!;
            var membersPath = parse.GetValue(membersOut) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(votesPath)) ?? ".", "members.csv");
            var sim = RollCallSimulator.Generate(options);
            AtomicFile.WriteText(votesPath, w => WriteVotes(sim, w));
            AtomicFile.WriteText(membersPath, w => WriteMembers(sim, w));
            parse.InvocationConfiguration.Error.WriteLine(
                $"Simulated {options.Members} members x {options.Motions} motions, {options.Blocs} blocs, {options.Dimensions}-D, seed {options.Seed}: {votesPath}, {membersPath}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteVotes(SimulatedRollCall sim, TextWriter w)
    {
        w.WriteLine("member,motion,vote");
        string[] words = ["yea", "nay", "abstain", "absent"];
        var m = sim.Matrix;
        for (var j = 0; j < m.MotionCount; j++)
            for (var i = 0; i < m.MemberCount; i++)
                if (m[i, j] is Vote v)
                {
                    w.Write(m.Members[i].Value);
                    w.Write(',');
                    w.Write(m.Motions[j].Value);
                    w.Write(',');
                    w.WriteLine(words[(int)v]);
                }
    }

    private static void WriteMembers(SimulatedRollCall sim, TextWriter w)
    {
        var dims = sim.IdealPoints[0].Length;
        w.WriteLine("member,name,bloc," + string.Join(",", Enumerable.Range(1, dims).Select(d => $"ideal{d}")));
        for (var i = 0; i < sim.Members.Length; i++)
            w.WriteLine($"{sim.Members[i]},Member {i + 1},B{sim.TrueBloc[i] + 1},{string.Join(",", sim.IdealPoints[i].Select(x => x.ToString("0.000000", CultureInfo.InvariantCulture)))}");
    }
}
