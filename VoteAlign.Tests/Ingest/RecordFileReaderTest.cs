using VoteAlign.Core.Export.Json;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Ingest;

public class RecordFileReaderTest
{
    private static RecordLoad Load(string path)
    {
        using var r = new StreamReader(path);
        return RecordFileReader.Read(r, Path.GetFileName(path));
    }

    [Test]
    public void Read_MinimalFixture_MapsEveryField()
    {
        var load = Load(Path.Combine(Fixtures.Dir, "records", "minimal.json"));
        var r = load.Records;
        Assert.That(load.Warnings, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(r.Body, Is.EqualTo("Test committee"));
            Assert.That(r.Seats, Is.EqualTo(5));
            Assert.That(r.Reports.Single().Authors, Is.EqualTo(new[] { "A. Writer" }));
            var ann = r.Members[0];
            Assert.That(ann.Aliases, Is.EqualTo(new[] { "Annie" }));
            Assert.That(ann.Terms.Single(), Is.EqualTo(new Term(new DateOnly(2020, 1, 1), null)));
            Assert.That(ann.Affiliations.Single().Group, Is.EqualTo("left"));
            Assert.That(r.Members[1].Attributes["party"], Is.EqualTo("Red"));
            var motion = r.Motions.Single();
            Assert.That(motion.Kind, Is.EqualTo(MotionKind.Paper));
            Assert.That(motion.Tally, Is.EqualTo(new Tally(3, 2, null)));
            Assert.That(motion.Sources.Single().Line, Is.EqualTo(3));
            Assert.That(r.Positions[0].Basis, Is.EqualTo(Basis.Self));
            Assert.That(r.Positions[1].Probabilities, Is.EqualTo(new VoteProbabilities(0.7, 0.2, 0.1, 0.0)));
            Assert.That(r.GroupPositions.Single().Members.Single().Value, Is.EqualTo("ann"));
        });
    }

    [Test]
    public void WriteThenRead_MinimalFixture_IsIdentity()
    {
        var original = Load(Path.Combine(Fixtures.Dir, "records", "minimal.json")).Records;
        var text = new StringWriter();
        RecordFileWriter.Write(original, text);
        var again = RecordFileReader.Read(new StringReader(text.ToString()), "again.json").Records;
        RecordAssert.AreEqual(original, again);
        var text2 = new StringWriter();
        RecordFileWriter.Write(again, text2);
        Assert.That(text2.ToString(), Is.EqualTo(text.ToString()), "writing is deterministic");
    }

    [Test]
    public void Read_ConflictingSourceTallies_IsAWarningNamingBothFigures()
    {
        const string json = """
            {"format":"votealign/1","seats":39,"members":[],"meetings":[{"id":"m","date":"2022-01-25"}],
             "motions":[{"id":"x","meeting":"m","title":"X","tally":{"for":14,"against":23,"abstain":1},"outcome":"defeated",
               "sources":[{"report":"a","line":10,"quote":"q","tally":{"for":14,"against":22,"abstain":1}},
                          {"report":"b","line":20,"quote":"q","tally":{"for":14,"against":23,"abstain":1}}]}],
             "positions":[]}
            """;
        var load = RecordFileReader.Read(new StringReader(json), "c.json");
        var w = load.Warnings.Single();
        Assert.That(w.Message, Does.Contain("14-22-1 (a, line 10) vs 14-23-1 (b, line 20)"));
    }

    [Test]
    public void Read_PartialTallyBesideFullOne_IsNotAConflict()
    {
        const string json = """
            {"format":"votealign/1","seats":39,"members":[],"meetings":[{"id":"m","date":"2022-01-25"}],
             "motions":[{"id":"x","meeting":"m","title":"X","tally":{"for":10,"against":21,"abstain":1},"outcome":"defeated",
               "sources":[{"report":"a","quote":"q","tally":{"for":10,"against":null,"abstain":null}},
                          {"report":"b","quote":"q","tally":{"for":10,"against":21,"abstain":1}}]}],
             "positions":[]}
            """;
        Assert.That(RecordFileReader.Read(new StringReader(json), "c.json").Warnings, Is.Empty);
    }

    [Test]
    public void Read_OutcomeContradictsTally_IsAWarning()
    {
        const string json = """
            {"format":"votealign/1","seats":39,"members":[],"meetings":[{"id":"m","date":"2022-01-25"}],
             "motions":[{"id":"x","meeting":"m","title":"X","tally":{"for":16,"against":11,"abstain":null},"outcome":"defeated"}],
             "positions":[]}
            """;
        Assert.That(RecordFileReader.Read(new StringReader(json), "c.json").Warnings.Single().Message, Does.Contain("says 'passed'"));
    }

    [Test]
    public void Read_InferredWithoutProbabilities_IsAnError()
    {
        const string json = """
            {"format":"votealign/1","members":[{"id":"a","name":"A"}],"meetings":[{"id":"m","date":"2022-01-25"}],
             "motions":[{"id":"x","meeting":"m","title":"X"}],
             "positions":[{"member":"a","motion":"x","vote":"for","basis":"inferred"}]}
            """;
        var ex = Assert.Throws<InputException>(() => RecordFileReader.Read(new StringReader(json), "p.json"));
        Assert.That(ex!.Errors.Single().Message, Does.Contain("must carry \"probabilities\""));
    }

    [Test]
    public void Read_ProbabilitiesNotSummingToOne_IsAnError()
    {
        const string json = """
            {"format":"votealign/1","members":[{"id":"a","name":"A"}],"meetings":[{"id":"m","date":"2022-01-25"}],
             "motions":[{"id":"x","meeting":"m","title":"X"}],
             "positions":[{"member":"a","motion":"x","vote":"for","basis":"inferred","probabilities":{"for":0.5,"against":0.2,"abstain":0,"absent":0}}]}
            """;
        var ex = Assert.Throws<InputException>(() => RecordFileReader.Read(new StringReader(json), "p.json"));
        Assert.That(ex!.Errors.Single().Path, Is.EqualTo("positions[0].probabilities"));
    }

    [Test]
    public void Read_TrailingContent_IsAnError()
    {
        var ex = Assert.Throws<InputException>(() => RecordFileReader.Read(new StringReader("{\"format\":\"votealign/1\",\"members\":[],\"meetings\":[],\"motions\":[],\"positions\":[]}\n{}"), "t.json"));
        Assert.That(ex!.Errors.Single().Line, Is.EqualTo(2));
    }

    [Test]
    public void Read_DeeplyNestedJson_IsAnErrorNotACrash()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        Assert.Throws<InputException>(() => RecordFileReader.Read(new StringReader(deep), "deep.json"));
    }

    // Found by the fuzzer (fixtures/fuzz/json-398.json): a run of 250,000 commas in "members". Newtonsoft reads each
    // gap as an undefined entry; every one was an error, each JSON path a scan of the array, so the file took 57 s.
    [Test]
    public void Read_QuarterMillionEmptyEntries_ListsTheFirstHundredAndCountsTheRest()
    {
        var json = "{\"format\":\"votealign/1\",\n\"members\":[" + new string(',', 250_000) + "],\"meetings\":[],\"motions\":[],\"positions\":[]}";
        var ex = Assert.Throws<InputException>(() => RecordFileReader.Read(new StringReader(json), "commas.json"));
        Assert.That(ex!.Errors, Has.Length.EqualTo(JsonRecordMapper.MaxErrors + 1));
        Assert.That(ex.Errors[0].ToString(), Is.EqualTo("commas.json:2: members[0]: Each entry of \"members\" must be an object, not nothing (two commas in a row?)."));
        // Each comma ends one empty entry (Newtonsoft allows a trailing comma, so the gap before ']' is none):
        // 250,000 entries, of which 100 are listed.
        Assert.That(ex.Errors[^1].Message, Does.StartWith("… and 249,900 more errors"));
    }
}
