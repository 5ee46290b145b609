using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Inference;

/// <summary>The bundled real roll call reads as its source says (counts from the file's own cast codes, tallied
/// independently when it was brought in: see fixtures/rollcall/README.md).</summary>
public class RealRollCallsTest
{
    [Test]
    public void Senate114_ReadsEveryCastCodeAndParty()
    {
        var senate = RealRollCalls.Senate114();
        var counts = new int[4];
        for (var i = 0; i < senate.Members.Length; i++)
            for (var j = 0; j < senate.Motions.Length; j++) counts[(int)senate.Matrix[i, j]!.Value]++;
        Assert.Multiple(() =>
        {
            Assert.That(senate.Members, Has.Length.EqualTo(100));
            Assert.That(senate.Motions, Has.Length.EqualTo(500));
            Assert.That(counts, Is.EqualTo(new[] { 31_971, 16_349, 3, 1_677 }), "yea, nay, present, not voting");
            Assert.That(senate.TrueBloc.Count(b => b == 1), Is.EqualTo(54), "Republicans");
            Assert.That(senate.TrueBloc.Count(b => b == 0), Is.EqualTo(46), "Democrats and the two independents");
            Assert.That(senate.TrueBloc[senate.Members.IndexOf(senate.Members.Single(m => m.Value.StartsWith("SANDERS", StringComparison.Ordinal)))], Is.Zero);
        });
    }
}
