using VoteAlign.Core.Ingest.Extraction;
using VoteAlign.Core.Model;
using static VoteAlign.Tests.Ingest.Extraction.ExtractionFixtures;

namespace VoteAlign.Tests.Ingest.Extraction;

/// <summary>Ways of reporting votes found in NEC coverage by other writers (news reports, other members' blogs),
/// each written afresh for these tests with invented names and subjects.</summary>
public class PhrasingTest
{
    [Test]
    public void News_MembersOpposingAndVotingInFavour_WithAnAbstentionAfterTheObject()
    {
        var r = Extract("""
            Board motion on branch funding defeated
            At the NEC meeting on 9 April 2024 the motion was voted down – with 21 NEC members opposing and 12 voting in favour of restoring the branch grants, with one abstention.
            """);
        var m = r.Records.Motions.Single();
        Assert.That(m.Tally, Is.EqualTo(new Tally(12, 21, 1)));
        Assert.That(m.Outcome, Is.EqualTo(Outcome.Defeated));
    }

    [Test]
    public void News_HeadlineAndStoryOfOneVote_AreOneMotion()
    {
        var r = Extract("""
            Motion to restore branch grants is lost at the NEC
            The motion to restore branch grants lost with 20 votes against and 11 in favour.
            Tom Okafor had submitted the motion to restore branch grants, which was defeated by 20 votes to 11 on Tuesday 9 April 2024.
            """);
        Assert.That(r.Records.Motions, Has.Length.EqualTo(1));
        Assert.That(r.Records.Motions[0].Sources, Has.Length.EqualTo(2));
        Assert.That(On(r, r.Records.Motions[0]), Is.EqualTo(new[] { ("tom-okafor", Vote.For, Basis.Attributed) }));
    }

