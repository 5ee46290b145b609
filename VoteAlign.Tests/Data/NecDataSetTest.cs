using System.Text.RegularExpressions;
using VoteAlign.Core.Data;
using VoteAlign.Core.Export.Json;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Data;

/// <summary>The hand-compiled NEC data set against the seed texts it was compiled from (fixtures/nec/seeds).</summary>
public class NecDataSetTest
{
    private static readonly Lazy<RecordLoad> Bundled = new(() =>
    {
        using var r = BundledData.OpenNec();
        return RecordFileReader.Read(r, BundledData.NecName);
    });

    private static RecordSet Nec => Bundled.Value.Records;

    private static readonly Dictionary<string, string[]> SeedLines = new();

    private static string[] Lines(string document)
    {
        lock (SeedLines)
        {
            if (!SeedLines.TryGetValue(document, out var lines))
                SeedLines[document] = lines = File.ReadAllLines(Fixtures.Seed(document));
            return lines;
        }
    }

    private static IEnumerable<(string Where, Source Source)> AllSources()
    {
        foreach (var m in Nec.Meetings) foreach (var s in m.Sources) yield return ($"meeting {m.Id}", s);
        foreach (var m in Nec.Motions) foreach (var s in m.Sources) yield return ($"motion {m.Id}", s);
        foreach (var p in Nec.Positions) if (p.Source is { } s) yield return ($"position {p.Member} on {p.Motion}", s);
        foreach (var g in Nec.GroupPositions) if (g.Source is { } s) yield return ($"group '{g.Group}' on {g.Motion}", s);
        foreach (var m in Nec.Members) foreach (var a in m.Affiliations) if (a.Source is { } s) yield return ($"affiliation of {m.Id}", s);
    }

    [Test]
    public void Bundled_IsTheFixtureFile()
    {
        using var file = new StreamReader(Fixtures.Nec);
        RecordAssert.AreEqual(RecordFileReader.Read(file, "records.json").Records, Nec);
    }

    [Test]
    public void EverySource_QuoteStandsVerbatimOnItsLine()
    {
        Assert.Multiple(() =>
        {
            foreach (var (where, s) in AllSources())
            {
                Assert.That(s.Document, Is.Not.Null, $"{where}: source has a document");
                Assert.That(s.Line, Is.Not.Null, $"{where}: source has a line");
                if (s.Document is null || s.Line is null) continue;
                var lines = Lines(s.Document);
                Assert.That(s.Line, Is.InRange(1, lines.Length), $"{where}: line in range");
                if (s.Line > lines.Length) continue;
                Assert.That(lines[s.Line.Value - 1], Does.Contain(s.Quote), $"{where}: quote on {s.Document}:{s.Line}");
            }
        });
    }

