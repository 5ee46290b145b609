using VoteAlign.Core.Ingest;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

/// <summary><c>votealign extract</c> and <c>.txt</c> inputs to the other commands, in-process.</summary>
public class ExtractCommandTest
{
    private const string Report = """
        NEC Report – 4 June 2024
        The motion on branch mergers was carried by 19 votes to 12.
        I voted against it.
        """;

    private static string Write(TempDir dir, string name, string text)
    {
        var path = dir.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Extract_Seeds_WritesValidRecordsAndAReview()
    {
        using var temp = new TempDir();
        var output = temp.File("records.json");
        var review = temp.File("review.md");
        var seeds = Directory.GetFiles(Path.Combine(Fixtures.Dir, "nec", "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        var (code, stdout, stderr) = CliRunner.Run(["extract", .. seeds, "-o", output, "--review", review]);
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.Multiple(() =>
        {
            Assert.That(stdout, Is.Empty, "records go to the file");
            Assert.That(stderr, Does.Contain("Extracted "));
            using var reader = new StreamReader(output);
            var records = RecordFileReader.Read(reader, output).Records;
            Assert.That(records.Motions, Is.Not.Empty);
            var md = File.ReadAllText(review);
            Assert.That(md, Does.StartWith("# Extraction review"));
            // Seed 003 line 855 and a line known not to be a vote (line 29: "from 21-23 July").
            Assert.That(md, Does.Contain("### Line 855"));
            Assert.That(md, Does.Contain("a date range"));
            Assert.That(md, Does.Contain("**rejected**"));
        });
    }

    [Test]
    public void Extract_NoOutput_JsonOnStdout()
    {
        using var temp = new TempDir();
        var path = Write(temp, "report.txt", Report);
        var (code, stdout, stderr) = CliRunner.Run("extract", path, "--author", "Lena Novak");
        Assert.That(code, Is.EqualTo(0), stderr);
        var records = RecordFileReader.Read(new StringReader(stdout), "stdout").Records;
        Assert.Multiple(() =>
        {
            Assert.That(records.Motions.Single().Tally, Is.EqualTo(new Core.Model.Tally(19, 12, null)));
            Assert.That(records.Reports.Single().Authors, Is.EqualTo(new[] { "Lena Novak" }));
            // Lena Novak is not on the bundled NEC roster: kept, and flagged.
            Assert.That(records.Positions.Single().Member.Value, Is.EqualTo("lena-novak"));
            Assert.That(stderr, Does.Contain("warning:"));
            Assert.That(stderr, Does.Contain("'Lena Novak' is not on the roster"));
        });
    }

    [Test]
    public void Extract_WithRoster_NamesResolveThroughIt()
    {
        using var temp = new TempDir();
        var roster = Write(temp, "roster.json", """
            {"format": "votealign/1", "body": "Test board", "seats": 9,
             "members": [
               {"id": "zq", "name": "Zara Quinn", "aliases": [], "terms": [], "affiliations": [{"group": "Reform Slate", "from": null, "to": null}]},
               {"id": "op", "name": "Omar Patel", "aliases": [], "terms": [], "affiliations": [{"group": "Reform Slate", "from": null, "to": null}]}
             ],
             "meetings": [], "motions": [], "positions": []}
            """);
        var report = Write(temp, "board.txt", """
            Board meeting, 2 May 2024
            The Reform Slate members voted against the budget, which was approved by 6 votes to 2.
            """);
        var (code, stdout, stderr) = CliRunner.Run("extract", report, "--roster", roster);
        Assert.That(code, Is.EqualTo(0), stderr);
        var records = RecordFileReader.Read(new StringReader(stdout), "stdout").Records;
        Assert.Multiple(() =>
        {
            Assert.That(records.Body, Is.EqualTo("Test board"));
            Assert.That(records.Positions.Select(p => p.Member.Value).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "op", "zq" }));
            Assert.That(records.Members.Select(m => m.Id.Value), Is.EquivalentTo(new[] { "zq", "op" }));
        });
    }

    [Test]
    public void Extract_Date_ResolvesRelativeMeetingDates()
    {
        using var temp = new TempDir();
        var path = Write(temp, "report.txt", "What happened\nThe NEC met on Tuesday and carried the motion by 19 votes to 12.\n");
        var (code, stdout, _) = CliRunner.Run("extract", path, "--date", "2024-06-07");
        Assert.That(code, Is.EqualTo(0));
        var records = RecordFileReader.Read(new StringReader(stdout), "stdout").Records;
        Assert.That(records.Meetings.Single().Date, Is.EqualTo(new DateOnly(2024, 6, 4)));
    }

    [Test]
    public void Extract_BadDate_ExitsTwo()
    {
        using var temp = new TempDir();
        var path = Write(temp, "report.txt", Report);
        var (code, _, stderr) = CliRunner.Run("extract", path, "--date", "4 June");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("YYYY-MM-DD"));
    }

    [Test]
    public void Extract_BinaryInput_ExitsThreeWithFileAndLine_AndLeavesOutputAlone()
    {
        using var temp = new TempDir();
        var path = temp.File("scan.txt");
        File.WriteAllBytes(path, [(byte)'N', (byte)'E', (byte)'C', 10, 0, 1, 2, 3]);
        var output = Write(temp, "records.json", "precious");
        var (code, _, stderr) = CliRunner.Run("extract", path, "-o", output);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(3));
            Assert.That(stderr, Does.Contain($"error: {path}:2:"));
            Assert.That(stderr, Does.Not.Contain(" at VoteAlign"));
            Assert.That(File.ReadAllText(output), Is.EqualTo("precious"));
        });
    }

    [Test]
    public void Extract_InvalidUtf8_ExitsThree()
    {
        using var temp = new TempDir();
        var path = temp.File("latin1.txt");
        File.WriteAllBytes(path, [(byte)'N', (byte)'E', (byte)'C', 0xE9, (byte)' ', 0xFF]);
        var (code, _, stderr) = CliRunner.Run("extract", path);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("not valid UTF-8"));
    }

    [Test]
    public void Extract_MissingFile_ExitsThree()
    {
        var (code, _, stderr) = CliRunner.Run("extract", "/no/such/report.txt");
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("/no/such/report.txt: No such file."));
    }

    [Test]
    public void Extract_NoReport_IsAUsageError()
    {
        var (code, _, _) = CliRunner.Run("extract");
        Assert.That(code, Is.EqualTo(2));
    }

    [Test]
    public void Analyze_TextReport_ExtractedOnTheFly()
    {
        using var temp = new TempDir();
        var path = Write(temp, "report.txt", Report);
        var (code, stdout, stderr) = CliRunner.Run("analyze", path);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stdout, Does.Contain("motions        1:"));
            Assert.That(stderr, Does.Contain("extracted from text: 1 meetings, 1 motions"));
            Assert.That(stderr, Does.Contain("extraction warnings"));
        });
    }

    [Test]
    public void Validate_TextReport_IsValid()
    {
        using var temp = new TempDir();
        var path = Write(temp, "report.txt", Report);
        var (code, stdout, _) = CliRunner.Run("validate", path);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("valid (32 members, 1 meetings, 1 motions"));
    }
}
