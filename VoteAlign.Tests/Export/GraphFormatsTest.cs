using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Analysis.Windows;
using VoteAlign.Core.Export.Graphs;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Export;

public class GraphFormatsTest
{
    private static readonly Lazy<Dataset> Nec = new(GraphData.Nec);
    private static readonly XNamespace G = GraphMLWriter.Namespace;
    private static readonly XNamespace X = GexfWriter.Namespace;

    private static GraphDocument NecCoVoting(bool signed = false) =>
        GraphDocuments.CoVoting(CoVotingGraph.Build(Nec.Value, new GraphOptions(Signed: signed, Blocs: new BlocOptions())), Nec.Value);

    private static IEnumerable<TestCaseData> Documents()
    {
        yield return new TestCaseData("covote").SetName("{m}(covote)");
        yield return new TestCaseData("signed").SetName("{m}(signed)");
        yield return new TestCaseData("statements").SetName("{m}(statements)");
        yield return new TestCaseData("bipartite").SetName("{m}(bipartite)");
        yield return new TestCaseData("awkward").SetName("{m}(awkward)");
    }

    private static GraphDocument Document(string which) => which switch
    {
        "covote" => NecCoVoting(),
        "signed" => NecCoVoting(signed: true),
        "statements" => GraphDocuments.Statements(StatementGraph.Build(Nec.Value.Records!), Nec.Value),
        "bipartite" => GraphDocuments.Bipartite(Nec.Value),
        _ => GraphData.AwkwardDocument(),
    };

    [TestCaseSource(nameof(Documents))]
    public void GraphML_ValidatesAgainstThePublishedSchema(string which)
    {
        var bytes = GraphData.Bytes(s => GraphMLWriter.Write(Document(which), s));
        Assert.That(Schemas.ValidateGraphML(bytes), Is.Empty);
    }

    [TestCaseSource(nameof(Documents))]
    public void Gexf_ValidatesAgainstThePublishedSchema(string which)
    {
        var bytes = GraphData.Bytes(s => GexfWriter.Write(Document(which), s));
        Assert.That(Schemas.ValidateGexf(bytes), Is.Empty);
    }

