using System.Collections.Immutable;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Export.Interop;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Export;

public class InteropTest
{
    [Test]
    public void Ord_Small_FixedWidthColumnsAsReadKHReadsThem()
    {
        var data = GraphData.Small();
        var lines = GraphData.Text(w => OrdWriter.Write(data, data.Matrix, w)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(5));
        Assert.Multiple(() =>
        {
            // readKH: id = columns 4-8, party = 21-23, name = 26-36, votes from column 37 (1-based).
            Assert.That(lines.Select(l => int.Parse(l.Substring(3, 5))), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(lines.Select(l => l.Substring(25, 11).TrimEnd()), Is.EqualTo(new[] { "A", "B", "C", "D", "E" }));
            Assert.That(lines.Select(l => l.Length), Is.All.EqualTo(36 + 4));
            // a: F F F B; b: F A F B; c: A A F F; d: A X F ?; e: ? ? F ? (1 for, 6 against, 7 abstain, 9 absent or unknown).
            Assert.That(lines.Select(l => l[36..]), Is.EqualTo(new[] { "1117", "1617", "6611", "6919", "9919" }));
        });
    }

    [Test]
    public void Ord_MemberOutOfOffice_IsCodedZero()
    {
        var data = GraphData.Small();
        var meeting = new Meeting(new MeetingId("2024-01-10"), new DateOnly(2024, 1, 10), "NEC", null, null, []);
        var motions = data.Motions.Select(m => m with { Meeting = meeting.Id }).ToImmutableArray();
        var members = data.Members.Select(m => m.Id.Value == "e" ? m with { Terms = [new Term(new DateOnly(2025, 1, 1), null)] } : m).ToImmutableArray();
        var later = data with { Members = members, Motions = motions, Meetings = [meeting] };
        var lines = GraphData.Text(w => OrdWriter.Write(later, later.Matrix, w)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // e joined in 2025: the unknown cells of 2024 are "not in the legislature" (0); the known vote stays.
        Assert.That(lines[4][36..], Is.EqualTo("0010"));
    }

    [Test]
    public void Ord_NameField_FoldsToAsciiLettersAndDigits()
    {
        Assert.That(OrdWriter.Name(GraphData.AwkwardName, "1"), Is.EqualTo("ANNABAMPCOO"));
        Assert.That(OrdWriter.Name("Zoë Ó Súilleabháin", "1"), Is.EqualTo("ZOEOSUILLEA"));
        Assert.That(OrdWriter.Name("東京", "12"), Is.EqualTo("M12"));
    }

    [Test]
    public void Ord_PartyAttribute_BecomesItsRankAmongTheParties()
    {
        var data = GraphData.Small();
        var party = new Dictionary<string, string> { ["a"] = "Red", ["b"] = "Blue", ["c"] = "Red" };
        var members = data.Members.Select(m => party.TryGetValue(m.Id.Value, out var p)
            ? m with { Attributes = m.Attributes.Add("party", p) } : m).ToImmutableArray();
        var lines = GraphData.Text(w => OrdWriter.Write(data with { Members = members }, data.Matrix, w)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Select(l => int.Parse(l.Substring(20, 3))), Is.EqualTo(new[] { 2, 1, 2, 0, 0 }));
    }

    [Test]
    public void RollCallCsv_ReadBackByTheImporter_GivesTheSameMatrix()
    {
        var data = GraphData.Simulated(20, 30, seed: 3);
        var csv = GraphData.Text(w => RollCallCsv.Write(data, data.Matrix, w));
        var back = RollCallCsvReader.Read(new StringReader(csv), "export.csv").Matrix;
        var rows = Enumerable.Range(0, back.MemberCount).ToDictionary(i => back.Members[i]);
        var cols = Enumerable.Range(0, back.MotionCount).ToDictionary(j => back.Motions[j]);
        for (var i = 0; i < data.Matrix.MemberCount; i++)
            for (var j = 0; j < data.Matrix.MotionCount; j++)
                Assert.That(back[rows[data.Matrix.Members[i]], cols[data.Matrix.Motions[j]]], Is.EqualTo(data.Matrix[i, j]));
    }

    [Test]
    public void MostLikely_AddsInferredVotesOnlyWhereThereIsNoEvidence()
    {
        var (a, b) = (new MemberId("a"), new MemberId("b"));
        var (m1, m2) = (new MotionId("m1"), new MotionId("m2"));
        var p = new VoteProbabilities(0.7, 0.2, 0.1, 0);
        var records = new RecordSet(null, null, [], [Member.Simple(a, "A"), Member.Simple(b, "B")], [], [GraphData.Motion(m1), GraphData.Motion(m2)],
            [new Position(a, m1, Vote.For, Basis.Self, null, null), new Position(b, m1, Vote.For, Basis.Inferred, p, null)], []);
        var data = Dataset.FromRecords("r", records);
        var evidence = RollCallMatrices.Of(data, RollCallMatrix.Evidence);
        var likely = RollCallMatrices.Of(data, RollCallMatrix.MostLikely);
        Assert.That((evidence[0, 0], evidence[1, 0]), Is.EqualTo(((Vote?)Vote.For, (Vote?)null)));
        Assert.That((likely[0, 0], likely[1, 0], likely[1, 1]), Is.EqualTo(((Vote?)Vote.For, (Vote?)Vote.For, (Vote?)null)));
    }
}
