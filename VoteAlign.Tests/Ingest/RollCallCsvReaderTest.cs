using VoteAlign.Core.Export.Json;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Ingest;

public class RollCallCsvReaderTest
{
    private static RollCall ReadFixture(bool withMembers = true, bool withMotions = true)
    {
        using var votes = new StreamReader(Path.Combine(Fixtures.Dir, "csv", "votes.csv"));
        using var members = withMembers ? new StreamReader(Path.Combine(Fixtures.Dir, "csv", "members.csv")) : null;
        using var motions = withMotions ? new StreamReader(Path.Combine(Fixtures.Dir, "csv", "motions.csv")) : null;
        return RollCallCsvReader.Read(votes, "votes.csv", members, "members.csv", motions, "motions.csv");
    }

    [Test]
    public void Read_QuotedCommasBomAndCrlf_ParsesEveryVote()
    {
        // fixtures/csv/votes.csv: BOM, CRLF, "Smith, Jane" (quoted comma), "O""Brien" (escaped quote), mixed-case tokens.
        var rc = ReadFixture(withMembers: false, withMotions: false);
        var m = rc.Matrix;
        Assert.That(m.Members.Select(x => x.Value), Is.EqualTo(new[] { "Smith, Jane", "O\"Brien", "lee" }));
        Assert.That(m.Motions.Select(x => x.Value), Is.EqualTo(new[] { "b1", "b2", "b3" }));
        Assert.Multiple(() =>
        {
            Assert.That(m[0, 0], Is.EqualTo(Vote.For));      // Yea
            Assert.That(m[0, 1], Is.EqualTo(Vote.Against));  // nay
            Assert.That(m[0, 2], Is.Null);
            Assert.That(m[1, 0], Is.EqualTo(Vote.Against));  // no
            Assert.That(m[1, 1], Is.EqualTo(Vote.Abstain));
            Assert.That(m[2, 0], Is.EqualTo(Vote.For));      // aye
            Assert.That(m[2, 2], Is.EqualTo(Vote.Absent));
        });
    }

