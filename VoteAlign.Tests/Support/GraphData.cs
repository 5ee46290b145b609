using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Export.Graphs;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Support;

/// <summary>Data sets for the graph tests: a hand-computed five-member case, the NEC data set, a simulated chamber,
/// and a member whose name needs escaping in every format.</summary>
internal static class GraphData
{
    /// <summary>The name every writer must carry through unchanged.</summary>
    public const string AwkwardName = "Ann \"A\" <b>&amp; Co 🚀 Øyvind 東京";

    /// <summary>Five members, four motions (F for, A against, B abstain, X absent, . unknown):
    /// <code>
    ///        m1 m2 m3 m4
    ///   a    F  F  F  B
    ///   b    F  A  F  B
    ///   c    A  A  F  F
    ///   d    A  X  F  .
    ///   e    .  .  F  .
    /// </code>
    /// m1, m2 and m4 are contested (two different votes cast); m3 is not (everyone known voted for, no tally).</summary>
    public static Dataset Small(string? nameOfA = null)
    {
        string[] rows = ["FFFB", "FAFB", "AAFF", "AXF ", "  F "];
        var members = new[] { "a", "b", "c", "d", "e" }.Select(id => new MemberId(id)).ToImmutableArray();
        var motions = new[] { "m1", "m2", "m3", "m4" }.Select(id => new MotionId(id)).ToImmutableArray();
        var positions = new List<Position>();
        for (var i = 0; i < rows.Length; i++)
            for (var j = 0; j < 4; j++)
            {
                Vote? v = rows[i][j] switch { 'F' => Vote.For, 'A' => Vote.Against, 'B' => Vote.Abstain, 'X' => Vote.Absent, _ => null };
                if (v is { } vote) positions.Add(new Position(members[i], motions[j], vote, Basis.Recorded, null, null));
            }

        var roster = members.Select(m => Member.Simple(m, m.Value == "a" && nameOfA is not null ? nameOfA : m.Value.ToUpperInvariant())).ToImmutableArray();
        return new Dataset("small", roster, [], [.. motions.Select(Motion)], VoteMatrix.FromPositions(members, motions, positions), null);
    }

    public static Motion Motion(MotionId id) =>
        new(id, new MeetingId("undated"), "Motion " + id.Value, MotionKind.Other, null, Outcome.Unknown, false, false, null, [], ImmutableSortedDictionary<string, string>.Empty);

    public static Dataset Nec()
    {
        using var reader = File.OpenText(Fixtures.Nec);
        return Dataset.FromRecords("nec", RecordFileReader.Read(reader, Fixtures.Nec).Records);
    }

    public static Dataset Simulated(int members = 60, int motions = 200, int seed = 7)
    {
        var sim = RollCallSimulator.Generate(new SimulationOptions(members, motions, 3, 2, Seed: seed));
        return new Dataset("simulated", [.. sim.Members.Select(m => Member.Simple(m, m.Value))], [], [.. sim.Motions.Select(Motion)], sim.Matrix, null);
    }

    /// <summary>A small graph document with every feature the writers handle, and a member with <see cref="AwkwardName"/>.</summary>
    public static GraphDocument AwkwardDocument() =>
        GraphDocuments.CoVoting(CoVotingGraph.Build(Small(AwkwardName), new GraphOptions(Blocs: new Core.Analysis.Blocs.BlocOptions(K: 2))), Small(AwkwardName));

    public static byte[] Bytes(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }

    public static string Text(Action<TextWriter> write)
    {
        var w = new StringWriter { NewLine = "\n" };
        write(w);
        return w.ToString();
    }
}
