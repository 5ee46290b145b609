using System.Globalization;
using System.Text.RegularExpressions;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

/// <summary>Progress and timings go to standard error only, and never change what is written.</summary>
public class StageDisplayTest
{
    [Test]
    public void Graph_WithTimings_ListsEachStageOnStandardErrorAndWritesTheSameFile()
    {
        using var temp = new TempDir();
        var csv = temp.File("votes.csv");
        File.WriteAllText(csv, "member,motion,vote\na,m1,yea\nb,m1,yea\nc,m1,nay\na,m2,nay\nb,m2,nay\nc,m2,yea\n");
        var (code, stdout, err) = CliRunner.Run("graph", csv, "-o", temp.File("plain.graphml"));
        Assert.That(code, Is.EqualTo(0), err);
        var (code2, stdout2, err2) = CliRunner.Run("graph", csv, "-o", temp.File("timed.graphml"), "--timings");
        Assert.That(code2, Is.EqualTo(0), err2);

        Assert.That(stdout2, Is.EqualTo(stdout.Replace("plain.graphml", "timed.graphml")), "standard output is unchanged");
        Assert.That(File.ReadAllBytes(temp.File("timed.graphml")), Is.EqualTo(File.ReadAllBytes(temp.File("plain.graphml"))));
        Assert.That(err, Does.Not.Contain("timing:"), "no timings unless asked");
        var stages = Regex.Matches(err2, @"^timing: (.+) (\d+\.\d{3}) s$", RegexOptions.Multiline)
            .Select(m => (Stage: m.Groups[1].Value, Seconds: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        // No "edges" stage: graph makes the edges as it writes them, so their time is in "write".
        Assert.That(stages.Select(s => s.Stage), Is.EqualTo(new[] { "load", "agreement", "blocs", "choice of k", "MDS", "MDS", "ideal points", "document", "write", "total" }));
        var total = stages[^1].Seconds;
        Assert.That(stages.SkipLast(1).Sum(s => s.Seconds), Is.LessThanOrEqualTo(total + 0.001 * stages.Count), "stages add up to no more than the total");
        Assert.That(err2, Does.Not.Contain("\r"), "no live progress line when standard error is not a terminal");
    }

    [TestCase("blocs", new[] { "load", "agreement", "blocs", "choice of k", "total" })]
    [TestCase("scale", new[] { "load", "agreement", "MDS", "total" })]
    public void Command_WithTimings_ListsItsStagesAndKeepsItsOutput(string command, string[] expected)
    {
        using var temp = new TempDir();
        var csv = temp.File("votes.csv");
        File.WriteAllText(csv, "member,motion,vote\na,m1,yea\nb,m1,yea\nc,m1,nay\nd,m1,nay\na,m2,nay\nb,m2,nay\nc,m2,yea\nd,m2,yea\n");
        var (code, stdout, err) = CliRunner.Run(command, csv);
        var (code2, stdout2, err2) = CliRunner.Run(command, csv, "--timings");
        Assert.That((code, code2), Is.EqualTo((0, 0)), err + err2);
        Assert.That(stdout2, Is.EqualTo(stdout));
        var stages = Regex.Matches(err2, @"^timing: (.+) \d+\.\d{3} s$", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.That(stages, Is.EqualTo(expected));
    }

    [Test]
    public void Graph_Quiet_IsAccepted()
    {
        using var temp = new TempDir();
        var (code, _, err) = CliRunner.Run("graph", "-o", temp.File("g.graphml"), "--quiet");
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(err, Does.Not.Contain("\r"));
    }
}
