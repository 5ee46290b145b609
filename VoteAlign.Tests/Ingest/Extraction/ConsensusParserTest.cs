using VoteAlign.Core.Ingest.Extraction;

namespace VoteAlign.Tests.Ingest.Extraction;

/// <summary>Unanimous and nem con decisions, and words that look like them but report no decision.</summary>
public class ConsensusParserTest
{
    [TestCase("The report was agreed unanimously.", true, TestName = "Consensus_AgreedUnanimously")]
    [TestCase("Members unanimously backed the statement on antisemitism.", true, TestName = "Consensus_UnanimouslyBacked")]
    [TestCase("There was a unanimous vote to reinstate the youth conference.", true, TestName = "Consensus_AUnanimousVote")]
    [TestCase("The guidance was carried nem. con.", false, TestName = "Consensus_NemConWithStops")]
    [TestCase("The NEC agreed, without dissent, to publish the minutes.", false, TestName = "Consensus_WithoutDissent")]
    [TestCase("There were no votes against the new timetable.", false, TestName = "Consensus_NoVotesAgainst")]
    public void Consensus_IsFound(string sentence, bool unanimous)
    {
        var (readings, _) = ConsensusParser.Parse(Tokenizer.Tokenize(sentence));
        Assert.That(readings, Has.Count.EqualTo(1));
        Assert.That(readings[0].Kind, Is.EqualTo(unanimous ? ConsensusKind.Unanimous : ConsensusKind.NemCon));
    }

    [TestCase("The committee was unanimous in its praise for the staff.", "view", TestName = "NotConsensus_UnanimousInPraise")]
    [TestCase("If we cannot agree unanimously, the matter will go to a vote.", "hypothetical", TestName = "NotConsensus_Conditional")]
    [TestCase("It was not a unanimous decision.", "negated", TestName = "NotConsensus_Negated")]
    [TestCase("Speakers were unanimous that the website needs work.", "decision word", TestName = "NotConsensus_NoDecision")]
    public void NotConsensus_IsRejected(string sentence, string reason)
    {
        var (readings, rejections) = ConsensusParser.Parse(Tokenizer.Tokenize(sentence));
        Assert.That(readings, Is.Empty);
        Assert.That(rejections.Select(r => r.Reason), Has.Some.Contains(reason));
    }
}
