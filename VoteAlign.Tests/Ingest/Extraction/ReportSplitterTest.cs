using VoteAlign.Core.Ingest.Extraction;

namespace VoteAlign.Tests.Ingest.Extraction;

/// <summary>Splitting files into reports, finding writers and the meeting's date, on texts written for these tests.</summary>
public class ReportSplitterTest
{
    private static readonly Roster Roster = new(ExtractionFixtures.Roster().Members);

    private static string[] Lines(string text) => text.Replace("\r", "", StringComparison.Ordinal).Split('\n');

    [Test]
    public void Feed_ByLines_EndPosts_AndDayHeadingsAreNotTitles()
    {
        var lines = Lines("""
            June 02, 2024

            Some Blog

            NEC Report – 28 May 2024

            Text of the first post.

            by Ann Price at June 02, 2024 10:00 AM

            Second post title

            Text of the second post.

            by Ann Price at June 01, 2024 09:15 PM
            """);
        var spans = ReportSplitter.Split(lines);
        Assert.Multiple(() =>
        {
            Assert.That(spans.Select(s => s.Title), Is.EqualTo(new[] { "NEC Report – 28 May 2024", "Second post title" }));
            Assert.That(spans.Select(s => s.FeedDate), Is.EqualTo(new DateOnly?[] { new(2024, 6, 2), new(2024, 6, 1) }));
            Assert.That(spans.Select(s => s.Channel), Is.EqualTo(new[] { "Some Blog", "Some Blog" }));
            Assert.That(spans.Select(s => s.FeedAuthor), Is.EqualTo(new[] { "Ann Price", "Ann Price" }));
        });
    }

    [TestCase("by Ann Price at June 02, 2024 10:00 AM", "Ann Price", TestName = "ByLine_WithTime")]
    [TestCase("by Sam Hughes ( at December 1, 2023", "Sam Hughes", TestName = "ByLine_StrayBracket")]
    public void ByLine_IsRead(string line, string who)
    {
        Assert.That(ReportSplitter.TryByLine(line, out var name, out _), Is.True);
        Assert.That(name.TrimEnd('(', ' '), Is.EqualTo(who));
    }

    [TestCase("by the way, we met at noon", TestName = "ByLine_NotADate")]
    [TestCase("Written by Ann Price at the NEC", TestName = "ByLine_NotAtTheStart")]
    public void ByLine_Rejected(string line) => Assert.That(ReportSplitter.TryByLine(line, out _, out _), Is.False);

    [Test]
    public void SingleReport_CommentsAfterTheTextAreNotPartOfIt()
    {
        var lines = Lines("""
            NEC Report – 3 April 2024
            The motion was carried by 20 votes to 10.
            3 thoughts on “NEC Report – 3 April 2024”
            I think the vote was 15-14 really.
            """);
        var span = ReportSplitter.Split(lines).Single();
        Assert.That(span.LastLine, Is.EqualTo(2));
    }

    [TestCase("Ann Price reports from the June NEC", "Ann Price", TestName = "Author_ReportsFrom")]
    [TestCase("Lena Novak's NEC Report – 3 June", "Lena Novak", TestName = "Author_PossessiveTitle")]
    [TestCase("Tom Okafor – NEC Report June 2024", "Tom Okafor", TestName = "Author_DashTitle")]
    [TestCase("Report from the Organisation Committee from Rhys Evans", "Rhys Evans", TestName = "Author_FromAtTheEnd")]
    public void Author_NamedInTheTitle_WinsOverTheFeedAccount(string title, string author)
    {
        var lines = Lines($"Some Blog\n\n{title}\n\nThe meeting was short.\n\nby Feed Owner at June 05, 2024 10:00 AM\n");
        var span = ReportSplitter.Split(lines).Single();
        Assert.That(AuthorFinder.Find(lines, span, Roster, wholeFile: false), Is.EqualTo(new[] { author }));
    }

