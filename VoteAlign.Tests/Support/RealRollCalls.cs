using System.Collections.Immutable;
using System.Globalization;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Support;

/// <summary>Real chambers' full roll calls, bundled in fixtures/rollcall (see its README for where they come from),
/// as a truth to report tally-only: each member's party is the true bloc.</summary>
internal static class RealRollCalls
{
    public static string Senate114Path => Path.Combine(Fixtures.Dir, "rollcall", "senate114.csv");

    /// <summary>The US Senate of the 114th Congress: one row per senator (index, ICPSR id, name, party code, then one
    /// column per roll call holding the voteview cast code: 1–3 yea, 4–6 nay, 7–8 present, 9 not voting). The two
    /// independents (party 328) caucused with the Democrats (100) and are put in their bloc; Republicans (200) are
    /// the other.</summary>
    public static SimulatedRollCall Senate114() => Voteview(Senate114Path, party => party switch
    {
        100 or 328 => 0,
        200 => 1,
        _ => throw new InvalidDataException($"party code {party} not expected in the 114th Senate"),
    });

    private static SimulatedRollCall Voteview(string path, Func<int, int> bloc)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        const int First = 4;
        var motions = header.Skip(First).Select(h => new MotionId("rc" + h)).ToImmutableArray();
        var members = ImmutableArray.CreateBuilder<MemberId>();
        var blocs = ImmutableArray.CreateBuilder<int>();
        var positions = new List<Position>();
        for (var r = 1; r < lines.Length; r++)
        {
            var f = lines[r].Split(',');
            if (f.Length != header.Length) throw new InvalidDataException($"{path}:{r + 1}: {f.Length} fields, the header has {header.Length}");
            var id = new MemberId($"{f[2]} ({f[1]})");
            members.Add(id);
            blocs.Add(bloc(int.Parse(f[3], CultureInfo.InvariantCulture)));
            for (var j = 0; j < motions.Length; j++)
            {
                var vote = int.Parse(f[First + j], CultureInfo.InvariantCulture) switch
                {
                    >= 1 and <= 3 => Vote.For,
                    >= 4 and <= 6 => Vote.Against,
                    7 or 8 => Vote.Abstain,
                    9 => Vote.Absent,
                    var c => throw new InvalidDataException($"{path}:{r + 1}: cast code {c} (not in office) is not handled"),
                };
                positions.Add(new Position(id, motions[j], vote, Basis.Recorded, null, null));
            }
        }

        var ids = members.ToImmutable();
        return new SimulatedRollCall(ids, motions, blocs.ToImmutable(), [.. ids.Select(_ => ImmutableArray<double>.Empty)],
            VoteMatrix.FromPositions(ids, motions, positions));
    }
}
