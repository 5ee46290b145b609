using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Analysis;

public class CoVotingGraphTest
{
    private static readonly Lazy<Dataset> Nec = new(GraphData.Nec);
    private static readonly Lazy<Dataset> Simulated = new(() => GraphData.Simulated());

    private static EdgeStats Edge(CoVoting g, string a, string b) =>
        g.Graph.Edges.Single(e => e.Source.Value == a && e.Target.Value == b).Tag;

    [TestCase(1, 0.5, false, 9, TestName = "Graph_Small_Threshold05_NineEdges")]
    [TestCase(1, 0.5, true, 10, TestName = "Graph_Small_Signed05_AddsTheOneOppositionEdge")]
    [TestCase(1, 0.75, false, 6, TestName = "Graph_Small_Threshold075_SixEdges")]
    [TestCase(1, 0.75, true, 6, TestName = "Graph_Small_Signed075_AgreementAt025IsNotBelowTheCut")]
    [TestCase(3, 0.5, false, 2, TestName = "Graph_Small_MinShared3_OnlyPairsWithThreeSharedVotes")]
    [TestCase(1, 1.0, false, 5, TestName = "Graph_Small_Threshold1_OnlyPerfectAgreement")]
    public void Graph_Small_EdgeCountsMatchTheHandCount(int minShared, double threshold, bool signed, int edges)
    {
        // Hand-computed from the matrix in GraphData.Small: a-b 3/4, a-c 1/4, a-d 1/2, b-c 2/4, b-d 1/2, c-d 2/2,
        // and e shares only m3 with everyone (1/1).
        var g = CoVotingGraph.Build(GraphData.Small(), new GraphOptions(minShared, threshold, signed, Layout: false));
        Assert.That(g.Graph.EdgeCount, Is.EqualTo(edges));
        Assert.That(g.Graph.VertexCount, Is.EqualTo(5));
    }

    [Test]
    public void Graph_Small_EdgeStatsAreTheHandComputedOnes()
    {
        var g = CoVotingGraph.Build(GraphData.Small(), new GraphOptions(Signed: true, Layout: false));
        var ab = Edge(g, "a", "b");
        Assert.Multiple(() =>
        {
            Assert.That((ab.Shared, ab.Same, ab.Agreement, ab.Weight, ab.Sign), Is.EqualTo((4, 3, 0.75, 0.75, 1)));
            // Contested: m1, m2, m4 (m3 had one value among the known votes and no tally).
            Assert.That((ab.ContestedShared, ab.ContestedSame), Is.EqualTo((3, 2)));
            Assert.That(ab.ContestedAgreement, Is.EqualTo(2.0 / 3).Within(1e-15));
            var ac = Edge(g, "a", "c");
            Assert.That((ac.Sign, ac.Agreement, ac.Weight), Is.EqualTo((-1, 0.25, 0.75)), "opposition edge: weight 1 - agreement");
            var ad = Edge(g, "a", "d");
            Assert.That((ad.Shared, ad.Same), Is.EqualTo((2, 1)), "d was absent on m2 and unknown on m4: neither counts");
            var ae = Edge(g, "a", "e");
            Assert.That((ae.Shared, ae.ContestedShared, ae.ContestedAgreement), Is.EqualTo((1, 0, (double?)null)));
            Assert.That(g.ContestedMotions, Is.EqualTo(3));
        });
    }

    [Test]
    public void Graph_WithoutInference_UncertaintyFieldsAreTheEvidenceValues()
    {
        var g = CoVotingGraph.Build(GraphData.Small(), new GraphOptions(Signed: true, Layout: false));
        foreach (var e in g.Graph.Edges)
        {
            Assert.That(e.Tag.KnownShared, Is.EqualTo(e.Tag.Shared));
            Assert.That(e.Tag.InferredShare, Is.EqualTo(0));
            Assert.That((e.Tag.WeightLow, e.Tag.WeightHigh), Is.EqualTo((e.Tag.Weight, e.Tag.Weight)));
        }
    }

    [Test]
    public void Graph_EdgeEndpoints_AreOrderedAndEveryMemberIsAVertex()
    {
        var g = CoVotingGraph.Build(Nec.Value, new GraphOptions(Layout: false));
        Assert.That(g.Graph.Edges.All(e => string.CompareOrdinal(e.Source.Value, e.Target.Value) < 0), Is.True);
        Assert.That(g.Graph.Vertices.Select(v => v.Value), Is.EquivalentTo(Nec.Value.Members.Select(m => m.Id.Value)));
    }