    [Test]
    public void Author_SignatureAtTheEnd()
    {
        var lines = Lines("Some Blog\n\nNEC report\n\nThe meeting was short.\n\nAnn Fletcher 05.06.24\n\nby Feed Owner at June 05, 2024 10:00 AM\n");
        var span = ReportSplitter.Split(lines).Single();
        Assert.That(AuthorFinder.Find(lines, span, Roster, wholeFile: false), Is.EqualTo(new[] { "Ann Fletcher" }));
    }

    [Test]
    public void Author_PostAuthorBadgeInComments()
    {
        var lines = Lines("NEC Report\nThe meeting was short.\n2 thoughts on “NEC Report”\nA reader\nGreat post\nsamhughes1 Post author\nThanks!\n");
        var span = ReportSplitter.Split(lines).Single();
        Assert.That(AuthorFinder.Find(lines, span, Roster, wholeFile: true), Is.EqualTo(new[] { "Sam Hughes" }));
    }

    [Test]
    public void Author_APersonNamedInTheBodyIsNotTheWriter()
    {
        var lines = Lines("Some Blog\n\nNEC Report – 5 June 2024\n\nSam Hughes's report as treasurer opened the meeting.\n\nby Feed Owner at June 05, 2024 10:00 AM\n");
        var span = ReportSplitter.Split(lines).Single();
        Assert.That(AuthorFinder.Find(lines, span, Roster, wholeFile: false), Is.EqualTo(new[] { "Feed Owner" }));
    }

    private static MeetingRef Date(string? title, string body, DateOnly? published) =>
        MeetingDater.Date(title, SentenceSplitter.Split(Lines(body), 1, Lines(body).Length), published);

    [TestCase("NEC Report – 5th June 2023", null, 2023, 6, 5, TestName = "MeetingDate_TitleDayMonthYear")]
    [TestCase("Update from the NEC – 3 October", "2023-10-05", 2023, 10, 3, TestName = "MeetingDate_TitleWithoutYear_FromPublication")]
    [TestCase("NEC Report – 05.06.2023", null, 2023, 6, 5, TestName = "MeetingDate_TitleNumeric")]
    [TestCase("NEC, December 4, 2023", null, 2023, 12, 4, TestName = "MeetingDate_TitleMonthFirst")]
    public void MeetingDate_FromTheTitle(string title, string? published, int y, int m, int d)
    {
        var got = Date(title, "The meeting was long.", published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(got.Date, Is.EqualTo(new DateOnly(y, m, d)));
    }

    [Test]
    public void MeetingDate_Yesterday_FromThePublicationDate()
    {
        Assert.That(Date("Notes", "The NEC met yesterday and agreed the budget.", new DateOnly(2023, 10, 5)).Date, Is.EqualTo(new DateOnly(2023, 10, 4)));
    }

    [Test]
    public void MeetingDate_RelativeDateOutsideTheTitleMonth_NotUsed()
    {
        // A re-post: "yesterday" counted from the re-post date would be February, but the title says October.
        var got = Date("NEC Report – October 2023", "Yesterday's NEC meeting agreed the budget.", new DateOnly(2024, 2, 1));
        Assert.Multiple(() =>
        {
            Assert.That(got.Date, Is.Null);
            Assert.That((got.Year, got.Month), Is.EqualTo((2023, 10)));
        });
    }

    [Test]
    public void MeetingDate_WeekdayInsideATitleSpan()
    {
        var got = Date("NEC at Conference, 7/11 October 2023", "I attended the NEC meeting on Sunday morning.", new DateOnly(2023, 10, 20));
        Assert.That(got.Date, Is.EqualTo(new DateOnly(2023, 10, 8)));
    }

    [Test]
    public void MeetingDate_NextMeetingIsNotThisMeeting()
    {
        Assert.That(Date("Notes", "The next NEC meeting is on Tuesday 12 March.", new DateOnly(2024, 3, 1)).Date, Is.Null);
    }
}
