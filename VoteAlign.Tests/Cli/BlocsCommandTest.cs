using Newtonsoft.Json.Linq;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

public class BlocsCommandTest
{
    [Test]
    public void Blocs_Nec_PutsTheLeftClpRepsTogetherAndAkehurstApart()
    {
        // Seed 001: "As left CLP reps we voted against the paper" (Jess Barnard, Gemma Bolton, Yasmine Dar);
        // seed 003: Gemma Bolton and Luke Akehurst are reported on opposite sides of the 2021 proscription votes.
        var (code, stdout, err) = CliRunner.Run("blocs", "--format", "json");
        Assert.That(code, Is.EqualTo(0), err);
        var json = JObject.Parse(stdout);
        var bloc = json["assignments"]!.ToDictionary(a => (string)a["member"]!, a => (int?)a["bloc"]);
        Assert.That(bloc["jess-barnard"], Is.Not.Null);
        Assert.That(bloc["gemma-bolton"], Is.EqualTo(bloc["jess-barnard"]));
        Assert.That(bloc["yasmine-dar"], Is.EqualTo(bloc["jess-barnard"]));
        Assert.That(bloc["luke-akehurst"], Is.Not.EqualTo(bloc["gemma-bolton"]));
        // It says how little each placement rests on.
        Assert.That(json["assignments"]!.All(a => a["castVotes"] is not null), Is.True);
        Assert.That((long)json["evidence"]!["cellsKnown"]!, Is.LessThan((long)json["evidence"]!["cellsTotal"]! / 10));
    }

    [Test]
    public void Blocs_JsonContract_HasTheDesignFields()
    {
        var (code, stdout, _) = CliRunner.Run("blocs", "--format", "json", "--bootstrap", "3");
        Assert.That(code, Is.EqualTo(0));
        var json = JObject.Parse(stdout);
        Assert.That((int)json["k"]!, Is.GreaterThanOrEqualTo(1));
        Assert.That((string)json["method"]!, Is.EqualTo("spectral"));
        var first = json["assignments"]!.First(a => a["bloc"]!.Type != JTokenType.Null);
        Assert.That(first["member"]!.Type, Is.EqualTo(JTokenType.String));
        Assert.That((double)first["stability"]!, Is.InRange(0.0, 1.0));
        Assert.That(json["assignments"]!.Any(a => a["bloc"]!.Type == JTokenType.Null), Is.True, "unassigned members have bloc null");
        Assert.That(((JArray)json["blocs"]!).Count, Is.EqualTo((int)json["k"]!));
    }

    [Test]
    public void Simulate_ThenBlocs_ByTrueBloc_RecoversThem()
    {
        using var temp = new TempDir();
        var votes = temp.File("votes.csv");
        var members = temp.File("members.csv");
        var (code, _, err) = CliRunner.Run("simulate", "-n", "90", "-m", "300", "-k", "3", "--dims", "1", "--seed", "12", "-o", votes, "--members-out", members);
        Assert.That(code, Is.EqualTo(0), err);
        var (code2, stdout, err2) = CliRunner.Run("blocs", votes, "--members", members, "--by", "bloc", "--format", "json");
        Assert.That(code2, Is.EqualTo(0), err2);
        var json = JObject.Parse(stdout);
        TestContext.Out.WriteLine($"k = {json["k"]}, ARI = {json["declared"]!["adjustedRandIndex"]}");
        Assert.That((int)json["k"]!, Is.EqualTo(3));
        Assert.That((double)json["declared"]!["adjustedRandIndex"]!, Is.GreaterThanOrEqualTo(0.9));
    }