    [Test]
    public void EverySourceTally_NumbersStandInTheQuotedLine()
    {
        // Each figure a source gives must be written on the line it cites (as digits or as a word).
        string[] words = ["nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
        Assert.Multiple(() =>
        {
            foreach (var m in Nec.Motions)
                foreach (var s in m.Sources.Where(s => s.Tally is not null))
                {
                    var line = Lines(s.Document!)[s.Line!.Value - 1];
                    foreach (var n in new[] { s.Tally!.Value.For, s.Tally.Value.Against, s.Tally.Value.Abstain })
                    {
                        if (n is not { } k) continue;
                        var asWord = k < words.Length ? words[k] : null;
                        var found = Regex.IsMatch(line, $@"(?<!\d){k}(?!\d)") || (asWord is not null && Regex.IsMatch(line, $@"\b{asWord}\b", RegexOptions.IgnoreCase));
                        Assert.That(found, Is.True, $"{m.Id}: {k} not on {s.Document}:{s.Line}");
                    }
                }
        });
    }

    // Facts read off the seed texts by hand: document, line, and the tally of the vote that line reports.
    [TestCase("000_5a8c4fd7ddb8d5dc.txt", 24, 14, 15, null, Outcome.Defeated, TestName = "Nec_Seed000_MoveToWithdrawPaper_Lost15To14")]
    [TestCase("000_5a8c4fd7ddb8d5dc.txt", 24, 16, 12, null, Outcome.Passed, TestName = "Nec_Seed000_PaperItself_Passed16To12")]
    [TestCase("003_e70f78191ccbf646.txt", 855, 16, 11, null, Outcome.Passed, TestName = "Nec_Seed003_CapDelegations_16To11")]
    [TestCase("003_e70f78191ccbf646.txt", 872, 10, 21, 1, Outcome.Defeated, TestName = "Nec_Seed003_VoteWent21To10ToOppose_Has21Against")]
    [TestCase("003_e70f78191ccbf646.txt", 721, 5, 22, 1, Outcome.Defeated, TestName = "Nec_Seed003_BameAmendment_5For22Against1Abstention")]
    [TestCase("003_e70f78191ccbf646.txt", 721, 21, 3, 4, Outcome.Passed, TestName = "Nec_Seed003_AmendedPaper_21For3Against4Abstentions")]
    [TestCase("003_e70f78191ccbf646.txt", 1166, 27, 0, null, Outcome.Passed, TestName = "Nec_Seed003_PublishForde_27VotesToNil")]
    [TestCase("003_e70f78191ccbf646.txt", 1431, 15, 15, null, Outcome.Tied, TestName = "Nec_Seed003_Amendment_FirstCountTied15All")]
    [TestCase("003_e70f78191ccbf646.txt", 1431, 14, 16, null, Outcome.Defeated, TestName = "Nec_Seed003_Amendment_DefeatedOnRecount16To14")]
    [TestCase("003_e70f78191ccbf646.txt", 1480, 10, 12, null, Outcome.Defeated, TestName = "Nec_Seed003_DeferNpf_Defeated12To10Has10For")]
    [TestCase("003_e70f78191ccbf646.txt", 2263, 19, 9, 1, Outcome.Passed, TestName = "Nec_Seed003_RuleChanges_19For9Against1Abstention")]
    [TestCase("003_e70f78191ccbf646.txt", 2473, 22, 11, null, Outcome.Passed, TestName = "Nec_Seed003_ProscriptionPaper_22To11")]
    [TestCase("003_e70f78191ccbf646.txt", 2485, 23, 9, null, Outcome.Passed, TestName = "Nec_Seed003_ResistProscribed_23To9")]
    [TestCase("003_e70f78191ccbf646.txt", 1356, 15, 22, null, Outcome.Defeated, TestName = "Nec_Seed003_WeLostTheVote22To15_Has15For")]
    public void Nec_TallyFromSeed_IsRecordedWithItsDirection(string document, int line, int @for, int against, int? abstain, Outcome outcome)
    {
        var expected = new Tally(@for, against, abstain);
        var matches = Nec.Motions.Where(m => m.Sources.Any(s => s.Document == document && s.Line == line && s.Tally == expected)).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"one motion sourced to {document}:{line} with tally {expected}");
        Assert.That(matches[0].Outcome, Is.EqualTo(outcome));
    }

    [TestCase("004_1dbc33c924fda0d4.txt", 52, TestName = "Nec_Seed004_DiversityMotion_Unanimous")]
    [TestCase("003_e70f78191ccbf646.txt", 2506, TestName = "Nec_Seed003_IslamophobiaDefinition_Unanimous")]
    public void Nec_UnanimousFromSeed_IsRecorded(string document, int line)
    {
        Assert.That(Nec.Motions.Any(m => m.Unanimous && m.Sources.Any(s => s.Document == document && s.Line == line)), Is.True);
    }

    [Test]
    public void Nec_PassedNemCon_IsRecorded()
    {
        // Seed 003 line 863: "… when the national party instructs them to lose the whip. Passed nem con."
        Assert.That(Nec.Motions.Any(m => m.NemCon && m.Sources.Any(s => s.Line == 863)), Is.True);
    }

    [Test]
    public void Nec_AlongWithStatement_NamesEveryMemberAgainst()
    {
        // Seed 003 line 775 (Ann Henderson): "Along with Mish Rahman, Nadia Jama and Yasmine Dar, I voted against
        // this rule change, as did Ann Black" — five members against one motion.
        var positions = Nec.Positions.Where(p => p.Source is { Line: 775 }).ToList();
        Assert.That(positions.Select(p => p.Member.Value).Order(), Is.EqualTo(new[] { "ann-black", "ann-henderson", "mish-rahman", "nadia-jama", "yasmine-dar" }));
        Assert.That(positions.Select(p => p.Motion).Distinct().Count(), Is.EqualTo(1));
        Assert.That(positions, Has.All.Property(nameof(Position.Vote)).EqualTo(Vote.Against));
        Assert.That(positions.Single(p => p.Member.Value == "ann-henderson").Basis, Is.EqualTo(Basis.Self));
        Assert.That(positions.Where(p => p.Member.Value != "ann-henderson"), Has.All.Property(nameof(Position.Basis)).EqualTo(Basis.Attributed));
    }

