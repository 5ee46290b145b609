using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Analysis;

/// <summary>Which motions count as contested, against the rule spelled out on per-motion vote counts.</summary>
public class ContestedMotionsTest
{
    // Order: 0 motions in matrix order; 1 the same motions reversed (same count, so only their ids place them);
    // 2 reversed, plus a repeat of a contested motion's id marked unanimous (the first of a repeated id wins).
    [TestCase(1, 0)]
    [TestCase(2, 1)]
    [TestCase(3, 0)]
    [TestCase(4, 1)]
    [TestCase(5, 2)]
    [TestCase(6, 2)]
    public void Of_RandomRecords_FollowsTheRuleOnColumnCounts(int seed, int order)
    {
        var rng = new Random(seed);
        const int members = 9, motionCount = 150;
        var memberIds = Enumerable.Range(0, members).Select(i => new MemberId($"m{i}")).ToImmutableArray();
        var motionIds = Enumerable.Range(0, motionCount).Select(j => new MotionId($"v{j:000}")).ToImmutableArray();
        var b = new VoteMatrix.Builder(memberIds, motionIds);
        for (var j = 0; j < motionCount; j++)
        {
            // Few members vote on a motion, so many motions have one value (or none) among the known votes.
            var voters = rng.Next(4);
            foreach (var i in Enumerable.Range(0, members).OrderBy(_ => rng.Next()).Take(voters)) b.Set(i, j, (Vote)rng.Next(4));
        }

        var matrix = b.Build();
        var motions = motionIds.Select(id =>
        {
            var m = GraphData.Motion(id);
            return rng.Next(6) switch
            {
                0 => m with { Unanimous = true },
                1 => m with { Tally = new Tally(rng.Next(3), rng.Next(3), rng.Next(2)) },
                _ => m,
            };
        }).ToList();
        var counts = matrix.ColumnCounts();
        bool Rule(Motion motion, int j)
        {
            var known = (counts[j].For > 0 ? 1 : 0) + (counts[j].Against > 0 ? 1 : 0) + (counts[j].Abstain > 0 ? 1 : 0);
            var tallied = motion.Tally is { } t ? (t.For > 0 ? 1 : 0) + (t.Against > 0 ? 1 : 0) + (t.Abstain > 0 ? 1 : 0) : 0;
            return !motion.Unanimous && (known >= 2 || tallied >= 2);
        }

        if (order > 0) motions.Reverse();
        if (order == 2)
        {
            // A later record with the id of a contested motion, marked unanimous: were it used, the flag would flip.
            var j = Enumerable.Range(0, motionCount).First(j => Rule(motions.Single(m => m.Id == motionIds[j]), j));
            motions.Add(motions.Single(m => m.Id == motionIds[j]) with { Unanimous = true });
        }

        var data = new Dataset("random", [.. memberIds.Select(id => Member.Simple(id, id.Value))], [], [.. motions], matrix, null);
        var flags = ContestedMotions.Of(data);
        var byId = motions.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        for (var j = 0; j < motionCount; j++)
            Assert.That(flags[j], Is.EqualTo(Rule(byId[motionIds[j]], j)), $"motion {j}");

        Assert.That(flags.Count(f => f), Is.InRange(1, motionCount - 1), "the data has both kinds");
    }
}
