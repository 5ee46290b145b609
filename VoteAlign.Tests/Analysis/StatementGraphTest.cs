using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Analysis;

public class StatementGraphTest
{
    private static StatementNetwork Nec()
    {
        using var reader = File.OpenText(Fixtures.Nec);
        return StatementGraph.Build(RecordFileReader.Read(reader, Fixtures.Nec).Records);
    }

    private static int Weight(StatementNetwork n, string a, string b) =>
        n.Graph.Edges.SingleOrDefault(e => e.Source.Value == a && e.Target.Value == b)?.Tag.Statements ?? 0;

    [Test]
    public void Statements_Nec_TwentyPairsFromTheJointStatements()
    {
        // Joint statements in the data set (report, line): perry 42 (Perry, Asser); bolton 1834 (Bolton, Murray, Jama);
        // bolton 1846 (Bolton, Jama, Pidcock); henderson 775 (Henderson, Rahman, Jama, Dar, Black); akehurst 383
        // (Starmer, Mahmood); and the three left CLP reps in barnard-bolton-dar line 10 and the Morning Star lines 24
        // (two motions) and 26. Pairs: 1 + 3 + 2 new + 10 + 1 + 3 = 20.
        var n = Nec();
        Assert.That(n.Graph.EdgeCount, Is.EqualTo(20));
        Assert.Multiple(() =>
        {
            Assert.That(Weight(n, "gemma-bolton", "jess-barnard"), Is.EqualTo(4));
            Assert.That(Weight(n, "gemma-bolton", "nadia-jama"), Is.EqualTo(2));
            Assert.That(Weight(n, "alice-perry", "james-asser"), Is.EqualTo(1));
            Assert.That(Weight(n, "ann-black", "yasmine-dar"), Is.EqualTo(1));
            Assert.That(Weight(n, "keir-starmer", "luke-akehurst"), Is.EqualTo(0));
            Assert.That(n.Appearances[new MemberId("gemma-bolton")], Is.EqualTo(6));
        });
    }

    [Test]
    public void Statements_GroupStatementAndPositionsFromOneSentence_CountOnce()
    {
        // "As left CLP reps we voted against": three self positions and a group statement naming the same three,
        // all from one line: one statement, so each pair has weight 1, not 2.
        var source = new Source("r1", null, null, null, 10, "As left CLP reps we voted against");
        var members = new[] { "x", "y", "z" }.Select(s => new MemberId(s)).ToImmutableArray();
        var motion = new MotionId("m1");
        var records = new RecordSet(null, null, [], [.. members.Select(m => Member.Simple(m, m.Value))], [], [GraphData.Motion(motion)],
            [.. members.Select(m => new Position(m, motion, Vote.Against, Basis.Self, null, source))],
            [new GroupPosition("left CLP reps", motion, Vote.Against, null, members, source)]);
        var n = StatementGraph.Build(records);
        Assert.That(n.Graph.Edges.Select(e => e.Tag.Statements), Is.EqualTo(new[] { 1, 1, 1 }));
        Assert.That(n.Graph.Edges.First().Tag.Sources, Is.EqualTo(new[] { "r1:10" }));
    }

    [Test]
    public void Statements_DifferentVotesOnOneLine_AreNotOneStatement()
    {
        var source = new Source("r1", null, null, null, 3, "X voted for, Y against");
        var motion = new MotionId("m1");
        var records = new RecordSet(null, null, [], [Member.Simple(new MemberId("x"), "X"), Member.Simple(new MemberId("y"), "Y")], [], [GraphData.Motion(motion)],
            [new Position(new MemberId("x"), motion, Vote.For, Basis.Attributed, null, source), new Position(new MemberId("y"), motion, Vote.Against, Basis.Attributed, null, source)], []);
        Assert.That(StatementGraph.Build(records).Graph.EdgeCount, Is.EqualTo(0));
    }
}
