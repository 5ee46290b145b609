using System.Collections.Immutable;
using System.Globalization;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Support;

/// <summary>How a synthetic committee is reported: what survives of a full roll call when only reporters speak.</summary>
/// <param name="Simulation">The full roll call (the truth).</param>
/// <param name="VocalMembers">Members who report most of their own votes.</param>
/// <param name="VocalShare">Share of a vocal member's cells that become known.</param>
/// <param name="QuietShare">Share of the other members' cells known (most members: none at all, see <paramref name="SilentShare"/>).</param>
/// <param name="SilentShare">Share of members with no known vote beyond <paramref name="SilentKnown"/>.</param>
/// <param name="SilentKnown">Known votes for each silent member (e.g. 2–3 in a harsh case).</param>
/// <param name="DeclaredShare">Share of members whose bloc is declared as a slate (the rest undeclared).</param>
/// <param name="GroupStatementShare">Share of (motion, slate) pairs with a group statement of the slate's majority vote.</param>
/// <param name="Seed">Seed for which cells and statements are reported.</param>
public sealed record CommitteeScenario(
    SimulationOptions Simulation,
    int VocalMembers = 4,
    double VocalShare = 0.5,
    double QuietShare = 0.04,
    double SilentShare = 0.5,
    int SilentKnown = 0,
    double DeclaredShare = 0.8,
    double GroupStatementShare = 0.15,
    int Seed = 1)
{
    /// <summary>A full roll call turned tally-only, as issue 5 asks: every tally kept, about 5% of the named votes,
    /// mostly from a few members (a tenth of the chamber, at least three, each with 40% of their votes known; the
    /// rest sprinkled evenly over everyone else), every member's party declared as real roll calls publish it, and
    /// no group statements.</summary>
    /// <param name="simulation">The full roll call.</param>
    /// <param name="seed">Seed for which votes are kept.</param>
    public static CommitteeScenario TallyOnly(SimulationOptions simulation, int seed)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        const double Kept = 0.05, Vocal = 0.4;
        var n = simulation.Members;
        var vocal = Math.Max(3, n / 10);
        var quiet = Math.Max(0, (Kept * n - Vocal * vocal) / (n - vocal));
        return new CommitteeScenario(simulation, VocalMembers: vocal, VocalShare: Vocal, QuietShare: quiet, SilentShare: 0,
            DeclaredShare: 1, GroupStatementShare: 0, Seed: seed);
    }

    /// <summary>A full roll call to report instead of generating one from <see cref="Simulation"/> (a real chamber's
    /// votes, with each member's party as the true bloc). <see cref="Simulation"/> then only gives the shape.</summary>
    public SimulatedRollCall? Given { get; init; }

    /// <summary>Builds the truth and the record set a reporter would produce: a tally for every motion (for, against
    /// and abstentions), positions for the reported cells (basis <c>self</c>), slates as declared affiliations, and
    /// group statements naming the slate's declared members.</summary>
    public (SimulatedRollCall Truth, RecordSet Records) Build()
    {
        var sim = Given ?? RollCallSimulator.Generate(Simulation);
        var rng = new Random(Seed);
        var n = sim.Members.Length;
        var m = sim.Motions.Length;
        var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
        var vocal = order.Take(VocalMembers).ToHashSet();
        var silent = order.Skip(VocalMembers).Take((int)Math.Round(SilentShare * n)).ToHashSet();
        var declared = order.Where(_ => rng.NextDouble() < DeclaredShare).ToHashSet();

        var members = sim.Members.Select((id, i) => Member.Simple(id, id.Value) with
        {
            Affiliations = declared.Contains(i) ? [new Affiliation($"slate {sim.TrueBloc[i] + 1}", null, null, null)] : [],
        }).ToImmutableArray();
        var meeting = new Meeting(new MeetingId("2024-01-01"), new DateOnly(2024, 1, 1), "Committee", null, null, []);
        var counts = sim.Matrix.ColumnCounts();
        var motions = sim.Motions.Select((id, j) =>
        {
            var (f, a, b) = counts[j];
            return new Motion(id, meeting.Id, id.Value, MotionKind.Other, new Tally(f, a, b),
                f > a ? Outcome.Passed : f < a ? Outcome.Defeated : Outcome.Tied, false, false, null, [],
                ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));
        }).ToImmutableArray();

        var positions = ImmutableArray.CreateBuilder<Position>();
        foreach (var i in Enumerable.Range(0, n))
        {
            var share = vocal.Contains(i) ? VocalShare : silent.Contains(i) ? 0 : QuietShare;
            var known = Enumerable.Range(0, m).Where(_ => rng.NextDouble() < share).ToList();
            if (silent.Contains(i)) known = [.. Enumerable.Range(0, m).OrderBy(_ => rng.Next()).Take(SilentKnown)];
            foreach (var j in known.Order())
                positions.Add(new Position(sim.Members[i], sim.Motions[j], sim.Matrix[i, j]!.Value, Basis.Self, null, null));
        }

        var groups = ImmutableArray.CreateBuilder<GroupPosition>();
        var k = sim.TrueBloc.Max() + 1;
        for (var j = 0; j < m; j++)
            for (var b = 0; b < k; b++)
            {
                if (rng.NextDouble() >= GroupStatementShare) continue;
                var slate = Enumerable.Range(0, n).Where(i => declared.Contains(i) && sim.TrueBloc[i] == b).ToList();
                if (slate.Count == 0) continue;
                // The statement reports the slate's majority among those who cast a vote; a member who broke
                // ranks or was absent is still named, as reporters do.
                var votes = slate.Select(i => sim.Matrix[i, j]!.Value).Where(v => v != Vote.Absent).ToList();
                if (votes.Count == 0) continue;
                var majority = votes.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                groups.Add(new GroupPosition($"slate {b + 1}", sim.Motions[j], majority, null, [.. slate.Select(i => sim.Members[i])], null));
            }

        var records = new RecordSet((Given is null ? "Synthetic committee " : "Roll call turned tally-only ") + Simulation.Seed.ToString(CultureInfo.InvariantCulture), null, [], members, [meeting], motions, positions.ToImmutable(), groups.ToImmutable());
        return (sim, records);
    }
}
