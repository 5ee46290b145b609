using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Support;

/// <summary>Field-by-field equality of record sets (model records hold immutable arrays, which compare by reference).</summary>
internal static class RecordAssert
{
    public static void AreEqual(RecordSet expected, RecordSet actual)
    {
        Assert.Multiple(() =>
        {
            Assert.That(actual.Body, Is.EqualTo(expected.Body), "body");
            Assert.That(actual.Seats, Is.EqualTo(expected.Seats), "seats");
            Seq(expected.Reports, actual.Reports, "reports", (e, a, w) =>
            {
                Assert.That(a with { Authors = [] }, Is.EqualTo(e with { Authors = [] }), w);
                Assert.That(a.Authors, Is.EqualTo(e.Authors), w + ".authors");
            });
            Seq(expected.Members, actual.Members, "members", Member);
            Seq(expected.Meetings, actual.Meetings, "meetings", (e, a, w) =>
            {
                Assert.That(a with { Sources = [] }, Is.EqualTo(e with { Sources = [] }), w);
                Seq(e.Sources, a.Sources, w + ".sources", Source);
            });
            Seq(expected.Motions, actual.Motions, "motions", (e, a, w) =>
            {
                Assert.That(a with { Sources = [], Attributes = Empty }, Is.EqualTo(e with { Sources = [], Attributes = Empty }), w);
                Seq(e.Sources, a.Sources, w + ".sources", Source);
                Assert.That(a.Attributes, Is.EqualTo(e.Attributes), w + ".attributes");
            });
            Seq(expected.Positions, actual.Positions, "positions", (e, a, w) =>
            {
                Assert.That(a with { Source = null }, Is.EqualTo(e with { Source = null }), w);
                Source(e.Source, a.Source, w + ".source");
            });
            Seq(expected.GroupPositions, actual.GroupPositions, "groupPositions", (e, a, w) =>
            {
                Assert.That(a with { Members = [], Source = null }, Is.EqualTo(e with { Members = [], Source = null }), w);
                Assert.That(a.Members, Is.EqualTo(e.Members), w + ".members");
                Source(e.Source, a.Source, w + ".source");
            });
        });
    }

    private static readonly ImmutableSortedDictionary<string, string> Empty = ImmutableSortedDictionary<string, string>.Empty;

    private static void Member(Member e, Member a, string where)
    {
        Assert.That(a with { Aliases = [], Terms = [], Affiliations = [], Attributes = Empty },
            Is.EqualTo(e with { Aliases = [], Terms = [], Affiliations = [], Attributes = Empty }), where);
        Assert.That(a.Aliases, Is.EqualTo(e.Aliases), where + ".aliases");
        Assert.That(a.Terms, Is.EqualTo(e.Terms), where + ".terms");
        Assert.That(a.Attributes, Is.EqualTo(e.Attributes), where + ".attributes");
        Seq(e.Affiliations, a.Affiliations, where + ".affiliations", (x, y, w) =>
        {
            Assert.That(y with { Source = null }, Is.EqualTo(x with { Source = null }), w);
            Source(x.Source, y.Source, w + ".source");
        });
    }

    private static void Source(Source? e, Source? a, string where) => Assert.That(a, Is.EqualTo(e), where);

    private static void Seq<T>(ImmutableArray<T> e, ImmutableArray<T> a, string where, Action<T, T, string> item)
    {
        Assert.That(a.Length, Is.EqualTo(e.Length), where + " length");
        for (var i = 0; i < Math.Min(a.Length, e.Length); i++) item(e[i], a[i], $"{where}[{i}]");
    }
}
