using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Reliability;

/// <summary>Same input, same bytes out: every command twice, and across thread counts where a command has them.</summary>
public class DeterminismTest
{
    private static string Seed(string name) => Fixtures.Seed(name);

    private static IEnumerable<TestCaseData> Commands()
    {
        yield return new TestCaseData((object)new[] { "analyze", "--format", "json" }).SetName("Determinism_Analyze");
        yield return new TestCaseData((object)new[] { "blocs", "--format", "json", "--bootstrap", "5", "--permutations", "5" }).SetName("Determinism_Blocs");
        yield return new TestCaseData((object)new[] { "scale", "--method", "irt", "--format", "json" }).SetName("Determinism_Scale");
        yield return new TestCaseData((object)new[] { "splits", "--format", "json" }).SetName("Determinism_Splits");
        yield return new TestCaseData((object)new[] { "graph", "--format", "graphml" }).SetName("Determinism_Graph");
        yield return new TestCaseData((object)new[] { "reconstruct", "--samples", "20", "--burn-in", "10" }).SetName("Determinism_Reconstruct");
        yield return new TestCaseData((object)new[] { "extract", Seed("003_e70f78191ccbf646.txt") }).SetName("Determinism_Extract");
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_TwiceOnTheSameInput_WritesTheSameBytes(string[] args)
    {
        using var temp = new TempDir();
        var one = temp.File("one.out");
        var two = temp.File("two.out");
        var (c1, _, e1) = CliRunner.Run([.. args, "-o", one]);
        var (c2, _, e2) = CliRunner.Run([.. args, "-o", two]);
        Assert.That(c1, Is.EqualTo(0), e1);
        Assert.That(c2, Is.EqualTo(0), e2);
        Assert.That(File.ReadAllBytes(two), Is.EqualTo(File.ReadAllBytes(one)));
    }

    [Test]
    public void Scale_OneThreadOrAll_SameBytes()
    {
        var (_, one, _) = CliRunner.Run("scale", "--method", "irt", "--format", "json", "--threads", "1");
        var (_, all, _) = CliRunner.Run("scale", "--method", "irt", "--format", "json", "--threads", "-1");
        Assert.That(all, Is.EqualTo(one));
    }
}
