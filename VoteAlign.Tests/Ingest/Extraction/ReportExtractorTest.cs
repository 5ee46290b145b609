using VoteAlign.Core.Ingest;
using VoteAlign.Core.Ingest.Extraction;
using VoteAlign.Core.Model;
using static VoteAlign.Tests.Ingest.Extraction.ExtractionFixtures;

namespace VoteAlign.Tests.Ingest.Extraction;

/// <summary>Whole reports, written for these tests, through the extractor: who voted how, on what, and the
/// record set it makes.</summary>
public class ReportExtractorTest
{
    private const string March = """
        NEC Report – 12 March 2024
        Priya Shah and Tom Okafor report on the March meeting of the National Executive Committee.
        Regional mayors
        A paper on the accountability of regional mayors was presented by staff. We voted against the paper because it takes power from members. It was carried by 21 votes to 9.
        Youth conference
        Rhys Evans moved an amendment to restore the youth conference, seconded by Ann Price. The amendment fell by 8 votes to 20.
        Lena Novak and Sam Hughes voted for it, as did Ann Fletcher.
        Selections
        The Grassroots Left members voted against the new selection timetable, which passed 19-10.
        Nine members, including the Grassroots Left, did not support the changes to appeals, which were agreed by 20 votes to 9.
        Several union reps voted for a motion to defer the digital strategy, but the deferral was defeated 12-17.
        Jo Bloggs voted against the rules on social media, which passed 22-8.
        In a contested vote, the NEC appointed Sam Hughes as vice-chair.
        A proposal to cap donations was defeated without being put to a vote.
        The vote went 22 to 8 to oppose the rule change on branch boundaries.
        Left members voted against scrapping the women's conference, losing 13-15 on a motion to refer the paper back and 18-10 on the paper.
        """;

    private static readonly Lazy<ExtractionResult> MarchResult = new(() => Extract(March));

    private static ExtractionResult R => MarchResult.Value;

    [Test]
    public void Report_WritersNamedInItsOpening_AreItsAuthors()
    {
        Assert.That(R.Records.Reports.Single().Authors, Is.EqualTo(new[] { "Priya Shah", "Tom Okafor" }));
    }

    [Test]
    public void Report_TitleDate_IsTheMeeting()
    {
        Assert.That(R.Records.Meetings.Select(m => m.Date), Is.EqualTo(new DateOnly?[] { new(2024, 3, 12) }));
    }

