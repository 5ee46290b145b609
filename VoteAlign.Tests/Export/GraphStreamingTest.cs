using System.Collections.Immutable;
using System.Text;
using System.Xml;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Export.Graphs;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Export;

/// <summary>The co-voting edges streamed from the pairwise agreement (what <c>votealign graph</c> writes) against the
/// document built from the QuikGraph graph (what library callers get): every format must come out byte for byte the
/// same. And the GraphML writer's hand-formatted edges against XmlWriter writing the same document itself.</summary>
public class GraphStreamingTest
{
    /// <summary>Member ids that are not XML name tokens, so their node ids sort differently from the ids themselves
    /// (<c>a b</c> becomes <c>a_x0020_b</c>, after <c>a_b</c>), and names that need escaping in every format.</summary>
    private static readonly string[] HostileIds = ["b", "a b", "a_b", "a-b", "Ä", "東京", "z", "_x0041_", "a&<\"'", "0lead", "a\tb", "🚀"];

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("nec", false).SetName("{m}(nec)");
        yield return new TestCaseData("nec", true).SetName("{m}(nec, signed)");
        // 100 members: ~4,000 edges, so the GraphML writer's blocks of 2,048 edges are crossed.
        yield return new TestCaseData("simulated", false).SetName("{m}(simulated)");
        yield return new TestCaseData("simulated", true).SetName("{m}(simulated, signed)");
        yield return new TestCaseData("hostile", false).SetName("{m}(hostile ids and names)");
        yield return new TestCaseData("hostile", true).SetName("{m}(hostile ids and names, signed)");
    }

    private static Dataset Data(string which) => which switch
    {
        "nec" => GraphData.Nec(),
        "simulated" => GraphData.Simulated(100, 150, seed: 11),
        _ => Hostile(),
    };

    /// <summary>A simulated chamber whose members carry <see cref="HostileIds"/> and hostile names.</summary>
    private static Dataset Hostile()
    {
        var sim = GraphData.Simulated(HostileIds.Length, 60, seed: 5);
        var ids = HostileIds.Select(id => new MemberId(id)).ToImmutableArray();
        var m = sim.Matrix;
        var positions = Enumerable.Range(0, m.MemberCount).SelectMany(i => Enumerable.Range(0, m.MotionCount)
            .Where(j => m[i, j] is not null)
            .Select(j => new Position(ids[i], m.Motions[j], m[i, j]!.Value, Basis.Recorded, null, null)));
        var names = new[] { GraphData.AwkwardName, HtmlReportTest.Hostile, "=SUM(A1)", "line\nbreak", "ctrl\u0001char" };
        var members = ids.Select((id, i) => Member.Simple(id, names[i % names.Length] + " " + i)).ToImmutableArray();
        return sim with { Members = members, Matrix = VoteMatrix.FromPositions(ids, m.Motions, positions) };
    }

    private static GraphOptions Options(bool signed) => new(Signed: signed, Threshold: signed ? 0.6 : 0.5, Blocs: new BlocOptions());

    private static (GraphDocument Reference, GraphDocument Streamed, GraphEdgeStream Edges) Both(string which, bool signed)
    {
        var data = Data(which);
        var reference = GraphDocuments.CoVoting(CoVotingGraph.Build(data, Options(signed)), data);
        var (streamed, edges) = GraphDocuments.CoVoting(CoVotingGraph.Analyse(data, Options(signed)), data);
        return (reference, streamed, edges);
    }

    [TestCaseSource(nameof(Cases))]
    public void StreamedEdges_AreTheDocumentsEdges_InItsOrder(string which, bool signed)
    {
        var (reference, streamed, edges) = Both(which, signed);
        Assert.That(reference.Edges, Is.Not.Empty);
        Assert.That(streamed.Edges, Is.Empty, "the streamed document holds no edges");
        Assert.That(edges.Count, Is.EqualTo(reference.Edges.Length));
        Assert.That(edges.Items.Select(e => (e.Source, e.Target, e.Weight, string.Join("|", e.Values))),
            Is.EqualTo(reference.Edges.Select(e => (e.Source, e.Target, e.Weight, string.Join("|", e.Values)))));
    }

    [TestCaseSource(nameof(Cases))]
    public void StreamedGraph_EveryFormat_SameBytesAsTheDocument(string which, bool signed)
    {
        var (reference, streamed, edges) = Both(which, signed);
        Assert.Multiple(() =>
        {
            Assert.That(GraphData.Bytes(s => GraphMLWriter.Write(streamed, edges, s)), Is.EqualTo(GraphData.Bytes(s => GraphMLWriter.Write(reference, s))), "GraphML");
            Assert.That(GraphData.Bytes(s => GexfWriter.Write(streamed, edges, s)), Is.EqualTo(GraphData.Bytes(s => GexfWriter.Write(reference, s))), "GEXF");
            Assert.That(GraphData.Text(w => DotWriter.Write(streamed, edges, w)), Is.EqualTo(GraphData.Text(w => DotWriter.Write(reference, w))), "DOT");
            Assert.That(GraphData.Text(w => GraphJsonWriter.Write(streamed, edges, w)), Is.EqualTo(GraphData.Text(w => GraphJsonWriter.Write(reference, w))), "JSON");
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void GraphML_FormattedEdges_SameBytesAsXmlWriterWritingThem(string which, bool signed)
    {
        var (reference, _, _) = Both(which, signed);
        Assert.That(GraphData.Bytes(s => GraphMLWriter.Write(reference, s)), Is.EqualTo(XmlWriterOnly(reference)));
    }

    [Test]
    public void GraphML_EdgeValuesOfEveryNumericShape_SameBytesAsXmlWriterWritingThem()
    {
        // Doubles whose shortest round-trip text is long, exponent forms, negative zero, repeats (copied, not
        // formatted again), ints at their limits, and missing values.
        double[] doubles = [0.1 + 0.2, 1e-7, 1.5e300, -0.0, 0, 1, 2.0 / 3, double.Epsilon, -123456.789, 5e-324, 1e21, 123456789012345680];
        int[] ints = [0, -1, int.MaxValue, int.MinValue, 42];
        var keys = ImmutableArray.Create(
            new GraphKey("a", GraphValueType.Double, "a"), new GraphKey("b", GraphValueType.Int, "b"), new GraphKey("c", GraphValueType.Double, "c"),
            new GraphKey("d", GraphValueType.Double, "d"), new GraphKey("e", GraphValueType.Double, "e"));
        var nodes = Enumerable.Range(0, 80).Select(i => new GraphNode($"n{i:D2}", $"n{i}", [], null, null, null)).ToImmutableArray();
        var edges = new List<GraphEdge>();
        for (var i = 0; i < 80; i++)
            for (var j = i + 1; j < 80; j++)
            {
                var (x, y) = (doubles[(i * 7 + j) % doubles.Length], doubles[(i + j * 3) % doubles.Length]);
                object?[] values = [x, ints[(i + j) % ints.Length], (i + j) % 5 == 0 ? null : y, x, (i * j) % 3 == 0 ? null : y];
                edges.Add(new GraphEdge(nodes[i].Id, nodes[j].Id, x, [.. values]));
            }

        var doc = new GraphDocument("test", "every numeric shape", [], keys, nodes, [.. edges], []);
        Assert.That(GraphData.Bytes(s => GraphMLWriter.Write(doc, s)), Is.EqualTo(XmlWriterOnly(doc)));
    }

    [Test]
    public void GraphML_TextValueInOneBlock_OtherBlocksStillMatchXmlWriter()
    {
        // One edge far into the list carries text: its block goes through XmlWriter, the blocks around it do not.
        var (reference, _, _) = Both("simulated", false);
        var edges = reference.Edges.Select((e, i) => i == 3000 ? e with { Values = e.Values.SetItem(0, "<text & more>") } : e).ToImmutableArray();
        var doc = reference with { Edges = edges };
        Assert.That(GraphData.Bytes(s => GraphMLWriter.Write(doc, s)), Is.EqualTo(XmlWriterOnly(doc)));
    }

    /// <summary>The reference: the document written by XmlWriter alone, element by element, with the writer's settings.</summary>
    private static byte[] XmlWriterOnly(GraphDocument graph)
    {
        const string ns = GraphMLWriter.Namespace;
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize, CloseOutput = false,
        };
        return GraphData.Bytes(stream =>
        {
            using (var xml = XmlWriter.Create(stream, settings))
            {
                xml.WriteStartDocument();
                xml.WriteStartElement("graphml", ns);
                xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
                xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", ns + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
                xml.WriteElementString("desc", ns, GraphText.Xml(graph.Description));
                foreach (var (domain, prefix, keys) in new[] { ("node", "n.", graph.NodeKeys), ("edge", "e.", graph.EdgeKeys) })
                    foreach (var k in keys)
                    {
                        xml.WriteStartElement("key", ns);
                        xml.WriteAttributeString("id", GraphText.NmToken(prefix + k.Name));
                        xml.WriteAttributeString("for", domain);
                        xml.WriteAttributeString("attr.name", GraphText.NmToken(k.Name));
                        xml.WriteAttributeString("attr.type", GraphMLWriter.TypeName(k.Type));
                        xml.WriteElementString("desc", ns, GraphText.Xml(k.Description));
                        xml.WriteEndElement();
                    }

                xml.WriteStartElement("graph", ns);
                xml.WriteAttributeString("id", GraphText.NmToken(graph.Kind));
                xml.WriteAttributeString("edgedefault", "undirected");
                void Data(ImmutableArray<GraphKey> keys, string prefix, ImmutableArray<object?> values)
                {
                    for (var i = 0; i < keys.Length; i++)
                    {
                        if (values[i] is not { } v) continue;
                        xml.WriteStartElement("data", ns);
                        xml.WriteAttributeString("key", GraphText.NmToken(prefix + keys[i].Name));
                        xml.WriteString(v is string text ? GraphText.Xml(text) : GraphText.Value(v));
                        xml.WriteEndElement();
                    }
                }

                foreach (var n in graph.Nodes)
                {
                    xml.WriteStartElement("node", ns);
                    xml.WriteAttributeString("id", GraphText.NmToken(n.Id));
                    Data(graph.NodeKeys, "n.", n.Values);
                    xml.WriteEndElement();
                }

                foreach (var e in graph.Edges)
                {
                    xml.WriteStartElement("edge", ns);
                    xml.WriteAttributeString("source", GraphText.NmToken(e.Source));
                    xml.WriteAttributeString("target", GraphText.NmToken(e.Target));
                    Data(graph.EdgeKeys, "e.", e.Values);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndDocument();
            }

            stream.WriteByte((byte)'\n');
        });
    }
}
