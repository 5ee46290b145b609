using VoteAlign.Core.Ingest.Extraction;
using VoteAlign.Core.Model;
using static VoteAlign.Tests.Ingest.Extraction.ExtractionFixtures;

namespace VoteAlign.Tests.Ingest.Extraction;

/// <summary>Several reports of one meeting, in an aggregated feed and a stand-alone post, written for these tests.</summary>
public class ReportMergeTest
{
    private const string Feed = """
        planet test

        March 14, 2024

        Rhys Evans's Blog

        NEC Meeting, 12 March 2024

        The paper on regional mayors was approved by 21 votes to 9.
        The motion on nomination rights for branches passed 18-12. I voted for it.

        by Rhys Evans at March 14, 2024 09:00 AM

        March 13, 2024

        Lena Novak's Blog

        NEC Report – 12th March 2024

        The mayors paper went through by 21 votes to 9 after a long debate.
        The amendment on the youth conference was lost by 9 votes to 20; I supported the amendment on the youth conference.

        by Admin at March 13, 2024 10:00 PM
        """;

    private const string Post = """
        NEC Report – 12 March 2024
        Priya Shah and Tom Okafor report on the March meeting.
        A paper on the accountability of regional mayors was carried by 21 votes to 9.
        Rhys Evans moved an amendment to restore the youth conference. The amendment fell by 8 votes to 20.
        """;

    private static readonly Lazy<ExtractionResult> Both = new(() => ExtractAll(("feed.txt", Feed), ("post.txt", Post)));

    private static ExtractionResult R => Both.Value;

    [Test]
    public void Feed_EachPostIsAReport_WithItsWriter()
    {
        var reports = R.Records.Reports.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(r => string.Join(" & ", r.Authors)), Is.EquivalentTo(new[] { "Rhys Evans", "Lena Novak", "Priya Shah & Tom Okafor" }));
            // "by Admin" on a blog named after its owner: the owner wrote it.
            Assert.That(reports.Single(r => r.Authors.Contains("Lena Novak")).Published, Is.EqualTo(new DateOnly(2024, 3, 13)));
            Assert.That(reports.Single(r => r.Authors.Contains("Rhys Evans")).Title, Is.EqualTo("NEC Meeting, 12 March 2024"));
        });
    }

    [Test]
    public void ThreeReportsOfOneMeeting_AreOneMeeting()
    {
        var meeting = R.Records.Meetings.Single();
        Assert.That(meeting.Date, Is.EqualTo(new DateOnly(2024, 3, 12)));
        Assert.That(meeting.Sources.Select(s => s.Report).Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void OneVoteReportedThrice_IsOneMotionWithThreeSources()
    {
        var paper = Counted(R, 21, 9);
        Assert.That(paper.Sources.Select(s => s.Document).OrderBy(d => d, StringComparer.Ordinal), Is.EqualTo(new[] { "feed.txt", "feed.txt", "post.txt" }));
        Assert.That(paper.ConflictingTallies, Is.Empty);
    }

    [Test]
    public void DisagreeingTallies_BothKeptAndFlagged()
    {
        var amendment = R.Records.Motions.Single(m => m.Sources.Any(s => s.Tally == new Tally(8, 20, null)));
        Assert.Multiple(() =>
        {
            Assert.That(amendment.Sources.Select(s => s.Tally), Is.EquivalentTo(new Tally?[] { new Tally(8, 20, null), new Tally(9, 20, null) }));
            Assert.That(amendment.ConflictingTallies, Has.Length.EqualTo(2));
            Assert.That(amendment.Note, Does.Contain("disagree"));
            Assert.That(R.Warnings.Select(w => w.Message), Has.Some.Contains("disagree on the tally"));
        });
    }

    [Test]
    public void PositionsFromDifferentReports_LandOnTheMergedMotion()
    {
        var amendment = R.Records.Motions.Single(m => m.Sources.Any(s => s.Tally == new Tally(8, 20, null)));
        Assert.That(On(R, amendment), Is.EqualTo(new[] { ("lena-novak", Vote.For, Basis.Self), ("rhys-evans", Vote.For, Basis.Attributed) }));
        var nominations = Counted(R, 18, 12);
        Assert.That(On(R, nominations), Is.EqualTo(new[] { ("rhys-evans", Vote.For, Basis.Self) }));
    }

    [Test]
    public void SameCountTwiceInOneReport_StaysTwoMotions()
    {
        var r = Extract("""
            NEC Report – 5 June 2024
            The proscription of the Example Network was approved by 22 votes to 10.
            The proscription of the Sample Alliance was approved by 22 votes to 10.
            """);
        Assert.That(r.Records.Motions.Count(m => m.Tally == new Tally(22, 10, null)), Is.EqualTo(2));
        Assert.That(r.Records.Motions.Select(m => m.Kind), Has.All.EqualTo(MotionKind.Proscription));
    }

    [Test]
    public void AdjacentDates_OneMeeting_MostReportsWin()
    {
        var r = ExtractAll(
            ("a.txt", "NEC Report – 20 May 2025\nThe paper on branches passed by 20 votes to 11.\n"),
            ("b.txt", "NEC Meeting, 20 May 2025\nThe branches paper was carried by 20 votes to 11.\n"),
            ("c.txt", "NEC Report – 21 May 2025\nThe NEC agreed the branches paper by 20 votes to 11.\n"));
        Assert.That(r.Records.Meetings.Select(m => m.Date), Is.EqualTo(new DateOnly?[] { new(2025, 5, 20) }));
        Assert.That(r.Records.Meetings[0].Note, Does.Contain("disagree on the date"));
        Assert.That(r.Records.Motions, Has.Length.EqualTo(1));
    }

    [Test]
    public void MonthOnlyReport_JoinsTheOneMeetingThatMonth()
    {
        var r = ExtractAll(
            ("a.txt", "NEC Report – 20 May 2025\nThe paper on branches passed by 20 votes to 11.\n"),
            ("b.txt", "NEC Report – May 2025\nYesterday's NEC meeting agreed the branches paper by 20 votes to 11.\n"));
        Assert.That(r.Records.Meetings.Select(m => m.Date), Is.EqualTo(new DateOnly?[] { new(2025, 5, 20) }));
        Assert.That(r.Records.Motions.Single().Sources, Has.Length.EqualTo(2));
    }
}
