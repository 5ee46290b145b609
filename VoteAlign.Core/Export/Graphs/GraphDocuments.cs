using System.Collections.Immutable;
using System.Globalization;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Cohesion;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>Turns the graphs of Analysis/Graphs into <see cref="GraphDocument"/>s: the attributes every format
/// writes, with their types and meanings (docs/graph.md lists them).</summary>
public static class GraphDocuments
{
    /// <summary>Layout coordinates are MDS coordinates scaled so the member farthest out on either axis sits at
    /// this many pixels from the centre.</summary>
    public const double LayoutRadius = 500;

    /// <summary>Colour of a node with no bloc.</summary>
    public const string Unassigned = "#c8c8c8";

    // Twelve distinguishable fills; bloc b takes Palette[(b - 1) % 12].
    private static readonly string[] Palette =
    [
        "#3b6fb6", "#d1453b", "#3f9a4b", "#e08a1e", "#8a5bb0", "#2aa5a5",
        "#c9a227", "#d16ba5", "#7a5c3e", "#5f6b7a", "#9bc53d", "#1b3a6b",
    ];

    private static readonly string[] BuiltInNodeKeys =
        ["id", "color", "windowBloc", "label", "member", "section", "bloc", "stability", "castVotes", "x", "y", "ideal", "group", "groups", "statements", "kind", "bipartite", "motion", "date", "outcome", "title"];

    /// <summary>The fill colour of bloc <paramref name="bloc"/> (1-based), or <see cref="Unassigned"/>.</summary>
    /// <param name="bloc">A bloc number, or null.</param>
    public static string BlocColor(int? bloc) => bloc is { } b && b >= 1 ? Palette[(b - 1) % Palette.Length] : Unassigned;