    [Test]
    public void Simulate_SameSeed_SameBytes()
    {
        using var temp = new TempDir();
        CliRunner.Run("simulate", "-n", "20", "-m", "50", "-k", "2", "--seed", "4", "-o", temp.File("a.csv"), "--members-out", temp.File("am.csv"));
        CliRunner.Run("simulate", "-n", "20", "-m", "50", "-k", "2", "--seed", "4", "-o", temp.File("b.csv"), "--members-out", temp.File("bm.csv"));
        Assert.That(File.ReadAllBytes(temp.File("b.csv")), Is.EqualTo(File.ReadAllBytes(temp.File("a.csv"))));
        Assert.That(File.ReadAllBytes(temp.File("bm.csv")), Is.EqualTo(File.ReadAllBytes(temp.File("am.csv"))));
    }

    [Test]
    public void Blocs_OneThreadOrAll_SameBytes()
    {
        using var temp = new TempDir();
        var votes = temp.File("votes.csv");
        CliRunner.Run("simulate", "-n", "60", "-m", "200", "-k", "3", "--seed", "6", "-o", votes, "--members-out", temp.File("m.csv"));
        var (_, one, _) = CliRunner.Run("blocs", votes, "--threads", "1", "--format", "json", "--bootstrap", "3");
        var (_, all, _) = CliRunner.Run("blocs", votes, "--threads", "-1", "--format", "json", "--bootstrap", "3");
        Assert.That(all, Is.EqualTo(one));
    }

    [Test]
    public void Scale_JsonContract_HasTheDesignFields()
    {
        var (code, stdout, _) = CliRunner.Run("scale", "--method", "irt", "--format", "json");
        Assert.That(code, Is.EqualTo(0));
        var json = JObject.Parse(stdout);
        Assert.That((string)json["method"]!, Is.EqualTo("irt"));
        var placed = json["members"]!.Where(m => m["dim1"]!.Type != JTokenType.Null).ToList();
        Assert.That(placed, Is.Not.Empty);
        Assert.That(placed.All(m => (double)m["se1"]! > 0), Is.True);
    }

    [Test]
    public void Blocs_OnAReconstruction_SayWhatShareIsInferred_AndEvidenceOnlyIgnoresIt()
    {
        using var temp = new TempDir();
        var rebuilt = temp.File("rebuilt.json");
        var (code, _, err) = CliRunner.Run("reconstruct", "-o", rebuilt, "--samples", "20", "--burn-in", "10");
        Assert.That(code, Is.EqualTo(0), err);
        var withInference = JObject.Parse(CliRunner.Run("blocs", rebuilt, "--format", "json").Out);
        var evidenceOnly = JObject.Parse(CliRunner.Run("blocs", rebuilt, "--format", "json", "--evidence-only").Out);
        var bundled = JObject.Parse(CliRunner.Run("blocs", "--format", "json").Out);
        Assert.That((long)withInference["evidence"]!["cellsInferred"]!, Is.GreaterThan(0));
        Assert.That((double)withInference["evidence"]!["inferredShare"]!, Is.GreaterThan(0.5));
        Assert.That((double)evidenceOnly["evidence"]!["inferredShare"]!, Is.Zero);
        // Evidence alone on the reconstructed file is the analysis of the original records.
        Assert.That(evidenceOnly["assignments"]!.ToString(), Is.EqualTo(bundled["assignments"]!.ToString()));
    }

    [TestCase("blocs", "--k", "zero", TestName = "Blocs_BadK_ExitsTwo")]
    [TestCase("blocs", "--window", "decade", TestName = "Blocs_BadWindow_ExitsTwo")]
    [TestCase("blocs", "--by", "shoe-size", TestName = "Blocs_UnknownAttribute_ExitsTwo")]
    [TestCase("scale", "--method", "irt", "--dims", "2", TestName = "Scale_Irt2D_ExitsTwo")]
    [TestCase("simulate", "-n", "3", "-k", "2", "-o", "/tmp/never-written.csv", TestName = "Simulate_TooFewMembersPerBloc_ExitsTwo")]
    public void BadArguments_ExitTwo(params string[] args)
    {
        var (code, _, err) = CliRunner.Run(args);
        Assert.That(code, Is.EqualTo(2), err);
        Assert.That(err, Is.Not.Empty);
    }
}
