using System.Diagnostics;
using System.Xml.Linq;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Export.Graphs;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Export;

/// <summary>The exports read by the tools users open them in: networkx (python3-networkx) and Graphviz's dot. Each
/// test is ignored, with the reason, on a machine without the tool; .ci/run installs both.</summary>
public class ExternalToolsTest
{
    private static readonly Lazy<string?> Python = new(() =>
        new[] { "python3", "/usr/bin/python3" }.FirstOrDefault(p => Run(p, ["-c", "import networkx"], out _) == 0));

    private static readonly Lazy<bool> Dot = new(() => Run("dot", ["-V"], out _) == 0);

    private static string Script => Path.Combine(TestContext.CurrentContext.TestDirectory, "tests-python", "check_graph.py");

    [Test]
    public void Networkx_ReadsTheNecGraphML_AsVoteAlignCountsIt() =>
        CheckWithNetworkx(GraphData.Nec(), signed: false);

    [Test]
    public void Networkx_ReadsASimulatedChambersSignedGraphML_AsVoteAlignCountsIt() =>
        CheckWithNetworkx(GraphData.Simulated(80, 300, seed: 11), signed: true);

    [Test]
    public void Networkx_ReadsTheNecStatementAndBipartiteGraphs()
    {
        var data = GraphData.Nec();
        CheckDocument(GraphDocuments.Statements(StatementGraph.Build(data.Records!), data), 32, 20);
        var bipartite = GraphDocuments.Bipartite(data);
        CheckDocument(bipartite, data.Members.Length + data.Motions.Length, bipartite.Edges.Length);
    }

    [Test]
    public void Networkx_ReadsTheAwkwardName()
    {
        var doc = GraphData.AwkwardDocument();
        var output = CheckDocument(doc, 5, doc.Edges.Length);
        Assert.That(output, Does.StartWith("ok"));
    }

    [Test]
    public void Graphviz_RendersTheNecDot()
    {
        var data = GraphData.Nec();
        var svg = RenderDot(GraphDocuments.CoVoting(CoVotingGraph.Build(data, new GraphOptions(Signed: true, Blocs: new BlocOptions())), data));
        var titles = svg.Descendants(XName.Get("title", "http://www.w3.org/2000/svg")).Select(t => t.Value).ToList();
        Assert.That(titles, Does.Contain("gemma-bolton"));
    }

    [Test]
    public void Graphviz_RendersTheAwkwardNameUnchanged()
    {
        var svg = RenderDot(GraphData.AwkwardDocument());
        var texts = svg.Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Select(t => t.Value).ToList();
        Assert.That(texts, Does.Contain(GraphData.AwkwardName));
    }

    private static void CheckWithNetworkx(Dataset data, bool signed)
    {
        var graph = CoVotingGraph.Build(data, new GraphOptions(Signed: signed, Blocs: new BlocOptions()));
        CheckDocument(GraphDocuments.CoVoting(graph, data), graph.Graph.VertexCount, graph.Graph.EdgeCount);
    }

    private static string CheckDocument(GraphDocument doc, int nodes, int edges)
    {
        var python = Python.Value;
        if (python is null) Assert.Ignore("No python3 with networkx here (Debian: apt-get install python3-networkx; .ci/run installs it).");
        using var temp = new TempDir();
        File.WriteAllBytes(temp.File("g.graphml"), GraphData.Bytes(s => GraphMLWriter.Write(doc, s)));
        File.WriteAllText(temp.File("g.json"), GraphData.Text(w => GraphJsonWriter.Write(doc, w)));
        File.WriteAllBytes(temp.File("g.gexf"), GraphData.Bytes(s => GexfWriter.Write(doc, s)));
        var code = Run(python!, [Script, temp.File("g.graphml"), temp.File("g.json"), "--gexf", temp.File("g.gexf"),
            "--nodes", nodes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--edges", edges.ToString(System.Globalization.CultureInfo.InvariantCulture)], out var output);
        TestContext.Out.WriteLine(output);
        Assert.That(code, Is.EqualTo(0), output);
        return output;
    }

    private static XDocument RenderDot(GraphDocument doc)
    {
        if (!Dot.Value) Assert.Ignore("Graphviz's dot is not installed here (Debian: apt-get install graphviz; .ci/run installs it).");
        using var temp = new TempDir();
        File.WriteAllText(temp.File("g.dot"), GraphData.Text(w => DotWriter.Write(doc, w)));
        var code = Run("dot", ["-Tsvg", temp.File("g.dot"), "-o", temp.File("g.svg")], out var output);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Not.Contain("Error"), output);
        return XDocument.Load(temp.File("g.svg"));
    }

    private static int Run(string file, IEnumerable<string> args, out string output)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(120_000))
            {
                p.Kill(entireProcessTree: true);
                output = "timed out";
                return -1;
            }

            output = stdout.Result + stderr.Result;
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            output = e.Message;
            return -1;
        }
    }
}