    [Test]
    public void Nec_TwoReportsOfOneVoteThatDisagree_KeepBothFigures()
    {
        // Seed 003: Gemma Bolton (line 1836) gives 14 for, 22 against, 1 abstention on restoring the whip to
        // Jeremy Corbyn; Luke Akehurst (line 2006) says "defeated by 23 votes to 14 with one abstention".
        var motion = Nec.Motions.Single(m => m.Sources.Any(s => s.Line == 1836) && m.Sources.Any(s => s.Line == 2006));
        Assert.That(motion.ConflictingTallies, Is.EquivalentTo(new[] { new Tally(14, 22, 1), new Tally(14, 23, 1) }));
        Assert.That(Bundled.Value.Warnings.Any(w => w.Message.Contains(motion.Id.Value, StringComparison.Ordinal)), Is.True);
    }

    // Lines the tally pattern below matches that are not NEC votes, each checked by hand against the text.
    internal static readonly Dictionary<(string, int), string> NotVotes = new()
    {
        [("003_e70f78191ccbf646.txt", 29)] = "date range: NPF in Nottingham from 21-23 July",
        [("003_e70f78191ccbf646.txt", 35)] = "date range: Annual Conference from 8-11 October",
        [("003_e70f78191ccbf646.txt", 144)] = "percentage range: a Leave vote of 58-63%",
        [("003_e70f78191ccbf646.txt", 425)] = "range of years: living standards won't rise for 5-6 years",
        [("003_e70f78191ccbf646.txt", 436)] = "years: the 2014-2019 period",
        [("003_e70f78191ccbf646.txt", 641)] = "a scale of 1-10 in a voter survey",
        [("003_e70f78191ccbf646.txt", 665)] = "date range: NPF on 21-23 July 2023",
        [("003_e70f78191ccbf646.txt", 677)] = "hypothetical: decisions voted on if the group could not reach unanimous decisions",
        [("003_e70f78191ccbf646.txt", 928)] = "the National Women's Committee was unanimous in voicing frustration: not an NEC vote",
        [("003_e70f78191ccbf646.txt", 1169)] = "membership figures: 32-33,000 in arrears",
        [("003_e70f78191ccbf646.txt", 1196)] = "years: the divisions in 2015-2019",
        [("003_e70f78191ccbf646.txt", 1604)] = "a bungalow built in 1919 for returning officers",
        [("003_e70f78191ccbf646.txt", 1992)] = "years: elections from 1987 to 2019 and 2005-2017",
        [("003_e70f78191ccbf646.txt", 2420)] = "the NEC expanded from 33 members to 35",
    };

    [Test]
    public void Nec_EveryLineWithATallyPhrase_IsCitedOrKnownNotToBeAVote()
    {
        // A completeness guard: any seed line with a vote-like figure must be a source of some fact in the data set.
        var pattern = new Regex(@"\d+ ?(votes )?to (\d+|nil)|\d+ ?[-–] ?\d+|\d+ (votes )?(for|against)|\d+ abstention|unanimous|nem con|without dissent", RegexOptions.IgnoreCase);
        var cited = AllSources().Select(x => (x.Source.Document, x.Source.Line ?? 0)).ToHashSet();
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures.Dir, "nec", "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (pattern.IsMatch(lines[i]) && !cited.Contains((name, i + 1)) && !NotVotes.ContainsKey((name, i + 1)))
                    missing.Add($"{name}:{i + 1}: {lines[i][..Math.Min(120, lines[i].Length)]}");
        }

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Nec_WriteThenRead_IsIdentity()
    {
        var text = new StringWriter();
        RecordFileWriter.Write(Nec, text);
        var again = RecordFileReader.Read(new StringReader(text.ToString()), "again.json");
        RecordAssert.AreEqual(Nec, again.Records);
    }

    [Test]
    public void Nec_EveryMotion_HasASourceAndEveryPositionToo()
    {
        Assert.That(Nec.Motions.Where(m => m.Sources.IsEmpty).Select(m => m.Id), Is.Empty);
        Assert.That(Nec.Positions.Where(p => p.Source is null).Select(p => $"{p.Member} {p.Motion}"), Is.Empty);
    }
}
