using System.Collections.Immutable;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Export.Json;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

// FsCheck supplies the parameters of [Property] methods; the NUnit analyzer does not know that attribute.
#pragma warning disable NUnit1027

namespace VoteAlign.Tests.Properties;

/// <summary>Properties of the record format over record sets built at random from FsCheck's seeds: names with any
/// characters, optional fields present or not, every vote and basis.</summary>
public class RecordFormatProperties
{
    private static readonly string[] Pieces = ["Ann", "O'Brien", "\"quoted\"", "<b>&amp;", "東京", "🚀", "=SUM(A1)", "-1", "a,b", "line\nbreak", " ", ""];

    private static string Text(Random rng, int parts) =>
        string.Concat(Enumerable.Range(0, rng.Next(1, parts + 1)).Select(_ => Pieces[rng.Next(Pieces.Length)]));

    // Required strings (names, group names) must not be empty: the reader rejects an empty one.
    private static string NonEmpty(Random rng, int parts) => Text(rng, parts) is { Length: > 0 } t ? t : "x";

    private static DateOnly? Date(Random rng) => rng.Next(4) == 0 ? null : new DateOnly(2020, 1, 1).AddDays(rng.Next(2000));

    /// <summary>A valid record set: ids unique, references resolve, positions fit tallies and terms.</summary>
    internal static RecordSet Random(int seed)
    {
        var rng = new Random(seed);
        var reports = Enumerable.Range(0, rng.Next(0, 3)).Select(i => new Report($"r{i}", [.. Enumerable.Range(0, rng.Next(0, 3)).Select(_ => Text(rng, 2))], Date(rng),
            rng.Next(2) == 0 ? null : Text(rng, 3), rng.Next(2) == 0 ? null : "doc.txt")).ToImmutableArray();
        Source? Src() => rng.Next(3) == 0 ? null : new Source(reports.IsEmpty ? "r-free" : reports[rng.Next(reports.Length)].Id, rng.Next(2) == 0 ? null : Text(rng, 2),
            Date(rng), rng.Next(2) == 0 ? null : "doc.txt", rng.Next(2) == 0 ? null : rng.Next(1, 500), Text(rng, 4),
            rng.Next(3) == 0 ? new Tally(rng.Next(0, 5), rng.Next(2) == 0 ? null : rng.Next(0, 5), null) : null);
        var members = Enumerable.Range(0, rng.Next(1, 8)).Select(i => new Member(new MemberId($"m{i}-{Text(rng, 1)}"), NonEmpty(rng, 3),
            [.. Enumerable.Range(0, rng.Next(0, 3)).Select(_ => Text(rng, 2))], rng.Next(2) == 0 ? null : Text(rng, 1), [],
            [.. Enumerable.Range(0, rng.Next(0, 2)).Select(_ => new Affiliation(NonEmpty(rng, 2), null, null, Src()))],
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, Enumerable.Range(0, rng.Next(0, 3)).Select(k => KeyValuePair.Create($"k{k}", Text(rng, 2)))))).ToImmutableArray();
        var meetings = Enumerable.Range(0, rng.Next(1, 4)).Select(i => new Meeting(new MeetingId($"meet{i}"), Date(rng), rng.Next(2) == 0 ? null : "NEC",
            rng.Next(3) == 0 ? 50 : null, rng.Next(2) == 0 ? null : Text(rng, 3), [.. Enumerable.Range(0, rng.Next(0, 2)).Select(_ => Src()).OfType<Source>()])).ToImmutableArray();
        var kinds = Enum.GetValues<MotionKind>();
        var motions = Enumerable.Range(0, rng.Next(0, 6)).Select(i => new Motion(new MotionId($"meet{rng.Next(meetings.Length)}/x{i}"), default, Text(rng, 3),
            kinds[rng.Next(kinds.Length)], null, (Outcome)rng.Next(4), false, false, rng.Next(2) == 0 ? null : Text(rng, 2),
            [.. Enumerable.Range(0, rng.Next(0, 3)).Select(_ => Src()).OfType<Source>()],
            ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal))).Select(m => m with { Meeting = new MeetingId(m.Id.Value.Split('/')[0]) }).ToImmutableArray();
        var positions = new List<Position>();
        foreach (var mo in motions)
            foreach (var mem in members)
            {
                if (rng.Next(3) == 0) continue;
                var vote = (Vote)rng.Next(4);
                var basis = (Basis)rng.Next(6);
                VoteProbabilities? p = null;
                if (basis == Basis.Inferred)
                {
                    var a = Math.Round(rng.NextDouble(), 6);
                    var b = Math.Round((1 - a) * rng.NextDouble(), 6);
                    p = new VoteProbabilities(a, b, 0, Math.Round(1 - a - b, 6));
                }

                positions.Add(new Position(mem.Id, mo.Id, vote, basis, p, Src()));
            }

        // Tallies the positions fit: at least the known count of each value.
        var withTallies = motions.Select(m => rng.Next(2) == 0 ? m : m with
        {
            Tally = new Tally(positions.Count(p => p.Motion == m.Id && p.Vote == Vote.For) + rng.Next(0, 3),
                positions.Count(p => p.Motion == m.Id && p.Vote == Vote.Against) + rng.Next(0, 3), rng.Next(2) == 0 ? null : positions.Count(p => p.Motion == m.Id && p.Vote == Vote.Abstain)),
        }).ToImmutableArray();
        var groups = withTallies.Take(2).Select(m => new GroupPosition(NonEmpty(rng, 2), m.Id, (Vote)rng.Next(4), rng.Next(2) == 0 ? null : rng.Next(0, 5),
            [.. members.Take(rng.Next(0, members.Length + 1)).Select(x => x.Id)], Src())).ToImmutableArray();
        var set = new RecordSet(rng.Next(2) == 0 ? null : Text(rng, 2), 50, reports, members, meetings, withTallies, [.. positions], groups);
        return set;
    }

    [Property(MaxTest = 300)]
    public bool SaveThenLoad_IsTheIdentity(int seed)
    {
        var records = Random(seed);
        var text = new StringWriter();
        RecordFileWriter.Write(records, text);
        var load = RecordFileReader.Read(new StringReader(text.ToString()), "p.json");

        RecordAssert.AreEqual(records, load.Records);
        var again = new StringWriter();
        RecordFileWriter.Write(load.Records, again);
        return again.ToString() == text.ToString();
    }

    [Property(MaxTest = 300)]
    public bool Validation_NeverThrowsAnythingButInputException(int seed)
    {
        var rng = new Random(seed);
        var text = new StringWriter();
        RecordFileWriter.Write(Random(seed), text);
        var json = text.ToString();
        // Cut, splice or flip the text somewhere.
        var at = rng.Next(json.Length);
        json = rng.Next(3) switch
        {
            0 => json[..at],
            1 => json.Remove(at, Math.Min(json.Length - at, rng.Next(1, 30))),
            _ => json.Insert(at, ((char)rng.Next(32, 127)).ToString()),
        };
        try
        {
            RecordFileReader.Read(new StringReader(json), "p.json");
        }
        catch (InputException)
        {
        }

        return true;
    }

    [Property(MaxTest = 100)]
    public bool Analysis_OnAnyValidRecordSet_SucceedsOrSaysWhy(int seed)
    {
        var records = Random(seed);
        var data = Dataset.FromRecords("p", records);
        var blocs = BlocAnalysis.Run(data.Matrix, new BlocOptions());
        // Every member is either in a bloc or listed with a reason.
        return blocs.Assignments.Length == data.Members.Length
               && blocs.Assignments.Count(a => a.Bloc is null) == blocs.Unassigned.Length;
    }

    private static readonly string[][] Commands =
    [
        ["analyze", "--format", "json"],
        ["blocs", "--format", "json"],
        ["scale", "--format", "json"],
        ["splits", "--format", "json"],
        ["graph", "--format", "graphml"],
        ["reconstruct", "--samples", "4", "--burn-in", "2"],
    ];

    /// <summary>Every analysis command, run through the CLI on a random valid record set, finishes (exit 0) or says
    /// why as bad input (exit 3, <c>error: FILE…</c>); never an internal error (exit 1) and never a stack trace.</summary>
    [Property(MaxTest = 40)]
    public bool Cli_OnAnyValidRecordSet_EveryCommandSucceedsOrSaysWhy(int seed)
    {
        using var temp = new TempDir();
        var path = temp.File("random.json");
        using (var writer = new StreamWriter(path)) RecordFileWriter.Write(Random(seed), writer);
        foreach (var command in Commands)
        {
            var (code, _, err) = CliRunner.Run([command[0], path, .. command[1..], "-o", temp.File("out")]);
            var ok = code == 0 || (code == 3 && err.StartsWith("error: " + path, StringComparison.Ordinal));
            if (!ok || err.Contains(" at VoteAlign", StringComparison.Ordinal))
            {
                TestContext.Out.WriteLine($"seed {seed}: {command[0]} exit {code}: {err}");
                return false;
            }
        }

        return true;
    }
}