    [Test]
    public void WithNVotes_IsAPartialCountOfThoseFor()
    {
        var r = Extract("""
            NEC Report – 9 April 2024
            With 18 votes, the NEC voted to merge the two youth committees.
            """);
        var m = r.Records.Motions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(m.Tally, Is.EqualTo(new Tally(18, null, null)));
            Assert.That(m.Outcome, Is.EqualTo(Outcome.Passed));
            Assert.That(m.Title, Does.StartWith("Merge the two youth committees"));
        });
    }

    [TestCase("A further 11 NEC reps voted against proscribing the Example League.", 11, TestName = "Counted_AFurtherNReps")]
    [TestCase("A core group of eight members opposed the banning of the Example League.", 8, TestName = "Counted_ACoreGroupOfN")]
    [TestCase("Before lunch, 13 voted against the action against the Example League.", 13, TestName = "Counted_BareNumber")]
    public void Counted_StatementsKeepTheirCount(string sentence, int count)
    {
        var r = Extract("NEC Report – 9 April 2024\n" + sentence + "\n");
        var g = r.Records.GroupPositions.Single();
        Assert.That(g.Count, Is.EqualTo(count));
        Assert.That(g.Vote, Is.EqualTo(Vote.Against));
    }

    [Test]
    public void Counted_IncludingADeclaredGroup_WithoutCommas_DidNotVoteFor()
    {
        var r = Extract("""
            NEC Report – 9 April 2024
            The NEC agreed the new code of conduct by 20 votes to 11. Eleven members of the NEC including the Grassroots Left did not vote for this.
            """);
        var g = r.Records.GroupPositions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(g.Count, Is.EqualTo(11));
            Assert.That(g.Vote, Is.EqualTo(Vote.Against));
            Assert.That(g.Members.Select(m => m.Value), Is.EquivalentTo(new[] { "priya-shah", "tom-okafor" }));
            Assert.That(g.Motion, Is.EqualTo(r.Records.Motions.Single().Id));
        });
    }

    [Test]
    public void Vote_WithoutFigures_FollowingAVote()
    {
        var r = Extract("""
            NEC Report – 9 April 2024
            Following a vote, it was decided that Lena Novak should chair the appeals panel.
            """);
        var m = r.Records.Motions.Single();
        Assert.That(m.Tally, Is.Null);
        Assert.That(m.Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(m.Title, Does.StartWith("Lena Novak should chair"));
    }

    [Test]
    public void Movers_WithRoleTitlesAndAnApposition()
    {
        var r = Extract("""
            NEC Report – 9 April 2024
            Union representative Sam Hughes and local party representative Ann Price, two left-wing NEC members, had submitted a motion urging a review of the selection rules.
            The motion was defeated by 22 votes to 12.
            """);
        var m = Counted(r, 12, 22);
        Assert.That(On(r, m), Is.EqualTo(new[] { ("ann-price", Vote.For, Basis.Attributed), ("sam-hughes", Vote.For, Basis.Attributed) }));
    }

    [Test]
    public void Coordinated_SubjectWithApposition_BrokeRanksAndVotedFor()
    {
        var r = Extract("""
            NEC Report – 9 April 2024
            The amendment on youth representation was lost by 10 votes to 19. Notably Lena Novak, the youth rep, broke ranks and voted for the amendment on youth representation.
            """);
        Assert.That(On(r, Counted(r, 10, 19)), Is.EqualTo(new[] { ("lena-novak", Vote.For, Basis.Attributed) }));
    }

    [TestCase("The rule changes passed and rejected by conference this year are listed below.", TestName = "NotADecision_ListOfResults")]
    [TestCase("In the end we passed theirs and they passed ours.", TestName = "NotADecision_TransitivePassed")]
    [TestCase("The budget was passed by the regional board last month.", TestName = "NotADecision_AnotherBody")]
    [TestCase("Nearly a year having passed since the review, members asked for news.", TestName = "NotADecision_TimePassing")]
    public void NotADecision_NoMotion(string sentence)
    {
        var r = Extract("NEC Report – 9 April 2024\n" + sentence + "\n");
        Assert.That(r.Records.Motions, Is.Empty);
    }

    [Test]
    public void Organisation_IsNotAPerson()
    {
        var r = Extract("""
            NEC Report – 9 April 2024
            Fire Safety Union delegate Rhys Evans moved a motion on cladding, which was carried by 25 votes to 4.
            """);
        Assert.That(On(r, Counted(r, 25, 4)), Is.EqualTo(new[] { ("rhys-evans", Vote.For, Basis.Attributed) }));
        Assert.That(r.Records.Members.Select(m => m.Name), Has.None.Contains("Fire"));
    }

    [Test]
    public void Unanimity_InAnAside_AfterAHypothetical()
    {
        var r = Extract("""
            NEC Report 9/4/2024
            Some of the report would still need detailed work by the equalities committee (the NEC unanimously agreed the new code of conduct on harassment).
            """);
        var m = r.Records.Motions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(m.Unanimous, Is.True);
            Assert.That(m.Title, Does.Contain("code of conduct on harassment"));
            Assert.That(r.Records.Meetings.Single().Date, Is.EqualTo(new DateOnly(2024, 4, 9)));
        });
    }

    [Test]
    public void Movers_NamedAfterTheNoun_MovedByAndSecondedBy()
    {
        var r = Extract("""
            NEC Report – 9 April 2024
            The motion on community organisers, moved by Lena Novak and seconded by Rhys Evans, was carried by 17 votes to 14.
            """);
        Assert.That(On(r, Counted(r, 17, 14)), Is.EqualTo(new[] { ("lena-novak", Vote.For, Basis.Attributed), ("rhys-evans", Vote.For, Basis.Attributed) }));
    }

    [TestCase("Sam Hughes was the only NEC member to vote against the paper on regional offices, which passed by 28 votes to 1.", "sam-hughes", TestName = "OnlyOneToVoteAgainst")]
    [TestCase("Sam Hughes was amongst those to vote against the paper on regional offices, which passed by 25 votes to 4.", "sam-hughes", TestName = "AmongstThoseToVoteAgainst")]
    public void Positions_OnlyOrAmongThoseToVote_AreVotesCast(string sentence, string member)
    {
        var r = Extract("NEC Report – 9 April 2024\n" + sentence + "\n");
        Assert.That(r.Records.Positions.Select(p => (p.Member.Value, p.Vote)), Is.EqualTo(new[] { (member, Vote.Against) }));
    }

    [Test]
    public void Positions_IncludingMyself_CountsTheWriter()
    {
        var r = Extract("""
            NEC Report – 9 April 2024
            Nine members, including myself, voted against the budget, which was agreed by 22 votes to 9.
            """, authors: ["Ann Price"]);
        var budget = Counted(r, 22, 9);
        Assert.That(On(r, budget), Is.EqualTo(new[] { ("ann-price", Vote.Against, Basis.Self) }));
        Assert.That(r.Records.GroupPositions.Single().Count, Is.EqualTo(9));
    }

    [Test]
    public void Positions_OnlyTheGroup_ResolvesThroughTheRoster()
    {
        var r = Extract("""
            NEC Report – 9 April 2024
            Only the Grassroots Left members voted against the budget, which was agreed by 25 votes to 2.
            """);
        Assert.That(On(r, Counted(r, 25, 2)).Select(x => x.Member), Is.EqualTo(new[] { "priya-shah", "tom-okafor" }));
    }

    [TestCase("The guidance was agreed without opposition.", TestName = "NemCon_WithoutOpposition")]
    [TestCase("The guidance was agreed, with nobody voting against.", TestName = "NemCon_NobodyVotingAgainst")]
    public void NemCon_OtherWordings(string sentence)
    {
        var r = Extract("NEC Report – 9 April 2024\n" + sentence + "\n");
        Assert.That(r.Records.Motions.Single().NemCon, Is.True);
    }
}
