using System.Collections.Immutable;
using Microsoft.VisualBasic.FileIO;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using VoteAlign.Core.Analysis.Splits;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

public class SplitsCommandTest
{
    private static JObject NecSplits()
    {
        var (code, stdout, err) = CliRunner.Run("splits", "--format", "json");
        Assert.That(code, Is.EqualTo(0), err);
        return JObject.Parse(stdout);
    }

    [Test]
    public void Splits_Nec_Seed000VotesHaveMargins1And4WithTheirSourceQuoted()
    {
        // Seed 000 line 24: "losing 15-14 on a move to withdraw the paper, and 16-12 on the paper itself".
        var motions = NecSplits()["motions"]!;
        var withdraw = motions.Single(m => m["sources"]!.Any(s => ((string)s["quote"]!).Contains("losing 15-14", StringComparison.Ordinal)));
        var paper = motions.Single(m => m["sources"]!.Any(s => ((string)s["quote"]!).Contains("16-12 on the paper itself", StringComparison.Ordinal)));
        Assert.That((int)withdraw["margin"]!, Is.EqualTo(1));
        Assert.That((int)paper["margin"]!, Is.EqualTo(4));
        Assert.That((int)withdraw["switchesToFlip"]!, Is.EqualTo(1));
    }

    [Test]
    public void Splits_Nec_VoteReportedByTwoAuthors_ShowsBothSources()
    {
        // Seed 003: Luke Akehurst (line 855, "Passed by 16 votes to 11.") and Ann Henderson (line 775) on the CLP delegation cap.
        var motion = NecSplits()["motions"]!.Single(m => m["sources"]!.Any(s => (int?)s["line"] == 855));
        var authors = motion["sources"]!.Select(s => (string)s["author"]!).Distinct().ToList();
        Assert.That(authors, Does.Contain("Luke Akehurst").And.Contain("Ann Henderson"));
    }

    [Test]
    public void Splits_Nec_ConflictIsFlaggedWithBothFigures()
    {
        // Gemma Bolton: 14 for, 22 against, 1 abstention; Luke Akehurst: "defeated by 23 votes to 14 with one abstention".
        var motion = NecSplits()["motions"]!.Single(m => m["sources"]!.Any(s => (int?)s["line"] == 1836));
        var conflicts = motion["conflicts"]!.Select(t => ((int)t["for"]!, (int)t["against"]!, (int)t["abstain"]!)).ToList();
        Assert.That(conflicts, Is.EquivalentTo(new[] { (14, 22, 1), (14, 23, 1) }));
        var (_, text, _) = CliRunner.Run("splits", "--motion", (string)motion["id"]!);
        Assert.That(text, Does.Contain("Sources disagree: 14-22-1").And.Contain("14-23-1"));
    }

