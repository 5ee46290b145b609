using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

/// <summary>Every file in fixtures/bad produces its documented errors, exit code 3, no stack trace, and no output file.</summary>
public class BadInputTest
{
    private static readonly string[] Inputs = [".json", ".csv", ".txt"];

    private static IEnumerable<string> CaseFiles() =>
        Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "bad"))
            .Where(f => Inputs.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    private static IEnumerable<TestCaseData> Cases() =>
        CaseFiles().Select(f => new TestCaseData(f).SetName($"BadInput_{f}_ExitsThreeWithItsErrors"));

    [Test]
    public void BadInputFolder_EveryCaseHasItsExpectFileAndEveryExpectFileItsCase()
    {
        var dir = Path.Combine(Fixtures.Dir, "bad");
        var cases = CaseFiles().ToList();
        var expects = Directory.GetFiles(dir, "*.expect").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.That(expects, Is.EqualTo(cases));
        Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName).Where(f => f != "README.md" && !f!.EndsWith(".expect", StringComparison.Ordinal)), Is.EquivalentTo(cases),
            "every other file is a case");
    }

    [TestCaseSource(nameof(Cases))]
    public void BadInput_Analyze_ExitsThreeWithDocumentedErrors(string name)
    {
        var path = Path.Combine(Fixtures.Dir, "bad", name);
        var expected = File.ReadAllLines(path + ".expect").Where(l => l.Length > 0).ToList();
        Assert.That(expected, Is.Not.Empty, "the .expect file names at least one error");
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

    // The "report of 5 MB of one repeated phrase", generated rather than committed. A user would rather be
    // told than analyse 600 copies of one sentence: exit 3 at the line where the report passes 600 facts (one per
    // line here, so line 601), with no output. Run as a child process so its peak memory can be read; 1 GB is a
    // generous bound for 5 MB of text (the run measured about 200 MB), there to catch a quadratic blow-up.
    [Test]
    public void FiveMegabytesOfOneRepeatedPhrase_ExitsThreeAtTheLinePastTheCap_InBoundedMemory()
    {
        using var temp = new TempDir();
        var path = temp.File("repeated.txt");
        const string phrase = "The motion was carried by 16 votes to 11.\n";
        using (var writer = new StreamWriter(path))
            for (long written = 0; written < 5 * 1024 * 1024; written += phrase.Length) writer.Write(phrase);
        var output = temp.File("out.json");
        var run = ChildCli.Run(null, "analyze", path, "--format", "json", "-o", output);
        TestContext.Out.WriteLine($"5 MB repeated phrase: exit {run.Code} in {run.Elapsed.TotalSeconds:0.0} s, peak {run.PeakBytes / (1024 * 1024)} MB");
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(3), run.Err);
            Assert.That(run.Err, Does.StartWith($"error: {path}:601: The report holds more than 600 votes"));
            Assert.That(run.Err, Does.Not.Contain(" at VoteAlign"));
            Assert.That(File.Exists(output), Is.False);
            Assert.That(run.PeakBytes ?? 0, Is.LessThan(1L << 30));
        });
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
        Assert.That(err, Does.Contain($"{path}:1: The file is not valid UTF-8 text (0xC3 at byte offset 1)"));
    }
}