    [Test]
    public void GraphML_BrokenDocument_FailsValidation()
    {
        // The broken twin: an edge to a node that does not exist, and data under an undeclared key.
        var doc = XDocument.Load(new MemoryStream(GraphData.Bytes(s => GraphMLWriter.Write(GraphData.AwkwardDocument(), s))));
        var edge = doc.Descendants(G + "edge").First();
        edge.SetAttributeValue("target", "nobody");
        edge.Add(new XElement(G + "data", new XAttribute("key", "e.undeclared"), "1"));
        var ms = new MemoryStream();
        doc.Save(ms);
        Assert.That(Schemas.ValidateGraphML(ms.ToArray()), Has.Count.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void Gexf_BrokenDocument_FailsValidation()
    {
        var doc = XDocument.Load(new MemoryStream(GraphData.Bytes(s => GexfWriter.Write(GraphData.AwkwardDocument(), s))));
        doc.Descendants(X + "edge").First().Attribute("source")!.Remove();
        doc.Descendants(XName.Get("position", GexfWriter.VizNamespace)).First().SetAttributeValue("x", "left");
        var ms = new MemoryStream();
        doc.Save(ms);
        Assert.That(Schemas.ValidateGexf(ms.ToArray()), Has.Count.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void Gexf_Windows_IsDynamicAndValid()
    {
        var data = Nec.Value;
        var options = new GraphOptions(Blocs: new BlocOptions());
        var windows = TimeWindows.Split(data, "year");
        var timeline = BlocTimeline.Run(windows, options.Blocs!);
        var slices = windows.Select((w, i) => (w.Label, w.From, w.To, CoVotingGraph.Build(w.Data, options with { Blocs = null, Layout = false }), (BlocResult?)timeline.Windows[i].Blocs)).ToList();
        var doc = GraphDocuments.CoVoting(CoVotingGraph.Build(data, options), data, slices);
        var bytes = GraphData.Bytes(s => GexfWriter.Write(doc, s));
        Assert.That(Schemas.ValidateGexf(bytes), Is.Empty);
        var xml = XDocument.Load(new MemoryStream(bytes));
        var graph = xml.Descendants(X + "graph").Single();
        Assert.That((string?)graph.Attribute("mode"), Is.EqualTo("dynamic"));
        // Every window's edges appear, each with a spell for that window.
        var union = slices.SelectMany(s => s.Item4.Graph.Edges.Select(e => (e.Source.Value, e.Target.Value))).Distinct().Count();
        Assert.That(xml.Descendants(X + "edge").Count(), Is.EqualTo(union));
        Assert.That(xml.Descendants(X + "spell").Count(), Is.EqualTo(slices.Sum(s => s.Item4.Graph.EdgeCount)));
        TestContext.Out.WriteLine($"NEC by year: {slices.Count} windows, {union} distinct edges, timeformat {graph.Attribute("timeformat")}");
    }

    [Test]
    public void AwkwardName_SurvivesGraphML()
    {
        var doc = XDocument.Load(new MemoryStream(GraphData.Bytes(s => GraphMLWriter.Write(GraphData.AwkwardDocument(), s))));
        var node = doc.Descendants(G + "node").Single(n => (string?)n.Attribute("id") == "a");
        Assert.That(node.Elements(G + "data").Single(d => (string?)d.Attribute("key") == "n.label").Value, Is.EqualTo(GraphData.AwkwardName));
    }

    [Test]
    public void AwkwardName_SurvivesGexf()
    {
        var doc = XDocument.Load(new MemoryStream(GraphData.Bytes(s => GexfWriter.Write(GraphData.AwkwardDocument(), s))));
        var node = doc.Descendants(X + "node").Single(n => (string?)n.Attribute("id") == "a");
        Assert.That((string?)node.Attribute("label"), Is.EqualTo(GraphData.AwkwardName));
    }

    [Test]
    public void AwkwardName_SurvivesJson()
    {
        var json = JObject.Parse(GraphData.Text(w => GraphJsonWriter.Write(GraphData.AwkwardDocument(), w)));
        Assert.That((string?)json["nodes"]!.Single(n => (string?)n["id"] == "a")["label"], Is.EqualTo(GraphData.AwkwardName));
        Assert.That((string?)json["elements"]!["nodes"]!.Single(n => (string?)n["data"]!["id"] == "a")["data"]!["label"], Is.EqualTo(GraphData.AwkwardName));
    }

    [Test]
    public void AwkwardName_SurvivesDot()
    {
        // Read back by DOT's own rules: \" is a quote, \\ a backslash, and Graphviz turns &amp; into &.
        var dot = GraphData.Text(w => DotWriter.Write(GraphData.AwkwardDocument(), w));
        var quoted = Regex.Match(dot, "^  \"a\" \\[label=\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.Multiline).Groups[1].Value;
        var read = Regex.Replace(quoted, "\\\\(.)", "$1").Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.That(read, Is.EqualTo(GraphData.AwkwardName));
    }

    [Test]
    public void AwkwardName_SurvivesCsv()
    {
        var data = GraphData.Small(GraphData.AwkwardName);
        var csv = GraphData.Text(w => RollCallCsv.Write(data, data.Matrix, w));
        var parser = new CsvParser(new StringReader(csv), "export.csv");
        var names = new List<string>();
        while (parser.Read())
            if (parser.Field(0).ToString() == "a") names.Add(parser.Field(1).ToString());
        Assert.That(names, Is.Not.Empty);
        Assert.That(names, Is.All.EqualTo(GraphData.AwkwardName));
    }

    [Test]
    public void GraphML_MemberIdThatIsNotANameToken_IsEncodedReversibly()
    {
        var data = GraphData.Small();
        var odd = new MemberId("ann & co/1");
        var renamed = VoteMatrix.FromPositions([.. data.Matrix.Members.Select(m => m.Value == "a" ? odd : m)], data.Matrix.Motions,
            Enumerable.Range(0, data.Matrix.MemberCount).SelectMany(i => Enumerable.Range(0, data.Matrix.MotionCount)
                .Where(j => data.Matrix[i, j] is not null)
                .Select(j => new Position(i == 0 ? odd : data.Matrix.Members[i], data.Matrix.Motions[j], data.Matrix[i, j]!.Value, Basis.Recorded, null, null))));
        var oddData = data with { Members = [.. data.Members.Select(m => m.Id.Value == "a" ? m with { Id = odd } : m)], Matrix = renamed };
        var bytes = GraphData.Bytes(s => GraphMLWriter.Write(GraphDocuments.CoVoting(CoVotingGraph.Build(oddData, new GraphOptions()), oddData), s));
        Assert.That(Schemas.ValidateGraphML(bytes), Is.Empty);
        var ids = XDocument.Load(new MemoryStream(bytes)).Descendants(G + "node").Select(n => XmlConvert.DecodeName((string)n.Attribute("id")!)).ToList();
        Assert.That(ids, Does.Contain("ann & co/1"));
    }

    [Test]
    public void GraphML_EveryDataElementHasADeclaredTypedKeyAndAParsableValue()
    {
        var doc = XDocument.Load(new MemoryStream(GraphData.Bytes(s => GraphMLWriter.Write(NecCoVoting(signed: true), s))));
        var keys = doc.Root!.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!, k => ((string)k.Attribute("for")!, (string)k.Attribute("attr.type")!));
        foreach (var (element, domain) in new[] { ("node", "node"), ("edge", "edge") })
            foreach (var data in doc.Descendants(G + element).Elements(G + "data"))
            {
                var (forDomain, type) = keys[(string)data.Attribute("key")!];
                Assert.That(forDomain, Is.EqualTo(domain));
                if (type == "int") Assert.That(int.TryParse(data.Value, out _), Is.True, data.ToString());
                if (type == "double") Assert.That(double.TryParse(data.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _), Is.True, data.ToString());
            }
    }

    [Test]
    public void GraphML_UnassignedMember_HasNoBlocOrPositionRatherThanAFakeValue()
    {
        // Amy Jackson has no known vote in the NEC data: no bloc, no layout, no ideal point.
        var doc = XDocument.Load(new MemoryStream(GraphData.Bytes(s => GraphMLWriter.Write(NecCoVoting(), s))));
        var node = doc.Descendants(G + "node").Single(n => (string?)n.Attribute("id") == "amy-jackson");
        var keys = node.Elements(G + "data").Select(d => (string)d.Attribute("key")!).ToList();
        Assert.That(keys, Does.Contain("n.castVotes"));
        Assert.That(keys, Has.None.AnyOf("n.bloc", "n.x", "n.y", "n.ideal", "n.stability"));
    }

    [Test]
    public void Writers_SameInput_SameBytes()
    {
        var a = NecCoVoting(signed: true);
        var b = NecCoVoting(signed: true);
        Assert.Multiple(() =>
        {
            Assert.That(GraphData.Bytes(s => GraphMLWriter.Write(b, s)), Is.EqualTo(GraphData.Bytes(s => GraphMLWriter.Write(a, s))));
            Assert.That(GraphData.Bytes(s => GexfWriter.Write(b, s)), Is.EqualTo(GraphData.Bytes(s => GexfWriter.Write(a, s))));
            Assert.That(GraphData.Text(w => DotWriter.Write(b, w)), Is.EqualTo(GraphData.Text(w => DotWriter.Write(a, w))));
            Assert.That(GraphData.Text(w => GraphJsonWriter.Write(b, w)), Is.EqualTo(GraphData.Text(w => GraphJsonWriter.Write(a, w))));
        });
    }

    [Test]
    public void Document_NodesSortedById_EdgesBySourceThenTarget()
    {
        var doc = NecCoVoting(signed: true);
        Assert.That(doc.Nodes.Select(n => n.Id), Is.Ordered.Using<string>(StringComparer.Ordinal));
        var pairs = doc.Edges.Select(e => e.Source + "\u0000" + e.Target).ToList();
        Assert.That(pairs, Is.Ordered.Using<string>(StringComparer.Ordinal));
    }

    [Test]
    public void Layout_FarthestMemberSitsAtTheLayoutRadius()
    {
        var doc = NecCoVoting();
        var extent = doc.Nodes.Where(n => n.X is not null).Max(n => Math.Max(Math.Abs(n.X!.Value), Math.Abs(n.Y!.Value)));
        Assert.That(extent, Is.EqualTo(GraphDocuments.LayoutRadius).Within(0.001));
    }
}
