using System.Collections.Immutable;
using System.Globalization;
using QuikGraph;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Graphs;

/// <summary>Builds the graph of co-signed or jointly attributed positions ("Along with A, B and C, I voted against
/// …"). A statement is one source sentence about one vote: positions (basis self, attributed or group) and group
/// statements that share the report, the line, the motion and the vote. Two members named in one statement are
/// linked once for it; the weight is the number of statements that name both. Inferred and forced positions are
/// not statements, and a position without a source cannot be placed in one.</summary>
public static class StatementGraph
{
    /// <summary>Builds the statement graph of <paramref name="records"/>.</summary>
    /// <param name="records">The records (positions and group statements with their sources).</param>
    public static StatementNetwork Build(RecordSet records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var roster = records.Members.Select(m => m.Id).ToHashSet();
        var statements = new SortedDictionary<(string Report, int Line, string Motion, Vote Vote), SortedSet<MemberId>>();
        void Add(Source? source, MotionId motion, Vote vote, MemberId member)
        {
            if (source is null || !roster.Contains(member)) return;
            var key = (source.Report, source.Line ?? 0, motion.Value, vote);
            if (!statements.TryGetValue(key, out var set)) statements[key] = set = [];
            set.Add(member);
        }

        foreach (var p in records.Positions)
            if (p.Basis is Basis.Self or Basis.Attributed or Basis.Group)
                Add(p.Source, p.Motion, p.Vote, p.Member);
        foreach (var g in records.GroupPositions)
            if (!g.Members.IsDefaultOrEmpty)
                foreach (var m in g.Members) Add(g.Source, g.Motion, g.Vote, m);

        var pairs = new SortedDictionary<(MemberId A, MemberId B), (int Count, HashSet<string> Motions, SortedSet<string> Sources)>();
        var appearances = new SortedDictionary<MemberId, int>();
        var joint = 0;
        foreach (var ((report, line, motion, _), members) in statements)
        {
            if (members.Count < 2) continue;
            joint++;
            var list = members.ToList();
            foreach (var m in list) appearances[m] = appearances.GetValueOrDefault(m) + 1;
            var where = line > 0 ? $"{report}:{line.ToString(CultureInfo.InvariantCulture)}" : report;
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (!pairs.TryGetValue((list[i], list[j]), out var entry)) entry = (0, [], new SortedSet<string>(StringComparer.Ordinal));
                    entry.Motions.Add(motion);
                    entry.Sources.Add(where);
                    pairs[(list[i], list[j])] = (entry.Count + 1, entry.Motions, entry.Sources);
                }
        }

        var graph = new UndirectedGraph<MemberId, TaggedUndirectedEdge<MemberId, StatementLink>>(allowParallelEdges: false);
        graph.AddVertexRange(roster.Order());
        // SortedSet<MemberId> orders ordinally (MemberId.CompareTo), so A < B as QuikGraph requires.
        foreach (var ((a, b), e) in pairs)
            graph.AddEdge(new TaggedUndirectedEdge<MemberId, StatementLink>(a, b, new StatementLink(e.Count, e.Motions.Count, [.. e.Sources])));
        return new StatementNetwork(graph, joint, appearances.ToImmutableSortedDictionary());
    }
}
