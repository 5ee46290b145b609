using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

/// <summary>Every file in fixtures/bad produces its documented errors, exit code 3, no stack trace, and no output file.</summary>
public class BadInputTest
{
    private static IEnumerable<TestCaseData> Cases() =>
        Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "bad"))
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"BadInput_{Path.GetFileName(f)}_ExitsThreeWithItsErrors"));

    [TestCaseSource(nameof(Cases))]
    public void BadInput_Analyze_ExitsThreeWithDocumentedErrors(string name)
    {
        var path = Path.Combine(Fixtures.Dir, "bad", name);
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".expect")).Where(l => l.Length > 0).ToList();
        using var temp = new TempDir();
        var output = temp.File("out.json");
        var (code, _, err) = CliRunner.Run("analyze", path, "--format", "json", "-o", output);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(3), err);
            foreach (var line in expected)
                Assert.That(err, Does.Contain("error: " + Path.Combine(Path.GetDirectoryName(path)!, line)), "expected error");
            Assert.That(err, Does.Not.Contain(" at VoteAlign"), "no stack trace");
            Assert.That(err, Does.Not.Contain("Exception"), "no exception names");
            Assert.That(File.Exists(output), Is.False, "no output written");
        });
    }

    [Test]
    public void BadInput_ImportOfBadCsv_LeavesExistingOutputUntouched()
    {
        using var temp = new TempDir();
        var output = temp.File("records.json");
        File.WriteAllText(output, "precious");
        var (code, _, _) = CliRunner.Run("import", Path.Combine(Fixtures.Dir, "bad", "unknown-token.csv"), "-o", output);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(File.ReadAllText(output), Is.EqualTo("precious"));
        Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1), "no temporary file left behind");
    }

    [Test]
    public void MissingFile_ExitsThreeNamingIt()
    {
        var (code, _, err) = CliRunner.Run("analyze", "/no/such/file.json");
        Assert.That(code, Is.EqualTo(3));
        Assert.That(err, Does.Contain("/no/such/file.json: No such file."));
    }

    [Test]
    public void UnknownOption_ExitsTwo()
    {
        var (code, _, err) = CliRunner.Run("analyze", "--frobnicate");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Contain("--frobnicate"));
    }

    [Test]
    public void BadFormatValue_ExitsTwo()
    {
        var (code, _, _) = CliRunner.Run("analyze", "--format", "xml");
        Assert.That(code, Is.EqualTo(2));
    }

    [Test]
    public void InvalidUtf8_ExitsThree()
    {
        using var temp = new TempDir();
        var path = temp.File("bad.json");
        File.WriteAllBytes(path, [(byte)'{', 0xC3, 0x28, 0xFF, (byte)'}']);
        var (code, _, err) = CliRunner.Run("analyze", path);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(err, Does.Contain("not valid UTF-8"));
    }
}
