using VoteAlign.Core.Export.Json;
using VoteAlign.Core.Simulation;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Reliability;

/// <summary>Same input, same bytes out: every analysis command on three data sets, run twice in this process, and
/// once more in a child process limited to one processor (<c>DOTNET_PROCESSOR_COUNT=1</c>), so every parallel stage
/// runs on one thread there and on all of this machine's here. The data sets: the bundled NEC records; a generated
/// committee (39 members, 120 motions, tallies and a share of reported positions, so <c>reconstruct</c> has cells to
/// infer); and a simulated chamber written by <c>votealign simulate</c> (100 members, 300 motions, roll-call CSV).</summary>
public class DeterminismTest
{
    private static readonly Lazy<TempDir> Data = new(Generate);

    [OneTimeTearDown]
    public void TearDown()
    {
        if (Data.IsValueCreated) Data.Value.Dispose();
    }

    private static TempDir Generate()
    {
        var temp = new TempDir();
        var (_, records) = new CommitteeScenario(new SimulationOptions(39, 120, 3, 1, 41), Seed: 41).Build();
        using (var writer = new StreamWriter(temp.File("committee.json"))) RecordFileWriter.Write(records, writer);
        var (code, _, err) = CliRunner.Run("simulate", "-n", "100", "-m", "300", "-k", "3", "--dims", "2", "--seed", "77",
            "-o", temp.File("chamber.csv"), "--members-out", temp.File("chamber-members.csv"));
        if (code != 0) throw new InvalidOperationException("simulate failed: " + err);
        return temp;
    }

    private static readonly string[][] AnalysisCommands =
    [
        ["analyze", "--format", "json"],
        ["blocs", "--format", "json", "--bootstrap", "5", "--permutations", "5"],
        ["scale", "--method", "irt", "--format", "json"],
        ["splits", "--format", "json"],
        ["graph", "--format", "graphml"],
        ["reconstruct", "--samples", "20", "--burn-in", "10"],
    ];

    private static IEnumerable<TestCaseData> Runs()
    {
        foreach (var set in new[] { "nec", "committee", "chamber" })
            foreach (var command in AnalysisCommands)
            {
                // reconstruct infers unknown cells; the chamber's full roll call has none.
                if (set == "chamber" && command[0] == "reconstruct") continue;
                yield return new TestCaseData(set, command).SetArgDisplayNames(set, command[0]);
            }

        yield return new TestCaseData("none", new[] { "extract", Fixtures.Seed("003_e70f78191ccbf646.txt") }).SetArgDisplayNames("seed report", "extract");
    }

    // The command's arguments with the data set's input (analyze takes no members file).
    private static string[] Arguments(string set, string[] command)
    {
        var dir = Data.Value;
        return set switch
        {
            "committee" => [command[0], dir.File("committee.json"), .. command[1..]],
            "chamber" when command[0] is "analyze" => [command[0], dir.File("chamber.csv"), .. command[1..]],
            "chamber" => [command[0], dir.File("chamber.csv"), "--members", dir.File("chamber-members.csv"), .. command[1..]],
            _ => command,
        };
    }

    [TestCaseSource(nameof(Runs))]
    public void Command_TwiceOnTheSameInput_WritesTheSameBytes(string set, string[] command)
    {
        var args = Arguments(set, command);
        using var temp = new TempDir();
        var one = temp.File("one.out");
        var two = temp.File("two.out");
        var (c1, _, e1) = CliRunner.Run([.. args, "-o", one]);
        var (c2, _, e2) = CliRunner.Run([.. args, "-o", two]);
        Assert.That(c1, Is.EqualTo(0), e1);
        Assert.That(c2, Is.EqualTo(0), e2);
        Assert.That(File.ReadAllBytes(two), Is.EqualTo(File.ReadAllBytes(one)));
    }

    [TestCaseSource(nameof(Runs))]
    public void Command_OneProcessorOrAll_WritesTheSameBytes(string set, string[] command)
    {
        Assume.That(Environment.ProcessorCount, Is.GreaterThan(1), "this machine has one processor: nothing to compare");
        var args = Arguments(set, command);
        using var temp = new TempDir();
        var all = temp.File("all.out");
        var one = temp.File("one.out");
        var (code, _, err) = CliRunner.Run([.. args, "-o", all]);
        Assert.That(code, Is.EqualTo(0), err);
        var child = ChildCli.Run(new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1" }, [.. args, "-o", one]);
        Assert.That(child.Code, Is.EqualTo(0), child.Err);
        Assert.That(File.ReadAllBytes(one), Is.EqualTo(File.ReadAllBytes(all)), $"{Environment.ProcessorCount} processors against 1");
    }

    [TestCase("scale", "--method", "irt", "--format", "json")]
    [TestCase("blocs", "--format", "json", "--bootstrap", "5")]
    [TestCase("graph", "--format", "graphml")]
    public void Command_ThreadsOneOrAll_SameBytes(params string[] command)
    {
        var args = Arguments("chamber", command);
        using var temp = new TempDir();
        var (c1, _, e1) = CliRunner.Run([.. args, "--threads", "1", "-o", temp.File("one.out")]);
        var (c2, _, e2) = CliRunner.Run([.. args, "--threads", "-1", "-o", temp.File("all.out")]);
        Assert.That(c1, Is.EqualTo(0), e1);
        Assert.That(c2, Is.EqualTo(0), e2);
        Assert.That(File.ReadAllBytes(temp.File("all.out")), Is.EqualTo(File.ReadAllBytes(temp.File("one.out"))).And.Not.Empty);
    }
}