    [Test]
    public void Positions_WeInAReportByTwo_AreBothWriters()
    {
        var paper = Counted(R, 21, 9);
        Assert.That(paper.Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(On(R, paper), Is.EqualTo(new[] { ("priya-shah", Vote.Against, Basis.Self), ("tom-okafor", Vote.Against, Basis.Self) }));
    }

    [Test]
    public void Positions_MoverSeconderNamedListAndAsDid_AllFor()
    {
        var amendment = Counted(R, 8, 20);
        Assert.Multiple(() =>
        {
            Assert.That(amendment.Outcome, Is.EqualTo(Outcome.Defeated));
            Assert.That(amendment.Kind, Is.EqualTo(MotionKind.Amendment));
            Assert.That(On(R, amendment), Is.EqualTo(new[]
            {
                ("ann-fletcher", Vote.For, Basis.Attributed), ("ann-price", Vote.For, Basis.Attributed), ("lena-novak", Vote.For, Basis.Attributed),
                ("rhys-evans", Vote.For, Basis.Attributed), ("sam-hughes", Vote.For, Basis.Attributed),
            }));
        });
    }

    [Test]
    public void Positions_DeclaredGroup_ResolvedThroughTheRoster()
    {
        var timetable = Counted(R, 19, 10);
        Assert.That(On(R, timetable), Is.EqualTo(new[] { ("priya-shah", Vote.Against, Basis.Group), ("tom-okafor", Vote.Against, Basis.Group) }));
        var g = R.Records.GroupPositions.Single(x => x.Motion == timetable.Id);
        Assert.That(g.Members.Select(m => m.Value), Is.EqualTo(new[] { "priya-shah", "tom-okafor" }));
    }

    [Test]
    public void Positions_CountedStatement_KeptAsACountOverTheNamedSet()
    {
        var appeals = Counted(R, 20, 9);
        var g = R.Records.GroupPositions.Single(x => x.Motion == appeals.Id);
        Assert.Multiple(() =>
        {
            Assert.That(g.Count, Is.EqualTo(9));
            Assert.That(g.Vote, Is.EqualTo(Vote.Against));
            Assert.That(g.Members.Select(m => m.Value), Is.EquivalentTo(new[] { "priya-shah", "tom-okafor" }));
        });
    }

    [Test]
    public void Positions_GroupNotOnTheRoster_KeptAsAGroupPosition()
    {
        var deferral = Counted(R, 12, 17);
        Assert.Multiple(() =>
        {
            Assert.That(deferral.Outcome, Is.EqualTo(Outcome.Defeated));
            Assert.That(deferral.Kind, Is.EqualTo(MotionKind.Procedural));
            Assert.That(On(R, deferral), Is.Empty);
            var g = R.Records.GroupPositions.Single(x => x.Motion == deferral.Id);
            Assert.That(g.Group, Is.EqualTo("Several union reps"));
            Assert.That(g.Vote, Is.EqualTo(Vote.For));
            Assert.That(g.Members, Is.Empty);
        });
    }

    [Test]
    public void Positions_UnknownName_KeptAsANewMemberAndFlagged()
    {
        var rules = Counted(R, 22, 8);
        Assert.Multiple(() =>
        {
            Assert.That(On(R, rules), Is.EqualTo(new[] { ("jo-bloggs", Vote.Against, Basis.Attributed) }));
            Assert.That(R.Records.Members.Select(m => m.Name), Does.Contain("Jo Bloggs"));
            Assert.That(R.Warnings.Select(w => w.Message), Has.Some.Contains("'Jo Bloggs' is not on the roster"));
        });
    }

    [Test]
    public void Motion_ContestedVoteWithoutFigures_HasNoTally()
    {
        var vice = Motion(R, "vice-chair");
        Assert.Multiple(() =>
        {
            Assert.That(vice.Tally, Is.Null);
            Assert.That(vice.Kind, Is.EqualTo(MotionKind.Election));
            Assert.That(vice.Outcome, Is.EqualTo(Outcome.Passed));
        });
    }

    [Test]
    public void Motion_DefeatedWithoutAVote_IsNoMotionButIsInTheReview()
    {
        Assert.That(R.Records.Motions.Where(m => m.Title.Contains("donations", StringComparison.OrdinalIgnoreCase)), Is.Empty);
        Assert.That(R.Review.Where(i => i.Kind == ReviewKind.Rejected && i.Quote.Contains("cap donations", StringComparison.Ordinal)).Select(i => i.Reason),
            Has.Some.Contains("without a vote"));
    }

    [Test]
    public void Motion_VoteWentToOppose_LargerSideAgainst()
    {
        // "The vote went 22 to 8 to oppose …": 8 for, 22 against — and it is not the 22-8 social media vote.
        var branch = Motion(R, "branch boundaries");
        Assert.That(branch.Tally, Is.EqualTo(new Tally(8, 22, null)));
        Assert.That(branch.Outcome, Is.EqualTo(Outcome.Defeated));
    }

    [Test]
    public void Motion_SideLostOnAProceduralMove_DirectionReversed()
    {
        var referBack = Counted(R, 13, 15);
        var paper = Counted(R, 18, 10);
        Assert.Multiple(() =>
        {
            Assert.That(referBack.Outcome, Is.EqualTo(Outcome.Defeated));
            Assert.That(referBack.Kind, Is.EqualTo(MotionKind.Procedural));
            Assert.That(paper.Outcome, Is.EqualTo(Outcome.Passed));
            var groups = R.Records.GroupPositions.Where(g => g.Group == "Left members").ToDictionary(g => g.Motion, g => g.Vote);
            Assert.That(groups[referBack.Id], Is.EqualTo(Vote.For));
            Assert.That(groups[paper.Id], Is.EqualTo(Vote.Against));
        });
    }

    [Test]
    public void Records_AreValidAndEverySourceQuotesItsLine()
    {
        Assert.That(RecordValidator.Validate(R.Records).Where(i => i.IsError).Select(i => $"{i.Path}: {i.Message}"), Is.Empty);
        var lines = March.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var sources = R.Records.Motions.SelectMany(m => m.Sources)
            .Concat(R.Records.Positions.Select(p => p.Source!))
            .Concat(R.Records.GroupPositions.Select(g => g.Source!))
            .Concat(R.Records.Meetings.SelectMany(m => m.Sources)).ToList();
        Assert.That(sources, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var s in sources)
            {
                Assert.That(s.Document, Is.EqualTo("report.txt"));
                Assert.That(lines[s.Line!.Value - 1], Does.Contain(s.Quote), $"line {s.Line}");
            }
        });
    }

    [Test]
    public void FirstPerson_WithoutAKnownWriter_IsNotGuessed()
    {
        var r = Extract("""
            Notes from the NEC, 4 June 2024
            I voted against the paper on branch mergers, which passed by 17 votes to 12.
            """);
        Assert.That(r.Records.Positions, Is.Empty);
        Assert.That(r.Review.Where(i => i.Kind == ReviewKind.Rejected).Select(i => i.Reason), Has.Some.Contains("writer is not known"));
    }

    [Test]
    public void FirstPerson_WithAuthorOverride_IsThatWriter()
    {
        var r = Extract("""
            Notes from the NEC, 4 June 2024
            I voted against the paper on branch mergers, which passed by 17 votes to 12.
            """, authors: ["Lena Novak"]);
        Assert.That(On(r, Counted(r, 17, 12)), Is.EqualTo(new[] { ("lena-novak", Vote.Against, Basis.Self) }));
    }

    [Test]
    public void FirstName_AmbiguousInTheReport_IsNotResolved()
    {
        var r = Extract("""
            NEC Report – 4 June 2024
            Ann Fletcher and Ann Price both spoke on nominations.
            Ann voted for the motion on nominations, which passed 18-12.
            """);
        Assert.That(r.Records.Positions, Is.Empty);
        Assert.That(r.Warnings.Select(w => w.Message), Has.Some.Contains("'Ann' could be any of"));
    }

    [Test]
    public void FirstName_UniqueInTheReport_IsResolved()
    {
        var r = Extract("""
            NEC Report – 4 June 2024
            Ann Fletcher spoke on nominations.
            Ann's amendment on nominations was carried by 18 votes to 12.
            """);
        Assert.That(On(r, Counted(r, 18, 12)), Is.EqualTo(new[] { ("ann-fletcher", Vote.For, Basis.Attributed) }));
    }

    [Test]
    public void RelativeMeetingDate_ResolvedFromThePublicationDate()
    {
        var r = Extract("""
            What happened at the NEC
            The NEC meeting last Thursday agreed the timetable by 20 votes to 11.
            """, published: new DateOnly(2024, 6, 10));
        Assert.That(r.Records.Meetings.Single().Date, Is.EqualTo(new DateOnly(2024, 6, 6)));
    }

    [Test]
    public void NoDate_MeetingUndatedAndSaid()
    {
        var r = Extract("""
            What happened at the NEC
            The NEC meeting on Thursday agreed the timetable by 20 votes to 11.
            """);
        var meeting = r.Records.Meetings.Single();
        Assert.That(meeting.Date, Is.Null);
        Assert.That(meeting.Note, Does.Contain("--date"));
    }
}
