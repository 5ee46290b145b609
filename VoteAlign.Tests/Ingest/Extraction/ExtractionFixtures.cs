using System.Collections.Immutable;
using VoteAlign.Core.Ingest.Extraction;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Ingest.Extraction;

/// <summary>A small invented roster and helpers for extraction tests. The names are made up for these tests so
/// no rule can lean on the seed reports' names.</summary>
internal static class ExtractionFixtures
{
    public static readonly DateOnly GroupFrom = new(2023, 1, 1);

    public static RecordSet Roster() => new("Test NEC", 39, [],
    [
        Member("priya-shah", "Priya Shah", group: "Grassroots Left"),
        Member("tom-okafor", "Tom Okafor", group: "Grassroots Left"),
        Member("lena-novak", "Lena Novak"),
        Member("rhys-evans", "Rhys Evans"),
        Member("ann-fletcher", "Ann Fletcher"),
        Member("ann-price", "Ann Price"),
        Member("sam-hughes", "Sam Hughes"),
    ], [], [], [], []);

    private static Member Member(string id, string name, string? group = null) =>
        Core.Model.Member.Simple(new MemberId(id), name) with
        {
            Affiliations = group is null ? [] : [new Affiliation(group, GroupFrom, null, null)],
        };

    public static ExtractionResult Extract(string text, string name = "report.txt", IReadOnlyList<string>? authors = null, DateOnly? published = null) =>
        ReportExtractor.Extract([new ReportInput(new StringReader(text), name)], new ExtractionOptions(Roster(), authors, published));

    public static ExtractionResult ExtractAll(params (string Name, string Text)[] inputs) =>
        ReportExtractor.Extract(inputs.Select(i => new ReportInput(new StringReader(i.Text), i.Name)).ToList(), new ExtractionOptions(Roster()));

    /// <summary>The one motion whose title contains <paramref name="words"/> (case-insensitive).</summary>
    public static Motion Motion(ExtractionResult r, string words)
    {
        var found = r.Records.Motions.Where(m => m.Title.Contains(words, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"one motion titled with '{words}' among: {string.Join(" | ", r.Records.Motions.Select(m => m.Title))}");
        return found[0];
    }

    /// <summary>The one motion with this count.</summary>
    public static Motion Counted(ExtractionResult r, int @for, int against)
    {
        var found = r.Records.Motions.Where(m => m.Tally is { } t && t.For == @for && t.Against == against).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"one motion {@for}-{against} among: {string.Join(" | ", r.Records.Motions.Select(m => $"{m.Title} {m.Tally}"))}");
        return found[0];
    }

    public static ImmutableArray<(string Member, Vote Vote, Basis Basis)> On(ExtractionResult r, Motion m) =>
        [.. r.Records.Positions.Where(p => p.Motion == m.Id).Select(p => (p.Member.Value, p.Vote, p.Basis)).OrderBy(x => x.Value, StringComparer.Ordinal)];
}