    [Test]
    public void Graph_SignedBelowHalf_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => CoVotingGraph.Build(GraphData.Small(), new GraphOptions(Threshold: 0.4, Signed: true)));
    }

    [TestCase(1, 0.5, false)]
    [TestCase(1, 0.5, true)]
    [TestCase(2, 0.5, false)]
    [TestCase(1, 0.8, true)]
    [TestCase(1, 1.0, false)]
    [TestCase(3, 0.0, false)]
    public void Graph_Nec_EdgesAndWeightsEqualThoseOfAnIndependentPairCount(int minShared, double threshold, bool signed)
    {
        AssertMatchesReference(Nec.Value, minShared, threshold, signed);
    }

    [TestCase(1, 0.5, false)]
    [TestCase(1, 0.6, true)]
    [TestCase(20, 0.7, false)]
    [TestCase(1, 0.9, true)]
    public void Graph_Simulated_EdgesAndWeightsEqualThoseOfAnIndependentPairCount(int minShared, double threshold, bool signed)
    {
        AssertMatchesReference(Simulated.Value, minShared, threshold, signed);
    }

    [Test]
    public void Graph_Nec_BlocsAndLayoutAreOnTheResult()
    {
        var g = CoVotingGraph.Build(Nec.Value, new GraphOptions(Blocs: new BlocOptions()));
        Assert.That(g.Blocs, Is.Not.Null);
        Assert.That(g.Layout!.Dimensions, Is.EqualTo(2));
        Assert.That(g.Ideal, Is.Not.Null);
        TestContext.Out.WriteLine($"NEC co-voting graph: {g.Graph.VertexCount} nodes, {g.Graph.EdgeCount} edges, {g.ContestedMotions} contested motions");
    }

    /// <summary>Counts every pair cell by cell through the matrix indexer (not the bitsets or AgreementMatrix) and
    /// applies the documented edge rule.</summary>
    private static void AssertMatchesReference(Dataset data, int minShared, double threshold, bool signed)
    {
        var m = data.Matrix;
        var expected = new Dictionary<(string, string), (int Shared, int Same)>();
        for (var a = 0; a < m.MemberCount; a++)
            for (var b = 0; b < m.MemberCount; b++)
            {
                if (string.CompareOrdinal(m.Members[a].Value, m.Members[b].Value) >= 0) continue;
                int shared = 0, same = 0;
                for (var j = 0; j < m.MotionCount; j++)
                    if (m[a, j] is { } x && x != Vote.Absent && m[b, j] is { } y && y != Vote.Absent)
                    {
                        shared++;
                        if (x == y) same++;
                    }

                if (shared < minShared) continue;
                var agreement = (double)same / shared;
                if (agreement >= threshold || (signed && agreement < 1 - threshold))
                    expected[(m.Members[a].Value, m.Members[b].Value)] = (shared, same);
            }

        var g = CoVotingGraph.Build(data, new GraphOptions(minShared, threshold, signed, Layout: false));
        var actual = g.Graph.Edges.ToDictionary(e => (e.Source.Value, e.Target.Value), e => e.Tag);
        // The agreement matrix the rest of VoteAlign uses gives the same counts for every edge.
        var matrix = Core.Analysis.Agreement.AgreementMatrix.Compute(m);
        var row = Enumerable.Range(0, m.MemberCount).ToDictionary(i => m.Members[i].Value);
        foreach (var ((a, b), e) in actual)
            Assert.That((matrix[row[a], row[b]].Shared, matrix[row[a], row[b]].Same), Is.EqualTo((e.Shared, e.Same)), $"{a} {b}");
        TestContext.Out.WriteLine($"{data.Name}: min-shared {minShared}, threshold {threshold}, signed {signed}: {actual.Count} edges");
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
        foreach (var (key, (shared, same)) in expected)
        {
            var e = actual[key];
            var agreement = (double)same / shared;
            Assert.That((e.Shared, e.Same), Is.EqualTo((shared, same)), $"{key}");
            Assert.That(e.Weight, Is.EqualTo(agreement >= threshold ? agreement : 1 - agreement).Within(1e-15), $"{key}");
        }
    }
}
