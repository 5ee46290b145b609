using System.Xml.Linq;
using VoteAlign.Core.Export.Graphs;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

public class GraphCommandTest
{
    [Test]
    public void Graph_NoInput_WritesTheNecGraphML()
    {
        using var temp = new TempDir();
        var file = temp.File("nec.graphml");
        var (code, stdout, err) = CliRunner.Run("graph", "-o", file);
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(stdout, Does.Contain("32 nodes"));
        Assert.That(XDocument.Load(file).Root!.Name, Is.EqualTo(XName.Get("graphml", GraphMLWriter.Namespace)));
        Assert.That(Schemas.ValidateGraphML(File.ReadAllBytes(file)), Is.Empty);
    }

    [TestCase("g.gexf", "gexf")]
    [TestCase("g.gv", "graph \"covote\"")]
    [TestCase("g.json", "\"links\"")]
    [TestCase("g.csv", "member,name,motion,vote")]
    public void Graph_FormatFollowsTheExtension(string name, string expected)
    {
        using var temp = new TempDir();
        var (code, _, err) = CliRunner.Run("graph", "-o", temp.File(name));
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(File.ReadAllText(temp.File(name)), Does.Contain(expected));
    }

    [TestCase("--signed", "--threshold", "0.4")]
    [TestCase("--window", "year")]
    [TestCase("--format", "csv", "--kind", "bipartite")]
    [TestCase("--matrix", "likely")]
    [TestCase("--threshold", "1.5")]
    [TestCase("--window", "1", "--format", "gexf")]
    public void Graph_OptionsThatDoNotFit_AreUsageErrors(params string[] options)
    {
        using var temp = new TempDir();
        var (code, _, err) = CliRunner.Run(["graph", "-o", temp.File("g.graphml"), .. options]);
        Assert.That(code, Is.EqualTo(2), err);
        Assert.That(File.Exists(temp.File("g.graphml")), Is.False);
    }

    [Test]
    public void Graph_StatementsOfARollCall_IsAUsageError()
    {
        using var temp = new TempDir();
        CliRunner.Run("simulate", "-n", "10", "-m", "20", "-k", "2", "--seed", "3", "-o", temp.File("v.csv"), "--members-out", temp.File("m.csv"));
        var (code, _, err) = CliRunner.Run("graph", temp.File("v.csv"), "--kind", "statements", "-o", temp.File("s.graphml"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Contain("statements"));
    }

    [Test]
    public void Graph_BadInput_LeavesTheOutputAsItWas()
    {
        using var temp = new TempDir();
        var file = temp.File("g.graphml");
        File.WriteAllText(file, "before");
        File.WriteAllText(temp.File("bad.json"), "{\"format\": \"votealign/9\"}");
        var (code, _, _) = CliRunner.Run("graph", temp.File("bad.json"), "-o", file);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(File.ReadAllText(file), Is.EqualTo("before"));
    }

    [Test]
    public void Graph_SimulatedChamber_WindowsGiveADynamicGexf_AndMembersAttributesBecomeNodeAttributes()
    {
        using var temp = new TempDir();
        CliRunner.Run("simulate", "-n", "40", "-m", "120", "-k", "3", "--seed", "5", "-o", temp.File("v.csv"), "--members-out", temp.File("m.csv"));
        var (code, stdout, err) = CliRunner.Run("graph", temp.File("v.csv"), "--members", temp.File("m.csv"), "--window", "40", "-o", temp.File("g.gexf"));
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(stdout, Does.Contain("3 windows"));
        var bytes = File.ReadAllBytes(temp.File("g.gexf"));
        Assert.That(Schemas.ValidateGexf(bytes), Is.Empty);
        var xml = XDocument.Load(new MemoryStream(bytes));
        XNamespace x = GexfWriter.Namespace;
        Assert.That((string?)xml.Descendants(x + "graph").Single().Attribute("timeformat"), Is.EqualTo("integer"), "undated motions: windows are numbered");
        // members.csv has bloc, ideal1 columns: `bloc` and `ideal` are taken by VoteAlign's own attributes, so the
        // input's bloc comes through as attr.bloc; ideal1 keeps its name.
        var titles = xml.Descendants(x + "attribute").Select(a => (string?)a.Attribute("title")).ToList();
        Assert.That(titles, Does.Contain("attr.bloc").And.Contain("ideal1").And.Contain("bloc"));
    }

    [Test]
    public void Graph_OneThreadOrAll_SameBytes()
    {
        using var temp = new TempDir();
        CliRunner.Run("simulate", "-n", "50", "-m", "150", "-k", "3", "--seed", "8", "-o", temp.File("v.csv"), "--members-out", temp.File("m.csv"));
        foreach (var ext in new[] { "graphml", "gexf", "json", "dot" })
        {
            CliRunner.Run("graph", temp.File("v.csv"), "--threads", "1", "--signed", "-o", temp.File("one." + ext));
            CliRunner.Run("graph", temp.File("v.csv"), "--threads", "-1", "--signed", "-o", temp.File("all." + ext));
            Assert.That(File.ReadAllBytes(temp.File("all." + ext)), Is.EqualTo(File.ReadAllBytes(temp.File("one." + ext))), ext);
        }
    }
}
