using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Splits;
using VoteAlign.Core.Export.Html;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Export;

/// <summary>The HTML report without a browser: sections, escaping, determinism, no network reference, and the data
/// the page draws from checked against the votes.</summary>
public sealed partial class HtmlReportTest
{
    internal const string Hostile = "<script>window.__pwned=1</script>\"Quote' & <b>x</b>";

    private static string Render(ReportData report)
    {
        var w = new StringWriter { NewLine = "\n" };
        HtmlReport.Write(report, w);
        return w.ToString();
    }

    /// <summary>A seeded simulated roll call, written by <c>votealign simulate</c> and read back as a roll-call CSV.</summary>
    internal static RollCall SimulatedRollCall(int members, int motions, int blocs, int seed)
    {
        using var dir = new TempDir();
        var args = new[] { "simulate", "-n", $"{members}", "-m", $"{motions}", "-k", $"{blocs}", "--dims", "2", "--seed", $"{seed}", "-o", dir.File("votes.csv") };
        Assert.That(CliRunner.Run(args).Code, Is.EqualTo(0));
        return VoteAlign.Cli.Io.InputLoader.ReadRollCall(dir.File("votes.csv"), dir.File("members.csv"), null);
    }

    private static Dataset Simulated(int members, int motions, int blocs, int seed) => SimulatedRollCall(members, motions, blocs, seed).ToDataset();

    [Test]
    public void Report_Nec_HasEverySection_AndTheTimelineOnlyWithAWindow()
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = CliRunner.Run("report", "-o", dir.File("plain.html"));
        Assert.That(code, Is.EqualTo(0), stderr);
        (code, _, stderr) = CliRunner.Run("report", "-o", dir.File("window.html"), "--window", "year");
        Assert.That(code, Is.EqualTo(0), stderr);
        var plain = File.ReadAllText(dir.File("plain.html"));
        var window = File.ReadAllText(dir.File("window.html"));
        foreach (var id in new[] { "overview", "heatmap", "network", "map", "splits" })
        {
            Assert.That(plain, Does.Contain($"id=\"{id}\""), id);
            Assert.That(window, Does.Contain($"id=\"{id}\""), id);
        }

