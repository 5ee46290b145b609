using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Analysis;

/// <summary>Which motions count as contested, against the rule spelled out on per-motion vote counts.</summary>
public class ContestedMotionsTest
{
    [TestCase(1, false)]
    [TestCase(2, true)]
    [TestCase(3, false)]
    [TestCase(4, true)]
    public void Of_RandomRecords_FollowsTheRuleOnColumnCounts(int seed, bool motionsOutOfOrder)
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
        if (motionsOutOfOrder)
        {
            // Found by id (the first of a repeated id wins), not by position.
            motions.Reverse();
            motions.Add(motions[^1] with { Unanimous = !motions[^1].Unanimous });
        }

        var data = new Dataset("random", [.. memberIds.Select(id => Member.Simple(id, id.Value))], [], [.. motions], matrix, null);
        var flags = ContestedMotions.Of(data);
        var counts = matrix.ColumnCounts();
        var byId = motions.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        for (var j = 0; j < motionCount; j++)
        {
            var motion = byId[motionIds[j]];
            var known = (counts[j].For > 0 ? 1 : 0) + (counts[j].Against > 0 ? 1 : 0) + (counts[j].Abstain > 0 ? 1 : 0);
            var tallied = motion.Tally is { } t ? (t.For > 0 ? 1 : 0) + (t.Against > 0 ? 1 : 0) + (t.Abstain > 0 ? 1 : 0) : 0;
            Assert.That(flags[j], Is.EqualTo(!motion.Unanimous && (known >= 2 || tallied >= 2)), $"motion {j}");
        }

        Assert.That(flags.Count(f => f), Is.InRange(1, motionCount - 1), "the data has both kinds");
    }
}