    /// <summary>The co-voting graph as a document.</summary>
    /// <param name="graph">The graph and what was computed for its nodes.</param>
    /// <param name="data">The data it was built from (names, sections, groups, attributes).</param>
    /// <param name="windows">Per time window: the window's label and dates, its graph, and its blocs aligned across
    /// windows; empty for a static graph.</param>
    public static GraphDocument CoVoting(CoVoting graph, Dataset data, IReadOnlyList<(string Label, DateOnly? From, DateOnly? To, CoVoting Graph, BlocResult? Blocs)>? windows = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(data);
        var slices = windows is null ? [] : windows.Select(w => new GraphSlice(w.Label, w.From, w.To, CoVotingEdges(w.Graph),
            (w.Blocs?.Assignments.Where(a => a.Bloc is not null).ToImmutableSortedDictionary(a => GraphText.NodeId(a.Member.Value), a => a.Bloc!.Value, StringComparer.Ordinal))
            ?? ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal))).ToImmutableArray();
        return CoVotingDocument(graph.Graph.Vertices, graph.Options, graph.Blocs, graph.Layout, graph.Ideal, graph.ContestedMotions, data, CoVotingEdges(graph), slices);
    }

    /// <summary>The co-voting graph as a document whose edges are left out (<see cref="GraphDocument.Edges"/> is
    /// empty), and the edges apart, computed from the pairwise agreement each time they are enumerated, in the order
    /// <see cref="CoVoting(Analysis.Graphs.CoVoting, Dataset, IReadOnlyList{ValueTuple{string, DateOnly?, DateOnly?, Analysis.Graphs.CoVoting, BlocResult?}}?)"/>
    /// gives them: the writers' <c>edges</c> overloads then write the same bytes without holding the edges.</summary>
    /// <param name="pairs">The pairwise agreement and what was computed for the nodes.</param>
    /// <param name="data">The data it was built from.</param>
    internal static (GraphDocument Document, GraphEdgeStream Edges) CoVoting(CoVotingPairs pairs, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(data);
        pairs.ComputeNodes();
        var matrix = pairs.Matrix;
        var ids = matrix.Members.Select(m => GraphText.NodeId(m.Value)).ToArray();
        // The document's edges are sorted by (source, target) node id, ordinal, each with the smaller id first: with
        // the rows in that order, the pairs (x < y) come out sorted already.
        var order = Enumerable.Range(0, matrix.MemberCount).OrderBy(i => ids[i], StringComparer.Ordinal).ThenBy(i => matrix.Members[i]).ToArray();
        var edges = pairs.Edges(order).Select(e => new GraphEdge(ids[e.A], ids[e.B], e.Stats.Weight, CoVotingValues(e.Stats)));
        var numbers = new NumericEdges(ids, () => new CoVotingReader(pairs.Edges(order).GetEnumerator()));
        var document = CoVotingDocument(matrix.Members, pairs.Options, pairs.Blocs, pairs.Layout, pairs.Ideal, pairs.ContestedMotions, data, [], []);
        return (document, new GraphEdgeStream(pairs.EdgeCount(), edges, numbers));
    }

    private static GraphDocument CoVotingDocument(IEnumerable<MemberId> vertices, GraphOptions o, BlocResult? blocs, ScaleResult? mds, ScaleResult? idealPoints,
        int contestedMotions, Dataset data, ImmutableArray<GraphEdge> edges, ImmutableArray<GraphSlice> slices)
    {
        var members = data.Members.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        var row = Enumerable.Range(0, data.Matrix.MemberCount).ToDictionary(i => data.Matrix.Members[i]);
        var attributes = AttributeKeys(data.Members);
        var nodeKeys = ImmutableArray.CreateBuilder<GraphKey>();
        nodeKeys.AddRange(
            new GraphKey("label", GraphValueType.String, "The member's name."),
            new GraphKey("member", GraphValueType.String, "The member's id in the input."),
            new GraphKey("section", GraphValueType.String, "The seat's section (CLP, trade union, …), where known."),
            new GraphKey("bloc", GraphValueType.Int, "Voting bloc (1-based) from the default bloc analysis; absent for a member left unassigned."),
            new GraphKey("stability", GraphValueType.Double, "Share of bootstrap resamples in which the member stayed with their bloc's core, in [0, 1]; only with --bootstrap."),
            new GraphKey("castVotes", GraphValueType.Int, "Votes the member is known to have cast (for, against, abstain)."),
            new GraphKey("x", GraphValueType.Double, $"Layout x in pixels: MDS dimension 1 scaled so the farthest member is {LayoutRadius} from the centre; absent when unplaced."),
            new GraphKey("y", GraphValueType.Double, "Layout y in pixels: MDS dimension 2, same scale; absent when unplaced."),
            new GraphKey("ideal", GraphValueType.Double, "1-D ideal point (logistic IRT, mean 0, sd 1); absent when unplaced."),
            new GraphKey("group", GraphValueType.String, "The member's declared group (the earliest, as blocs --by group uses); absent when none."),
            new GraphKey("groups", GraphValueType.String, "Every declared group of the member, '; '-separated, ordinal order; absent when none."));
        nodeKeys.AddRange(attributes.Select(a => new GraphKey(a.Key, GraphValueType.String, $"Member attribute '{a.Attribute}' from the input.")));

        var blocOf = blocs?.Assignments.ToDictionary(a => a.Member) ?? [];
        var layout = Layout(mds);
        var ideal = idealPoints?.Members.Where(p => p.Dim1 is not null).ToDictionary(p => p.Member, p => p.Dim1!.Value) ?? [];
        var nodes = vertices.Order().Select(v =>
        {
            var m = members[v];
            var a = blocOf.GetValueOrDefault(v);
            var (x, y) = layout.TryGetValue(v, out var p) ? p : (null as double?, null as double?);
            var values = new List<object?>
            {
                m.Name, v.Value, m.Section, a?.Bloc, a?.Stability, data.Matrix.CastCount(row[v]), x, y,
                ideal.TryGetValue(v, out var id) ? id : null, Group(m), Groups(m),
            };
            values.AddRange(attributes.Select(k => (object?)m.Attributes.GetValueOrDefault(k.Attribute)));
            return new GraphNode(GraphText.NodeId(v.Value), m.Name, [.. values], x, y, blocs is null ? null : BlocColor(a?.Bloc));
        }).OrderBy(n => n.Id, StringComparer.Ordinal).ToImmutableArray();

        var description = $"Co-voting graph of {data.Name}: an edge for each pair with at least {o.MinShared} shared cast vote{(o.MinShared == 1 ? "" : "s")} and agreement ≥ {F(o.Threshold)}"
            + (o.Signed ? $", and an opposition edge (sign -1, weight 1 - agreement) for each pair with agreement < {F(1 - o.Threshold)}" : "")
            + $"; {contestedMotions} of {data.Matrix.MotionCount} motions contested. Every vote is evidence (no inferred votes), so weightLow = weightHigh = weight and knownShared = shared.";
        return new GraphDocument("covote", description, nodeKeys.ToImmutable(), CoVotingEdgeKeys, nodes, edges, slices);
    }

    /// <summary>The statement graph as a document.</summary>
    /// <param name="network">The statement graph.</param>
    /// <param name="data">The data (names, sections, groups, attributes).</param>
    public static GraphDocument Statements(StatementNetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        var members = data.Members.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        var attributes = AttributeKeys(data.Members);
        var nodeKeys = ImmutableArray.CreateBuilder<GraphKey>();
        nodeKeys.AddRange(
            new GraphKey("label", GraphValueType.String, "The member's name."),
            new GraphKey("member", GraphValueType.String, "The member's id in the input."),
            new GraphKey("section", GraphValueType.String, "The seat's section, where known."),
            new GraphKey("statements", GraphValueType.Int, "Joint statements (two or more members named together) that name the member."),
            new GraphKey("group", GraphValueType.String, "The member's declared group (the earliest); absent when none."),
            new GraphKey("groups", GraphValueType.String, "Every declared group of the member, '; '-separated; absent when none."));
        nodeKeys.AddRange(attributes.Select(a => new GraphKey(a.Key, GraphValueType.String, $"Member attribute '{a.Attribute}' from the input.")));
        var nodes = network.Graph.Vertices.OrderBy(v => v).Select(v =>
        {
            var m = members[v];
            var values = new List<object?> { m.Name, v.Value, m.Section, network.Appearances.GetValueOrDefault(v), Group(m), Groups(m) };
            values.AddRange(attributes.Select(k => (object?)m.Attributes.GetValueOrDefault(k.Attribute)));
            return new GraphNode(GraphText.NodeId(v.Value), m.Name, [.. values], null, null, null);
        }).OrderBy(n => n.Id, StringComparer.Ordinal).ToImmutableArray();
        ImmutableArray<GraphKey> edgeKeys =
        [
            new("weight", GraphValueType.Double, "Statements that name both members."),
            new("statements", GraphValueType.Int, "Statements that name both members (same as weight)."),
            new("motions", GraphValueType.Int, "Distinct motions those statements are about."),
            new("sources", GraphValueType.String, "The statements, as report:line, '; '-separated."),
        ];
        var edges = network.Graph.Edges.Select(e => Edge(e.Source, e.Target, e.Tag.Statements,
                [(double)e.Tag.Statements, e.Tag.Statements, e.Tag.Motions, string.Join("; ", e.Tag.Sources)]))
            .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal).ToImmutableArray();
        var description = $"Statement graph of {data.Name}: members linked when one source (same report, line, motion and vote) names them together; weight = number of such statements ({network.Statements} joint statements found).";
        return new GraphDocument("statements", description, nodeKeys.ToImmutable(), edgeKeys, nodes, edges, []);
    }

    /// <summary>The bipartite member–motion graph: one node per member and per motion, an edge for each known cast
    /// vote (for, against, abstain) with its value.</summary>
    /// <param name="data">The data (its evidence matrix).</param>
    public static GraphDocument Bipartite(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var matrix = data.Matrix;
        var members = data.Members.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        var motions = data.Motions.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        var dates = data.Meetings.Where(m => m.Date is not null).DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Date!.Value);
        ImmutableArray<GraphKey> nodeKeys =
        [
            new("label", GraphValueType.String, "A member's name, or a motion's title."),
            new("kind", GraphValueType.String, "member or motion."),
            new("bipartite", GraphValueType.Int, "0 for members, 1 for motions (networkx's convention)."),
            new("member", GraphValueType.String, "Members: the id in the input."),
            new("section", GraphValueType.String, "Members: the seat's section, where known."),
            new("motion", GraphValueType.String, "Motions: the id in the input."),
            new("date", GraphValueType.String, "Motions: the meeting date (YYYY-MM-DD), where known."),
            new("outcome", GraphValueType.String, "Motions: passed, defeated, tied or unknown."),
        ];
        var nodes = new List<GraphNode>();
        for (var i = 0; i < matrix.MemberCount; i++)
        {
            var m = members[matrix.Members[i]];
            nodes.Add(new GraphNode(MemberNode(m.Id), m.Name, [m.Name, "member", 0, m.Id.Value, m.Section, null, null, null], null, null, null));
        }

        for (var j = 0; j < matrix.MotionCount; j++)
        {
            var id = matrix.Motions[j];
            var motion = motions.GetValueOrDefault(id);
            var title = motion?.Title ?? id.Value;
            string? date = motion is not null && dates.TryGetValue(motion.Meeting, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            nodes.Add(new GraphNode(MotionNode(id), title, [title, "motion", 1, null, null, id.Value, date, motion is null ? null : ModelNames.Name(motion.Outcome)], null, null, null));
        }

        ImmutableArray<GraphKey> edgeKeys =
        [
            new("weight", GraphValueType.Double, "1 for every cast vote."),
            new("vote", GraphValueType.String, "for, against or abstain."),
            new("sign", GraphValueType.Int, "+1 for, -1 against, 0 abstain."),
        ];
        var edges = new List<GraphEdge>();
        for (var i = 0; i < matrix.MemberCount; i++)
            for (var j = 0; j < matrix.MotionCount; j++)
                if (matrix[i, j] is { } v and not Vote.Absent)
                    edges.Add(new GraphEdge(MemberNode(matrix.Members[i]), MotionNode(matrix.Motions[j]), 1.0,
                        [1.0, ModelNames.Name(v), v == Vote.For ? 1 : v == Vote.Against ? -1 : 0]));
        var description = $"Bipartite member-motion graph of {data.Name}: an edge for each known cast vote (evidence only); absent and unknown cells have no edge.";
        return new GraphDocument("bipartite", description, nodeKeys, edgeKeys,
            [.. nodes.OrderBy(n => n.Id, StringComparer.Ordinal)],
            [.. edges.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)], []);
    }

    /// <summary>The node id of a member in the bipartite graph (<c>member:</c> and the id, as <see cref="GraphText.NodeId"/>).</summary>
    /// <param name="member">The member.</param>
    public static string MemberNode(MemberId member) => GraphText.NodeId("member:" + member.Value);

    /// <summary>The node id of a motion in the bipartite graph (<c>motion:</c> and the id, as <see cref="GraphText.NodeId"/>).</summary>
    /// <param name="motion">The motion.</param>
    public static string MotionNode(MotionId motion) => GraphText.NodeId("motion:" + motion.Value);

    private static readonly ImmutableArray<GraphKey> CoVotingEdgeKeys =
    [
        new("weight", GraphValueType.Double, "Agreement for an agreement edge, 1 - agreement for an opposition edge; in [0, 1]."),
        new("sign", GraphValueType.Int, "+1 agreement edge, -1 opposition edge (--signed)."),
        new("agreement", GraphValueType.Double, "Share of the shared motions on which both voted alike (abstain counts as a vote, absent does not)."),
        new("shared", GraphValueType.Int, "Motions both members cast a vote on."),
        new("same", GraphValueType.Int, "Of those, motions on which they voted alike."),
        new("contestedShared", GraphValueType.Int, "Shared motions that were contested (not unanimous)."),
        new("contestedAgreement", GraphValueType.Double, "Agreement on contested motions only; absent when they share none."),
        new("knownShared", GraphValueType.Int, "Shared motions on which both votes are evidence (equal to shared until reconstruction adds inferred votes)."),
        new("inferredShare", GraphValueType.Double, "Share of shared motions resting on an inferred vote (0 until reconstruction adds inferred votes)."),
        new("weightLow", GraphValueType.Double, "Lowest weight consistent with the reconstruction's uncertainty (equal to weight while every vote is evidence)."),
        new("weightHigh", GraphValueType.Double, "Highest weight consistent with the reconstruction's uncertainty (equal to weight while every vote is evidence)."),
    ];

    private static ImmutableArray<GraphEdge> CoVotingEdges(CoVoting graph) =>
    [
        .. graph.Graph.Edges.Select(e => Edge(e.Source, e.Target, e.Tag.Weight, CoVotingValues(e.Tag)))
            .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal),
    ];

    /// <summary>A co-voting edge's values, in the order of the edge keys (<see cref="CoVotingCells"/>, boxed).</summary>
    private static ImmutableArray<object?> CoVotingValues(EdgeStats s)
    {
        var keys = CoVotingEdgeKeys.Length;
        var values = new double[keys];
        var kinds = new EdgeValueKind[keys];
        CoVotingCells(s, values, kinds, 0);
        var boxed = new object?[keys];
        for (var k = 0; k < keys; k++)
            boxed[k] = kinds[k] switch { EdgeValueKind.Int => (int)values[k], EdgeValueKind.Double => values[k], _ => null };
        return [.. boxed];
    }

    /// <summary>A co-voting edge's values into the cells from <paramref name="at"/> on, in the order of the edge keys:
    /// the one place that says which value goes under which key.</summary>
    private static void CoVotingCells(EdgeStats s, double[] values, EdgeValueKind[] kinds, int at)
    {
        var k = at;
        void Put(double value, EdgeValueKind kind)
        {
            values[k] = value;
            kinds[k++] = kind;
        }

        Put(s.Weight, EdgeValueKind.Double);
        Put(s.Sign, EdgeValueKind.Int);
        Put(s.Agreement, EdgeValueKind.Double);
        Put(s.Shared, EdgeValueKind.Int);
        Put(s.Same, EdgeValueKind.Int);
        Put(s.ContestedShared, EdgeValueKind.Int);
        Put(s.ContestedAgreement ?? 0, s.ContestedAgreement is null ? EdgeValueKind.None : EdgeValueKind.Double);
        Put(s.KnownShared, EdgeValueKind.Int);
        Put(s.InferredShare, EdgeValueKind.Double);
        Put(s.WeightLow, EdgeValueKind.Double);
        Put(s.WeightHigh, EdgeValueKind.Double);
    }

    /// <summary>Co-voting edges from the pairs, as numbers, a block at a time.</summary>
    private sealed class CoVotingReader(IEnumerator<(int A, int B, EdgeStats Stats)> pairs) : INumericEdgeReader
    {
        public bool Read(EdgeBlock block)
        {
            var n = 0;
            while (n < block.Capacity && pairs.MoveNext())
            {
                var (a, b, stats) = pairs.Current;
                block.Source[n] = a;
                block.Target[n] = b;
                CoVotingCells(stats, block.Values, block.Kinds, n * block.Keys);
                n++;
            }

            block.Count = n;
            return n > 0;
        }
    }

    /// <summary>An edge between two members' nodes, endpoints in ordinal order of their node ids.</summary>
    private static GraphEdge Edge(MemberId a, MemberId b, double weight, ImmutableArray<object?> values)
    {
        var (s, t) = (GraphText.NodeId(a.Value), GraphText.NodeId(b.Value));
        return string.CompareOrdinal(s, t) <= 0 ? new GraphEdge(s, t, weight, values) : new GraphEdge(t, s, weight, values);
    }

    private static Dictionary<MemberId, (double? X, double? Y)> Layout(ScaleResult? mds)
    {
        if (mds is null) return [];
        var placed = mds.Members.Where(p => p.Dim1 is not null).ToList();
        var extent = placed.Select(p => Math.Max(Math.Abs(p.Dim1!.Value), Math.Abs(p.Dim2 ?? 0))).DefaultIfEmpty(0).Max();
        var scale = extent > 0 ? LayoutRadius / extent : 0;
        return placed.ToDictionary(p => p.Member, p => ((double?)Math.Round(p.Dim1!.Value * scale, 3) + 0.0, (double?)Math.Round((p.Dim2 ?? 0) * scale, 3) + 0.0));
    }

    /// <summary>Member attributes as node keys: the attribute's own name when it is free, else <c>attr.NAME</c>.</summary>
    private static List<(string Key, string Attribute)> AttributeKeys(IEnumerable<Member> members) =>
    [
        .. members.SelectMany(m => m.Attributes.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(a => (BuiltInNodeKeys.Contains(a) ? "attr." + a : a, a)),
    ];

    private static string? Group(Member m) => DeclaredGrouping.Labels([m], "group")[0];

    private static string? Groups(Member m) =>
        m.Affiliations.IsDefaultOrEmpty ? null : string.Join("; ", m.Affiliations.Select(a => a.Group).Distinct().Order(StringComparer.Ordinal));

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