        Assert.That(plain, Does.Not.Contain("id=\"timeline\""));
        Assert.That(window, Does.Contain("id=\"timeline\""));
        // The header states what the data rests on (facts of the bundled set: Labour NEC, 71 motions).
        Assert.That(plain, Does.Contain("<dd>Labour NEC</dd>"));
        Assert.That(plain, Does.Contain("<dt>Motions</dt><dd>71:"));
        Assert.That(plain, Does.Contain("<dt>Inferred</dt><dd>none: every figure on this page rests on evidence</dd>"));
        Assert.That(stdout, Does.Contain("report: 32 members, 71 motions"));
    }

    [Test]
    public void Report_SameInput_SameBytes()
    {
        using var dir = new TempDir();
        var data = Simulated(60, 120, 3, 11);
        Assert.That(CliRunner.Run("report", "-o", dir.File("a.html"), "--window", "year").Code, Is.EqualTo(0));
        Assert.That(CliRunner.Run("report", "-o", dir.File("b.html"), "--window", "year").Code, Is.EqualTo(0));
        Assert.That(File.ReadAllBytes(dir.File("a.html")), Is.EqualTo(File.ReadAllBytes(dir.File("b.html"))), "NEC report");
        var options = new ReportOptions(new BlocOptions(Seed: 3), Window: "40");
        Assert.That(Render(ReportData.Build(data, options)), Is.EqualTo(Render(ReportData.Build(data, options with { Blocs = options.Blocs with { Threads = 1 } }))),
            "a simulated chamber, on all cores and on one");
    }

    [Test]
    public void Report_LoadsNothing_AndForbidsTheNetwork()
    {
        var html = Render(ReportData.Build(Simulated(40, 80, 2, 5), new ReportOptions(new BlocOptions())));
        Assert.That(html, Does.Contain("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\""));
        Assert.That(Regex.IsMatch(html, @"\b(src|href)\s*=\s*""(?!#)", RegexOptions.IgnoreCase), Is.False, "no src, and no href but in-page anchors");
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("url("), "no address and no CSS resource");
        Assert.That(Regex.Matches(html, "<script").Count, Is.EqualTo(2), "the data block and the page's own script");
    }

    [Test]
    public void Report_HostileNamesAndTitles_AreEscapedEverywhere()
    {
        using var dir = new TempDir();
        WriteHostileRollCall(dir);
        var (code, _, stderr) = CliRunner.Run("report", dir.File("votes.csv"), "--members", dir.File("members.csv"), "--motions", dir.File("motions.csv"), "-o", dir.File("r.html"));
        Assert.That(code, Is.EqualTo(0), stderr);
        var html = File.ReadAllText(dir.File("r.html"));
        Assert.That(html, Does.Not.Contain(Hostile).And.Not.Contain("<b>x</b>").And.Not.Contain("window.__pwned=1</script>"));
        Assert.That(Regex.Matches(html, "<script").Count, Is.EqualTo(2), "no script element but the page's two");
        Assert.That(html, Does.Contain("&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;Quote&#39; &amp; &lt;b&gt;x&lt;/b&gt;"), "names as element text");
        var data = ReportPage.Data(html);
        Assert.That(data["members"]!.Select(m => (string)m[1]!), Does.Contain(Hostile + " 1"), "the data block reads back to the exact name");
        Assert.That(data["splits"]!["rows"]!.Select(r => (string)r[2]!), Does.Contain(Hostile + " motion"));
    }

    /// <summary>Six members (three vote one way, three the other) with hostile names, and four motions with hostile titles.</summary>
    internal static void WriteHostileRollCall(TempDir dir)
    {
        static string Csv(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var members = new StringBuilder("member,name\n");
        var votes = new StringBuilder("member,motion,vote\n");
        var motions = new StringBuilder("motion,date,title\n");
        for (var j = 1; j <= 4; j++) motions.Append($"v{j},2024-0{j}-01,{Csv(j == 1 ? Hostile + " motion" : $"Motion {j} & co")}\n");
        for (var i = 1; i <= 6; i++)
        {
            members.Append($"m{i},{Csv(Hostile + " " + i)}\n");
            for (var j = 1; j <= 4; j++) votes.Append($"m{i},v{j},{((i <= 3) == (j % 2 == 1) || (i == 3 && j == 4) ? "yea" : "nay")}\n");
        }

        File.WriteAllText(dir.File("members.csv"), members.ToString());
        File.WriteAllText(dir.File("votes.csv"), votes.ToString());
        File.WriteAllText(dir.File("motions.csv"), motions.ToString());
    }

    [Test]
    public void Report_HeatmapData_MatchesAgreementCountedFromTheVotes()
    {
        var data = Simulated(50, 90, 3, 21);
        var report = ReportData.Build(data, new ReportOptions(new BlocOptions()));
        var page = ReportPage.Data(Render(report));
        var members = (JArray)page["members"]!;
        Assert.That(members, Has.Count.EqualTo(50), "every member cast votes, so every member is drawn");
        for (var i = 0; i < members.Count; i++)
            for (var j = i; j < members.Count; j++)
            {
                var (shared, same) = ReportPage.Count(data.Matrix, new MemberId((string)members[i][0]!), new MemberId((string)members[j][0]!));
                var (agree, count) = ReportPage.Cell(page, i, j);
                Assert.That(count, Is.EqualTo(shared), $"shared {i},{j}");
                if (shared == 0) Assert.That(agree, Is.EqualTo(HtmlReport.NoAgreement));
                else Assert.That(agree / 10000.0, Is.EqualTo((double)same / shared).Within(0.5e-4), $"agreement {i},{j}");
            }
    }

    [Test]
    public void Report_MembersAreOrderedByBloc_EachBlocContiguous()
    {
        var data = Simulated(80, 150, 4, 8);
        var page = ReportPage.Data(Render(ReportData.Build(data, new ReportOptions(new BlocOptions()))));
        var blocs = page["members"]!.Select(m => (int?)m[2]).ToList();
        var runs = blocs.Where((b, i) => i == 0 || b != blocs[i - 1]).ToList();
        Assert.That(runs, Is.Unique, "a bloc's members sit together in the heatmap order");
    }

    [Test]
    public void Report_SplitBars_CountEachBlocsVotesOnEveryMotion()
    {
        var data = Simulated(45, 60, 3, 4);
        var report = ReportData.Build(data, new ReportOptions(new BlocOptions()));
        var page = ReportPage.Data(Render(report));
        var groups = page["splits"]!["groups"]!.Select(g => (string)g!).ToList();
        Assert.That(groups, Has.Count.EqualTo(report.Blocs.Result.K));
        var rows = (JArray)page["splits"]!["rows"]!;
        Assert.That(rows, Has.Count.EqualTo(60));
        var blocOf = report.Blocs.Result.Assignments.ToDictionary(a => a.Member, a => a.Bloc?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var row in rows)
        {
            var j = data.Matrix.Motions.IndexOf(new MotionId((string)row[0]!));
            var counts = row[9]!.Select(c => (int)c!).ToList();
            for (var g = 0; g < groups.Count; g++)
                for (var v = 0; v <= 4; v++)
                {
                    var expected = Enumerable.Range(0, data.Matrix.MemberCount)
                        .Count(r => blocOf[data.Matrix.Members[r]] == groups[g] && (v == 4 ? data.Matrix[r, j] is null : data.Matrix[r, j] == (Vote)v));
                    Assert.That(counts[5 * g + v], Is.EqualTo(expected), $"motion {row[0]}, bloc {groups[g]}, value {v}");
                }
        }
    }

    [Test]
    public void Report_Reconstruction_InferredVotesCountedApartFromEvidence()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("r.json"), ReconstructedCommittee);
        var load = RecordFileReader.Read(new StringReader(ReconstructedCommittee), "r.json");
        var report = ReportData.Build(Dataset.FromRecords("r.json", load.Records), new ReportOptions(new BlocOptions(K: 2)));
        Assert.That(report.Reconstruction, Is.Not.Null);
        var html = Render(report);
        var page = ReportPage.Data(html);
        Assert.That((bool)page["splits"]!["inferred"]!, Is.True);
        // Motion m3: every vote is known except dee's, inferred "for"; blocs hold 9 numbers each (5 evidence, 4 inferred).
        var row = page["splits"]!["rows"]!.Single(r => (string)r[0]! == "m3");
        var counts = row[9]!.Select(c => (int)c!).ToList();
        Assert.That(counts, Has.Count.EqualTo(18));
        Assert.That(counts.Where((_, i) => i % 9 == 5).Sum(), Is.EqualTo(1), "one inferred 'for' across the blocs");
        Assert.That(counts.Where((_, i) => i % 9 < 4).Sum(), Is.EqualTo(3), "three votes of evidence");
        Assert.That(html, Does.Contain("cells filled by reconstruction"));
    }

    private const string ReconstructedCommittee = """
        {"format": "votealign/1", "body": "Small board",
         "members": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": "cat", "name": "Cat"}, {"id": "dee", "name": "Dee"}],
         "meetings": [{"id": "d1", "date": "2024-01-01"}],
         "motions": [
           {"id": "m1", "meeting": "d1", "title": "One", "tally": {"for": 2, "against": 2, "abstain": null}, "outcome": "defeated"},
           {"id": "m2", "meeting": "d1", "title": "Two", "tally": {"for": 2, "against": 2, "abstain": null}, "outcome": "defeated"},
           {"id": "m3", "meeting": "d1", "title": "Three", "tally": {"for": 3, "against": 1, "abstain": null}, "outcome": "passed"}],
         "positions": [
           {"member": "ann", "motion": "m1", "vote": "for", "basis": "self"}, {"member": "bob", "motion": "m1", "vote": "for", "basis": "self"},
           {"member": "cat", "motion": "m1", "vote": "against", "basis": "self"}, {"member": "dee", "motion": "m1", "vote": "against", "basis": "self"},
           {"member": "ann", "motion": "m2", "vote": "for", "basis": "self"}, {"member": "bob", "motion": "m2", "vote": "for", "basis": "self"},
           {"member": "cat", "motion": "m2", "vote": "against", "basis": "self"}, {"member": "dee", "motion": "m2", "vote": "against", "basis": "self"},
           {"member": "ann", "motion": "m3", "vote": "for", "basis": "self"}, {"member": "bob", "motion": "m3", "vote": "for", "basis": "self"},
           {"member": "cat", "motion": "m3", "vote": "against", "basis": "self"},
           {"member": "dee", "motion": "m3", "vote": "for", "basis": "inferred", "probabilities": {"for": 1.0, "against": 0.0, "abstain": 0.0, "absent": 0.0}}]}
        """;

    [Test]
    public void SplitAnalysis_MatrixPath_EqualsTheRecordPathOfTheSameRollCall()
    {
        var sim = SimulatedRollCall(40, 70, 3, 9);
        var data = sim.ToDataset();
        var blocs = BlocAnalysis.Run(data.Matrix, new BlocOptions());
        var groupOf = blocs.Assignments.Where(a => a.Bloc is not null).ToDictionary(a => a.Member, a => a.Bloc!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var fromMatrix = SplitAnalysis.Of(data, groupOf);
        var fromRecords = SplitAnalysis.Of(sim.ToRecordSet(), groupOf);
        Assert.That(fromMatrix, Has.Length.EqualTo(fromRecords.Length));
        for (var t = 0; t < fromMatrix.Length; t++)
        {
            var (a, b) = (fromMatrix[t], fromRecords[t]);
            Assert.That(a.Motion.Id, Is.EqualTo(b.Motion.Id));
            Assert.That(a.Blocs, Is.EqualTo(b.Blocs), $"breakdowns of {a.Motion.Id}");
            Assert.That(a.Rebels, Is.EqualTo(b.Rebels), $"rebels of {a.Motion.Id}");
            Assert.That(a.Pivotal, Is.EqualTo(b.Pivotal), $"pivotal members of {a.Motion.Id}");
            Assert.That((a.Margin, a.SwitchesToFlip, a.BlocLine, a.Date), Is.EqualTo((b.Margin, b.SwitchesToFlip, b.BlocLine, b.Date)));
        }
    }

    [TestCase("--window", "bogus", TestName = "Report_BadWindow_IsAUsageError")]
    [TestCase("--k", "0", TestName = "Report_KZero_IsAUsageError")]
    public void Report_BadOption_ExitsTwo(string option, string value)
    {
        using var dir = new TempDir();
        var (code, _, stderr) = CliRunner.Run("report", "-o", dir.File("r.html"), option, value);
        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(File.Exists(dir.File("r.html")), Is.False);
    }

    [Test]
    public void Report_BadInput_ExitsThreeWithoutAStackTrace_AndLeavesNoFile()
    {
        using var dir = new TempDir();
        var (code, _, stderr) = CliRunner.Run("report", Path.Combine(Fixtures.Dir, "bad", "truncated.json"), "-o", dir.File("r.html"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("truncated.json:").And.Not.Contain("   at "));
        Assert.That(Directory.GetFiles(dir.Path), Is.Empty);
    }
}
