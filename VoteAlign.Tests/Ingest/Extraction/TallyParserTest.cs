using VoteAlign.Core.Ingest.Extraction;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Ingest.Extraction;

/// <summary>The vote-count grammar on sentences written for these tests (not taken from the seed reports): one
/// case per construction, each with its direction, and the things that look like counts but are not.</summary>
public class TallyParserTest
{
    // sentence, for, against, abstain (-1 = not given), outcome
    [TestCase("The motion was carried by 18 votes to 9.", 18, 9, -1, Outcome.Passed, TestName = "Tally_CarriedByVotesTo_LargerSideFor")]
    [TestCase("The amendment was lost by 11 votes to 14.", 11, 14, -1, Outcome.Defeated, TestName = "Tally_LostByVotesTo_SmallerFirst_StillDefeated")]
    [TestCase("It was rejected by twenty votes to six.", 6, 20, -1, Outcome.Defeated, TestName = "Tally_NumberWords_Rejected")]
    [TestCase("The report was agreed by 25 votes to 3 with 2 abstentions.", 25, 3, 2, Outcome.Passed, TestName = "Tally_AgreedWithAbstentions")]
    [TestCase("· Carried 21–8 after a short debate on the motion.", 21, 8, -1, Outcome.Passed, TestName = "Tally_EnDashPair_Carried")]
    [TestCase("The proposal fell 12-17.", 12, 17, -1, Outcome.Defeated, TestName = "Tally_Fell_DashPair")]
    [TestCase("The vote was 19 in favour, 7 against and 3 abstentions.", 19, 7, 3, Outcome.Passed, TestName = "Tally_LabelledParts_OutcomeFromNumbers")]
    [TestCase("For: 14, Against: 12, Abstentions: 2.", 14, 12, 2, Outcome.Passed, TestName = "Tally_LabelsBeforeNumbers")]
    [TestCase("With 13 votes for and 13 against, the motion fell on the chair's casting vote.", 13, 13, -1, Outcome.Defeated, TestName = "Tally_LabelledTie_StatedOutcomeWins")]
    [TestCase("The votes were tied at 14-14.", 14, 14, -1, Outcome.Tied, TestName = "Tally_TiedAt")]
    [TestCase("The vote went 17 to 12 to support the paper.", 17, 12, -1, Outcome.Passed, TestName = "Tally_WentToSupport_LargerSideFor")]
    [TestCase("The vote went 19 to 11 to reject the amendment.", 11, 19, -1, Outcome.Defeated, TestName = "Tally_WentToReject_LargerSideAgainst")]
    [TestCase("Votes went 16 to 9 against the proposal.", 9, 16, -1, Outcome.Defeated, TestName = "Tally_PairThenAgainst_FirstIsAgainst")]
    [TestCase("The NEC voted 16-11 in favour of the new code.", 16, 11, -1, Outcome.Passed, TestName = "Tally_PairThenInFavour_FirstIsFor")]
    [TestCase("We lost the vote 14 to 17.", 14, 17, -1, Outcome.Defeated, TestName = "Tally_WeLost_SideBackedItByDefault")]
    [TestCase("We won the vote 20-12 after a long debate.", 20, 12, -1, Outcome.Passed, TestName = "Tally_WeWon_SideBackedIt")]
    [TestCase("The deferral was defeated by a narrow 15 votes to 13.", 13, 15, -1, Outcome.Defeated, TestName = "Tally_DefeatedByANarrowCount")]
    [TestCase("The committee approved it by 30 votes to nil.", 30, 0, -1, Outcome.Passed, TestName = "Tally_VotesToNil")]
    [TestCase("It was agreed by sixteen votes to eleven.", 16, 11, -1, Outcome.Passed, TestName = "Tally_NumberWordsBothSides")]
    [TestCase("The motion passed by twenty-one votes to ten.", 21, 10, -1, Outcome.Passed, TestName = "Tally_CompoundNumberWord")]
    [TestCase("The paper passed 22–10, with one abstention.", 22, 10, 1, Outcome.Passed, TestName = "Tally_PairWithOneAbstentionAfterComma")]
    [TestCase("The amendment was defeated with 6 in favour, 20 against, 2 abstaining.", 6, 20, 2, Outcome.Defeated, TestName = "Tally_AbstainingLabel")]
    [TestCase("On the motion, 16 members voted for and 11 voted against.", 16, 11, -1, Outcome.Passed, TestName = "Tally_MembersVotedForAndVotedAgainst")]
    [TestCase("The motion did not pass: 12 votes for, 15 against and an abstention.", 12, 15, 1, Outcome.Defeated, TestName = "Tally_DidNotPass_AnAbstention")]
    [TestCase("By 19 votes to 14 the meeting agreed to refer the paper back.", 19, 14, -1, Outcome.Passed, TestName = "Tally_CountFirst_OutcomeAfter")]
    [TestCase("The motion was put to a vote: 9 for, 23 against.", 9, 23, -1, Outcome.Defeated, TestName = "Tally_ColonThenLabels")]
    [TestCase("The NEC rejected the proposal by 20 votes to 10.", 10, 20, -1, Outcome.Defeated, TestName = "Tally_RejectedTheProposalBy")]
    [TestCase("The paper was backed by 19 votes to 12.", 19, 12, -1, Outcome.Passed, TestName = "Tally_BackedBy")]
    [TestCase("The CLP rule change was opposed by 21 votes to 9.", 9, 21, -1, Outcome.Defeated, TestName = "Tally_OpposedBy")]
    [TestCase("She was elected vice-chair by 18 votes to 15.", 18, 15, -1, Outcome.Passed, TestName = "Tally_ElectedBy")]
    public void Tally_IsReadWithItsDirection(string sentence, int @for, int against, int abstain, Outcome outcome)
    {
        Assert.That(TallyParser.TryParse(sentence, 39, out var readings, out _), Is.True, "a count is found");
        Assert.That(readings, Has.Count.EqualTo(1));
        var (tally, got) = readings[0].Resolve();
        Assert.Multiple(() =>
        {
            Assert.That(tally, Is.EqualTo(new Tally(@for, against, abstain < 0 ? null : abstain)));
            Assert.That(got, Is.EqualTo(outcome));
        });
    }

