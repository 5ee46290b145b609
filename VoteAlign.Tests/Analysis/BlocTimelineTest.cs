using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Windows;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Tests.Analysis;

public class BlocTimelineTest
{
    [Test]
    public void Windows_PlantedDefector_IsTheMoverFound()
    {
        // Two blocs over 600 motions; in the second half member D copies the votes of a member of the other bloc.
        var sim = RollCallSimulator.Generate(new SimulationOptions(60, 600, 2, 1, Seed: 21));
        var defector = Enumerable.Range(0, 60).First(i => sim.TrueBloc[i] == 0);
        var template = Enumerable.Range(0, 60).First(i => sim.TrueBloc[i] == 1);
        var positions = new List<Position>();
        for (var i = 0; i < 60; i++)
            for (var j = 0; j < 600; j++)
            {
                var source = i == defector && j >= 300 ? template : i;
                positions.Add(new Position(sim.Members[i], sim.Motions[j], sim.Matrix[source, j]!.Value, Basis.Recorded, null, null));
            }

        var matrix = VoteMatrix.FromPositions(sim.Members, sim.Motions, positions);
        var motions = sim.Motions.Select(id => new Motion(id, new MeetingId("undated"), id.Value, MotionKind.Other, null, Outcome.Unknown, false, false, null, [],
            ImmutableSortedDictionary<string, string>.Empty)).ToImmutableArray();
        var data = new Dataset("planted", [.. sim.Members.Select(m => Member.Simple(m, m.Value))], [], motions, matrix, null);
        var timeline = BlocTimeline.Run(TimeWindows.Split(data, "300"), new BlocOptions(K: 2));
        Assert.That(timeline.Windows, Has.Length.EqualTo(2));
        Assert.That(timeline.Moves.Select(m => m.Member), Is.EqualTo(new[] { sim.Members[defector] }));
    }

    [Test]
    public void Windows_YearWithoutDates_IsAClearError()
    {
        var sim = RollCallSimulator.Generate(new SimulationOptions(10, 20, 2, 1, Seed: 2));
        var data = new Dataset("undated", [.. sim.Members.Select(m => Member.Simple(m, m.Value))], [], [], sim.Matrix, null);
        var ex = Assert.Throws<Core.Ingest.InputException>(() => TimeWindows.Split(data, "year"));
        Assert.That(ex!.Errors[0].Message, Does.Contain("needs meeting dates"));
    }
}