    [Test]
    public void Read_MembersAndMotionsFiles_KeepsExtraColumnsAsAttributes()
    {
        var rc = ReadFixture();
        var obrien = rc.Members.Single(x => x.Id.Value == "O\"Brien");
        Assert.That(obrien.Name, Is.EqualTo("Pat O'Brien"));
        Assert.That(obrien.Attributes["party"], Is.EqualTo("Blue"));
        Assert.That(obrien.Attributes["region"], Is.EqualTo("South, East"));
        var b1 = rc.Motions.Single(x => x.Id.Value == "b1");
        Assert.That(b1.Title, Is.EqualTo("Budget, first reading"));
        Assert.That(b1.Kind, Is.EqualTo(MotionKind.Paper));
        Assert.That(b1.Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(b1.Attributes["chamber"], Is.EqualTo("upper"));
        Assert.That(b1.Meeting.Value, Is.EqualTo("2024-03-01"));
        // The tally of a roll call is its count: b1 = Yea, no, aye → 2 for, 1 against, 0 abstain.
        Assert.That(b1.Tally, Is.EqualTo(new Tally(2, 1, 0)));
        Assert.That(rc.Meetings.Select(x => x.Id.Value), Is.EqualTo(new[] { "2024-03-01", "2024-04-12" }));
    }

    [Test]
    public void Import_ThenWriteAndLoad_RoundTripsToEqualRecords()
    {
        var records = ReadFixture().ToRecordSet();
        var text = new StringWriter();
        RecordFileWriter.Write(records, text);
        var loaded = RecordFileReader.Read(new StringReader(text.ToString()), "roundtrip.json");
        Assert.That(loaded.Warnings, Is.Empty);
        RecordAssert.AreEqual(records, loaded.Records);
        Assert.That(loaded.Records.Positions, Has.Length.EqualTo(6));
    }

    [Test]
    public void Read_GeneratedRollCall_RoundTripsThroughRecordFile()
    {
        // A larger synthetic roll call crossing several 64-bit word boundaries, written as CSV by the test.
        var rng = new Random(7);
        var csv = new StringWriter();
        csv.WriteLine("member,motion,vote");
        var expected = new Dictionary<(string, string), Vote>();
        string[] words = ["yea", "nay", "abstain", "absent"];
        for (var j = 0; j < 150; j++)
            for (var i = 0; i < 23; i++)
                if (rng.Next(5) > 0)
                {
                    var v = rng.Next(4);
                    csv.WriteLine($"mp{i},roll{j},{words[v]}");
                    expected[($"mp{i}", $"roll{j}")] = (Vote)v;
                }

        var rc = RollCallCsvReader.Read(new StringReader(csv.ToString()), "gen.csv");
        var records = rc.ToRecordSet();
        Assert.That(records.Positions, Has.Length.EqualTo(expected.Count));
        foreach (var p in records.Positions) Assert.That(p.Vote, Is.EqualTo(expected[(p.Member.Value, p.Motion.Value)]));
        var text = new StringWriter();
        RecordFileWriter.Write(records, text);
        RecordAssert.AreEqual(records, RecordFileReader.Read(new StringReader(text.ToString()), "gen.json").Records);
    }

    [TestCase("member,motion,vote\nann,b1,yea\nzed,b1,nay\n", "zed", TestName = "Read_VoteForMemberNotInMembersFile_IsAnError")]
    public void Read_UnknownMemberWithRoster_IsAnError(string votes, string who)
    {
        var ex = Assert.Throws<InputException>(() => RollCallCsvReader.Read(new StringReader(votes), "v.csv",
            new StringReader("member,name\nann,Ann\n"), "m.csv"));
        Assert.That(ex!.Errors[0].ToString(), Is.EqualTo($"v.csv:3: member: Member \"{who}\" is not in m.csv."));
    }

    [Test]
    public void Read_ManyErrors_ReportsEachWithItsLine()
    {
        var votes = "member,motion,vote\nann,b1,yes\nbob,b1,maybe\n,b2,no\ncat,b3,nope\n";
        var ex = Assert.Throws<InputException>(() => RollCallCsvReader.Read(new StringReader(votes), "v.csv"));
        Assert.That(ex!.Errors.Select(e => e.Line), Is.EqualTo(new int?[] { 3, 4, 5 }));
    }

    [Test]
    public void Read_QuotedFieldSpanningLines_CountsPhysicalLines()
    {
        // The member id on line 2 spans two lines, so the bad token is on physical line 4.
        var votes = "member,motion,vote\n\"two\nlines\",b1,yea\nann,b1,what\n";
        var ex = Assert.Throws<InputException>(() => RollCallCsvReader.Read(new StringReader(votes), "v.csv"));
        Assert.That(ex!.Errors.Single().Line, Is.EqualTo(4));
    }

    [Test]
    public void Read_BinaryContent_IsAClearError()
    {
        var ex = Assert.Throws<InputException>(() => RollCallCsvReader.Read(new StringReader("member,motion,vote\n\0\0\x01"), "bin.csv"));
        Assert.That(ex!.Errors.Single().Message, Does.Contain("binary"));
    }

    [Test]
    public void Read_BadMembersAndMotionsFiles_ReportEachProblemWithItsLine()
    {
        var members = "member,name,party\nann,Ann,Red\nann,Ann again,Blue\n,Nobody,Red\nbob,Bob\n";
        var motions = "motion,date,kind\nb1,2024-13-01,paper\nb2,2024-03-01,referendum\nb1,2024-03-02,paper\n";
        var ex = Assert.Throws<InputException>(() => RollCallCsvReader.Read(new StringReader("member,motion,vote\nann,b1,yea\n"), "v.csv",
            new StringReader(members), "m.csv", new StringReader(motions), "o.csv"));
        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "m.csv:3: member: Member \"ann\" is listed twice.",
            "m.csv:4: member: Empty id.",
            "m.csv:5: Row has 2 fields; the header has 3.",
            "o.csv:2: date: \"2024-13-01\" is not a date as YYYY-MM-DD.",
            "o.csv:3: kind: Unknown kind \"referendum\": expected one of 'rule change', 'paper', 'amendment', 'proscription', 'procedural', 'election', 'motion', 'other'.",
            "o.csv:4: motion: Motion \"b1\" is listed twice.",
        }));
    }
}