    [Test]
    public void Tally_TwoCountsInOneSentence_BothRead()
    {
        var ok = TallyParser.TryParse("The first count was tied 14-14 but on a recount the amendment was defeated 13-15.", 39, out var readings, out _);
        Assert.That(ok, Is.True);
        Assert.That(readings.Select(r => r.Resolve()).ToList(),
            Is.EqualTo(new[] { (new Tally(14, 14, null), Outcome.Tied), (new Tally(13, 15, null), Outcome.Defeated) }));
    }

    [Test]
    public void Tally_SideLost_DirectionFollowsHowTheSideVoted()
    {
        TallyParser.TryParse("Members of the left slate voted against the paper, losing 18-11.", 39, out var readings, out _);
        Assert.That(readings, Has.Count.EqualTo(1));
        Assert.That(readings[0].NeedsSide, Is.True);
        Assert.Multiple(() =>
        {
            // The side lost while voting against: the paper passed 18-11.
            Assert.That(readings[0].Resolve(Vote.Against), Is.EqualTo((new Tally(18, 11, null), Outcome.Passed)));
            // Had the side backed it, the paper fell 11-18.
            Assert.That(readings[0].Resolve(Vote.For), Is.EqualTo((new Tally(11, 18, null), Outcome.Defeated)));
        });
    }

    // Things with two numbers that are not votes, and why.
    [TestCase("Annual Conference runs from 24-27 September in Liverpool.", "date", TestName = "NotATally_DayRangeWithMonth")]
    [TestCase("The Women's Conference will be held on 12-13 March, where delegates vote on motions.", "date", TestName = "NotATally_DatesBesideAVoteWord")]
    [TestCase("Turnout in the ballot rose from 12 to 15 per cent.", "range", TestName = "NotATally_FromXToY")]
    [TestCase("Polls show a 45-30 lead for Labour in the marginals.", "lead", TestName = "NotATally_PollLead")]
    [TestCase("Polls put Labour ahead by 15-12 in the marginals, the motion noted.", "poll", TestName = "NotATally_PollFigureBesideAMotion")]
    [TestCase("Candidates aged 18-25 are eligible to vote in the youth section.", "range", TestName = "NotATally_AgeRange")]
    [TestCase("Support fell to 58-63% in the survey areas, the paper said.", "percentage", TestName = "NotATally_PercentageRange")]
    [TestCase("The local team won 3-1 on Saturday.", "vote word", TestName = "NotATally_SportsScore")]
    [TestCase("See page 12-14 of the motion for the detail.", "range", TestName = "NotATally_PageRange")]
    [TestCase("If the vote had gone 15-14 the other way, the paper would have fallen.", "hypothetical", TestName = "NotATally_Hypothetical")]
    [TestCase("The meeting lasted 9-10 hours before the vote.", "quantity", TestName = "NotATally_Hours")]
    [TestCase("Between 10-15 members were absent for the vote.", "range", TestName = "NotATally_BetweenMembers")]
    [TestCase("A fund of £10-20 was agreed for each delegate before the vote.", "money", TestName = "NotATally_Money")]
    [TestCase("Voters rated the leader on a scale of 1-10 before the vote.", "range", TestName = "NotATally_Scale")]
    [TestCase("The vote was 30 to 25.", "more than", TestName = "NotATally_MoreThanSeats")]
    [TestCase("At the last meeting the NEC had voted 20-10 to keep the old rules.", "earlier meeting", TestName = "NotATally_RecalledFromAnEarlierMeeting")]
    public void NotATally_IsRejectedWithAReason(string sentence, string reasonContains)
    {
        var found = TallyParser.TryParse(sentence, 39, out var readings, out var rejections);
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.False, "no count");
            Assert.That(readings, Is.Empty);
            Assert.That(rejections.Select(r => r.Reason), Has.Some.Contains(reasonContains));
        });
    }

    // Numbers that never even look like a pair of vote counts (years, thousands, times).
    [TestCase("Membership peaked between 2017-2019 at 560,000.", TestName = "NotATally_YearsAndThousands")]
    [TestCase("The party had 415,000 members, 32-33,000 of them in arrears, at the vote.", TestName = "NotATally_ThousandsRange")]
    [TestCase("The meeting ran from 2pm–4pm and then we voted.", TestName = "NotATally_Times")]
    [TestCase("Covid-19 restrictions meant the vote was online.", TestName = "NotATally_CodeName")]
    [TestCase("The NEC expanded from 33 members to 35 after the vote.", TestName = "NotATally_CountedNouns")]
    public void NotATally_NoCountFound(string sentence)
    {
        Assert.That(TallyParser.TryParse(sentence, 39, out var readings, out _), Is.False);
        Assert.That(readings, Is.Empty);
    }

    [Test]
    public void Tally_WithoutSeats_LargeBodiesAllowed()
    {
        Assert.That(TallyParser.TryParse("The bill passed by 320 votes to 260.", null, out var readings, out _), Is.True);
        Assert.That(readings[0].Resolve().Tally, Is.EqualTo(new Tally(320, 260, null)));
    }
}