    [Test]
    public void Splits_Json_ValidatesAgainstTheDocumentedSchema()
    {
        var schema = JsonSchema.FromFileAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "docs", "splits.schema.json")).GetAwaiter().GetResult();
        var (_, stdout, _) = CliRunner.Run("splits", "--format", "json");
        Assert.That(schema.Validate(stdout), Is.Empty);
        // And a broken twin is caught: the schema can fail.
        var broken = JObject.Parse(stdout);
        broken["motions"]![0]!["margin"] = "one";
        Assert.That(schema.Validate(broken.ToString()), Is.Not.Empty);
    }

    [Test]
    public void Splits_Csv_ReadsBackWithAStandardCsvReader()
    {
        var (_, csv, _) = CliRunner.Run("splits", "--format", "csv");
        using var parser = new TextFieldParser(new StringReader(csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = 0;
        while (!parser.EndOfData)
        {
            Assert.That(parser.ReadFields()!, Has.Length.EqualTo(header.Length));
            rows++;
        }

        Assert.That(rows, Is.GreaterThan(0));
    }

    // A small body counted by hand: six members in two parties, three motions.
    //          m1       m2        m3
    // a (Red)  for      for       for
    // b (Red)  for      for       for
    // c (Red)  for      against   for      <- rebel on m2
    // d (Blue) against  against   against
    // e (Blue) against  against   abstain
    // f (Blue) absent   against   against
    // m3: for a, b, c (3), against d and f (2), e abstains: 3-2-1, decided by one vote.
    private static (RecordSet Records, Dictionary<MemberId, string> Party) HandCounted()
    {
        var ids = new[] { "a", "b", "c", "d", "e", "f" };
        var party = ids.ToDictionary(i => new MemberId(i), i => i is "a" or "b" or "c" ? "Red" : "Blue");
        var votes = new Dictionary<string, Vote[]>
        {
            ["m1"] = [Vote.For, Vote.For, Vote.For, Vote.Against, Vote.Against, Vote.Absent],
            ["m2"] = [Vote.For, Vote.For, Vote.Against, Vote.Against, Vote.Against, Vote.Against],
            ["m3"] = [Vote.For, Vote.For, Vote.For, Vote.Against, Vote.Abstain, Vote.Against],
        };
        var meeting = new Meeting(new MeetingId("2024-01-01"), new DateOnly(2024, 1, 1), null, null, null, []);
        var motions = votes.Select(kv =>
        {
            var f = kv.Value.Count(v => v == Vote.For);
            var a = kv.Value.Count(v => v == Vote.Against);
            var b = kv.Value.Count(v => v == Vote.Abstain);
            return new Motion(new MotionId(kv.Key), meeting.Id, kv.Key, MotionKind.Other, new Tally(f, a, b), f > a ? Outcome.Passed : Outcome.Defeated,
                false, false, null, [], ImmutableSortedDictionary<string, string>.Empty);
        }).ToImmutableArray();
        var positions = votes.SelectMany(kv => kv.Value.Select((v, i) => new Position(new MemberId(ids[i]), new MotionId(kv.Key), v, Basis.Recorded, null, null))).ToImmutableArray();
        var records = new RecordSet(null, null, [], [.. ids.Select(i => Member.Simple(new MemberId(i), i))], [meeting], motions, positions, []);
        return (records, party);
    }

    [Test]
    public void Splits_HandCountedBody_BreakdownsRebelAndPivotals()
    {
        var (records, party) = HandCounted();
        var splits = SplitAnalysis.Of(records, party).ToDictionary(s => s.Motion.Id.Value);
        var m1Blue = splits["m1"].Blocs.Single(b => b.Group == "Blue");
        Assert.That((m1Blue.For, m1Blue.Against, m1Blue.Abstain, m1Blue.Absent, m1Blue.Unknown), Is.EqualTo((0, 2, 0, 1, 0)));
        var m3Blue = splits["m3"].Blocs.Single(b => b.Group == "Blue");
        Assert.That((m3Blue.For, m3Blue.Against, m3Blue.Abstain), Is.EqualTo((0, 2, 1)));
        // m2: c voted against Red's for.
        Assert.That(splits["m2"].Rebels.Select(r => (r.Member.Value, r.Vote, r.GroupMajority)), Is.EqualTo(new[] { ("c", Vote.Against, Vote.For) }));
        Assert.That(splits["m1"].Rebels, Is.Empty);
        // m3 passed 3-2: one switch flips it; the three who voted for could have.
        Assert.That(splits["m3"].SwitchesToFlip, Is.EqualTo(1));
        Assert.That(splits["m3"].Pivotal.Select(p => p.Member.Value), Is.EquivalentTo(new[] { "a", "b", "c" }));
        // Bloc lines: m2 has 5 of 6 cast votes with their party's majority.
        Assert.That(splits["m2"].BlocLine, Is.EqualTo(5.0 / 6).Within(1e-12));
        Assert.That(splits["m1"].BlocLine, Is.EqualTo(1.0));
    }

    [Test]
    public void Splits_GeneratedChamber_BreakdownsEqualACountDoneHere()
    {
        using var temp = new TempDir();
        var votes = temp.File("votes.csv");
        var simulated = temp.File("sim-members.csv");
        CliRunner.Run("simulate", "-n", "30", "-m", "20", "-k", "2", "--seed", "3", "-o", votes, "--members-out", simulated);
        // The true bloc as a 'party' attribute (in splits, --by bloc means the discovered blocs).
        var members = temp.File("members.csv");
        File.WriteAllLines(members, File.ReadAllLines(simulated).Select((l, i) => i == 0 ? l.Replace(",bloc,", ",party,", StringComparison.Ordinal) : l));
        var (code, stdout, err) = CliRunner.Run("splits", votes, "--members", members, "--by", "party", "--format", "json");
        Assert.That(code, Is.EqualTo(0), err);
        // Count here, from the CSV files: votes per (motion, party, vote word).
        var party = File.ReadAllLines(simulated).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[2]);
        var count = new Dictionary<(string, string, string), int>();
        foreach (var line in File.ReadAllLines(votes).Skip(1))
        {
            var p = line.Split(',');
            var key = (p[1], party[p[0]], p[2]);
            count[key] = count.GetValueOrDefault(key) + 1;
        }

        var motions = JObject.Parse(stdout)["motions"]!;
        Assert.That(motions.Count(), Is.EqualTo(20));
        foreach (var m in motions)
            foreach (var b in m["blocs"]!)
            {
                var key = ((string)m["id"]!, (string)b["bloc"]!);
                Assert.That((int)b["for"]!, Is.EqualTo(count.GetValueOrDefault((key.Item1, key.Item2, "yea"))));
                Assert.That((int)b["against"]!, Is.EqualTo(count.GetValueOrDefault((key.Item1, key.Item2, "nay"))));
                Assert.That((int)b["abstain"]!, Is.EqualTo(count.GetValueOrDefault((key.Item1, key.Item2, "abstain"))));
                Assert.That((int)b["absent"]!, Is.EqualTo(count.GetValueOrDefault((key.Item1, key.Item2, "absent"))));
                Assert.That((int)b["unknown"]!, Is.Zero);
            }
    }

    [Test]
    public void Splits_PlantedRebel_IsFound()
    {
        // A two-party chamber where one member of party B copies party A's majority on motion V00007.
        using var temp = new TempDir();
        var votes = temp.File("votes.csv");
        var simulated = temp.File("members.csv");
        CliRunner.Run("simulate", "-n", "20", "-m", "10", "-k", "2", "--seed", "9", "--whip", "3", "-o", votes, "--members-out", simulated);
        var party = File.ReadAllLines(simulated).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[2]);
        var lines = File.ReadAllLines(votes).ToList();
        var onMotion = lines.Skip(1).Select(l => l.Split(',')).Where(p => p[1] == "V00007").ToList();
        string Majority(string bloc) => onMotion.Where(p => party[p[0]] == bloc && p[2] != "absent").GroupBy(p => p[2]).OrderByDescending(g => g.Count()).First().Key;
        var (a, b) = (Majority("B1"), Majority("B2"));
        Assume.That(a, Is.Not.EqualTo(b), "the parties split on this motion");
        var rebel = onMotion.First(p => party[p[0]] == "B2" && p[2] == b)[0];
        for (var i = 1; i < lines.Count; i++)
            if (lines[i].StartsWith(rebel + ",V00007,", StringComparison.Ordinal)) lines[i] = $"{rebel},V00007,{a}";
        File.WriteAllLines(votes, lines);
        File.WriteAllLines(simulated, File.ReadAllLines(simulated).Select((l, i) => i == 0 ? l.Replace(",bloc,", ",party,", StringComparison.Ordinal) : l));
        var (code, stdout, err) = CliRunner.Run("splits", votes, "--members", simulated, "--by", "party", "--motion", "V00007", "--format", "json");
        Assert.That(code, Is.EqualTo(0), err);
        var rebels = JObject.Parse(stdout)["motions"]![0]!["rebels"]!.Select(r => (string)r["member"]!).ToList();
        Assert.That(rebels, Does.Contain(rebel));
    }

    [Test]
    public void Splits_AfterReconstruction_KeepEvidenceCountsAndShowInferredApart()
    {
        using var reader = Core.Data.BundledData.OpenNec();
        var records = Core.Ingest.RecordFileReader.Read(reader, "nec").Records;
        var rebuilt = Core.Inference.Reconstruction.Run(records, new Core.Inference.ReconstructionOptions(BurnIn: 10, Samples: 20)).Records;
        var groups = records.Members.ToDictionary(m => m.Id, m => m.Section ?? "none");
        var before = SplitAnalysis.Of(records, groups).ToDictionary(s => s.Motion.Id);
        var after = SplitAnalysis.Of(rebuilt, groups);
        foreach (var s in after)
        {
            var b = before[s.Motion.Id];
            foreach (var (x, y) in s.Blocs.Zip(b.Blocs))
            {
                Assert.That((x.For, x.Against, x.Abstain, x.Absent), Is.EqualTo((y.For, y.Against, y.Abstain, y.Absent)), $"{s.Motion.Id} {x.Group}: evidence unchanged");
                Assert.That(y.InferredFor + y.InferredAgainst + y.InferredAbstain + y.InferredAbsent, Is.Zero, "no inferred counts before reconstruction");
            }
        }

        Assert.That(after.Sum(s => s.Blocs.Sum(b => b.InferredFor + b.InferredAgainst + b.InferredAbstain + b.InferredAbsent)), Is.GreaterThan(0));
        Assert.That(after.SelectMany(s => s.Blocs).All(b => b.Unknown == 0), Is.True, "every roster cell is evidence or inferred");
    }
}
