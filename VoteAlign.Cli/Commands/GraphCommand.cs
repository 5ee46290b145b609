using System.CommandLine;
using System.Globalization;
using VoteAlign.Cli.Io;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Analysis.Windows;
using VoteAlign.Core.Export.Graphs;
using VoteAlign.Core.Export.Interop;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign graph [INPUT] -o FILE [--format …] [--kind …] …</c>: the co-voting graph (or the statement
/// graph, or the member–motion graph) for Gephi, Cytoscape, yEd, networkx, igraph and Graphviz, and the vote matrix for
/// pscl, wnominate and oc.</summary>
internal static class GraphCommand
{
    private static readonly string[] Formats = ["graphml", "dot", "gexf", "json", "csv", "ord"];

    public static Command Build()
    {
        var input = CommonOptions.InputFile("INPUT", "A votealign/1 file (.json) or roll-call CSV (.csv). Leave out for the bundled NEC data set.", optional: true);
        var members = new Option<string?>("--members") { Description = "members.csv for a roll-call CSV input (extra columns become node attributes).", HelpName = "FILE" };
        var motions = new Option<string?>("--motions") { Description = "motions.csv for a roll-call CSV input.", HelpName = "FILE" };
        var output = CommonOptions.Output(required: true, description: "The file to write (atomically).");
        var format = new Option<string?>("--format", "-f") { Description = "graphml, dot, gexf or json (a graph); csv or ord (the vote matrix, for pscl/wnominate/oc). Default: from the extension of -o, else graphml.", HelpName = string.Join("|", Formats) };
        format.AcceptOnlyFromAmong(Formats);
        var kind = new Option<string?>("--kind") { Description = "covote (default): members linked by agreement; statements: members named together in one attributed statement; bipartite: members linked to the motions they cast a vote on.", HelpName = "covote|statements|bipartite" };
        kind.AcceptOnlyFromAmong("covote", "statements", "bipartite");
        var minShared = new Option<int>("--min-shared") { Description = "An edge needs at least N shared cast votes (pairs with fewer have unknown agreement, for blocs and layout too).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var threshold = new Option<double>("--threshold") { Description = "An edge needs agreement >= X (0 to 1).", DefaultValueFactory = _ => 0.5, HelpName = "X" };
        var signed = new Option<bool>("--signed") { Description = "Add opposition edges (sign -1, weight 1 - agreement) for pairs with agreement < 1 - threshold; needs --threshold >= 0.5." };
        var window = new Option<string?>("--window") { Description = "GEXF only: one time interval per window, year (calendar years), term (between roster changes) or N (runs of N motions).", HelpName = "year|term|N" };
        var method = CommonOptions.BlocMethod("Bloc method for the bloc attribute.");
        var k = new Option<string>("--k") { Description = "Number of blocs, or auto.", DefaultValueFactory = _ => "auto", HelpName = "N|auto" };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Resample the motions N times for each member's bloc stability (the stability attribute).", DefaultValueFactory = _ => 0, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed for every random choice.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var matrix = new Option<string?>("--matrix") { Description = "csv and ord: evidence (default; known votes only) or likely (evidence, then the most likely value of inferred positions).", HelpName = "evidence|likely" };
        matrix.AcceptOnlyFromAmong("evidence", "likely");
        var ideal = new Option<string>("--ideal") { Description = $"Fit the 1-D logistic ideal points for the ideal node attribute: on, off, or auto (on up to {IdealAutoLimit:N0} cast votes; the fit is the slowest stage on a large chamber).", DefaultValueFactory = _ => "auto", HelpName = "auto|on|off" };
        ideal.AcceptOnlyFromAmong("auto", "on", "off");
        var threads = new Option<int>("--threads") { Description = "Threads for the pairwise stage (-1: all cores).", DefaultValueFactory = _ => -1, HelpName = "N" };
        var quiet = CommonOptions.Quiet();
        var timings = CommonOptions.Timings();
        var command = new Command("graph", "Export the co-voting graph (GraphML, GEXF, DOT, JSON), the statement or member-motion graph, or the vote matrix (CSV, Poole .ord).")
        {
            input, members, motions, output, format, kind, minShared, threshold, signed, window, method, k, bootstrap, seed, matrix, ideal, threads, quiet, timings,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            var fmt = parse.GetValue(format) ?? FormatOf(path);
            var kindName = parse.GetValue(kind);
            var spec = parse.GetValue(window);
            var kValue = CommonOptions.ParseK(parse.GetValue(k)!);
            var options = new GraphOptions(parse.GetValue(minShared), parse.GetValue(threshold), parse.GetValue(signed),
                new BlocOptions(CommonOptions.ParseBlocMethod(parse.GetValue(method)!), kValue, Seed: parse.GetValue(seed), Bootstrap: parse.GetValue(bootstrap)),
                Threads: parse.GetValue(threads));
            if (options.MinShared < 1) throw new UsageException("--min-shared is at least 1.");
            if (options.Threshold is < 0 or > 1 || double.IsNaN(options.Threshold)) throw new UsageException("--threshold is between 0 and 1.");
            if (options.Signed && options.Threshold < 0.5) throw new UsageException("--signed needs --threshold >= 0.5, so that no pair is both an agreement and an opposition edge.");
            if (parse.GetValue(bootstrap) < 0 || options.Threads is 0 or < -1) throw new UsageException("--bootstrap >= 0, --threads >= 1 or -1.");
            var matrixOnly = fmt is "csv" or "ord";
            if (matrixOnly && kindName is not (null or "covote")) throw new UsageException($"--format {fmt} writes the vote matrix, not a graph: leave out --kind.");
            if (!matrixOnly && parse.GetValue(matrix) is not null) throw new UsageException("--matrix goes with --format csv or ord.");
            if (spec is not null)
            {
                if (fmt != "gexf" || kindName is not (null or "covote")) throw new UsageException("--window writes time intervals, which only GEXF holds: use --format gexf (and the covote kind).");
                if (spec is not ("year" or "term") && !(int.TryParse(spec, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 2))
                    throw new UsageException($"--window is year, term or a number of motions >= 2, not '{spec}'.");
            }

            using var display = StageDisplay.Create(parse.InvocationConfiguration.Error, parse.GetValue(quiet), parse.GetValue(timings));
            options = options with { Progress = display };
            var (data, warnings) = InputLoader.LoadDataset(parse.GetValue(input), parse.GetValue(members), parse.GetValue(motions), display);
            Diagnostics.Warnings(parse.InvocationConfiguration.Error, warnings);
            var stdout = parse.InvocationConfiguration.Output;
            if (matrixOnly)
            {
                var which = parse.GetValue(matrix) == "likely" ? RollCallMatrix.MostLikely : RollCallMatrix.Evidence;
                var m = RollCallMatrices.Of(data, which);
                AtomicFile.WriteText(path, w =>
                {
                    if (fmt == "csv") RollCallCsv.Write(data, m, w);
                    else OrdWriter.Write(data, m, w);
                });
                stdout.WriteLine($"{fmt}: {m.MemberCount} members x {m.MotionCount} motions ({(which == RollCallMatrix.Evidence ? "evidence only" : "most likely")}) -> {path}");
                return ExitCodes.Success;
            }

            GraphDocument doc;
            GraphEdgeStream? edges = null;
            switch (kindName ?? "covote")
            {
                case "statements":
                    if (data.Records is null) throw new UsageException("--kind statements needs a votealign/1 file: a roll-call CSV has no attributed statements.");
                    doc = GraphDocuments.Statements(StatementGraph.Build(data.Records), data);
                    break;
                case "bipartite":
                    doc = GraphDocuments.Bipartite(data);
                    break;
                default:
                    var idealMode = parse.GetValue(ideal);
                    var castVotes = Enumerable.Range(0, data.Matrix.MemberCount).Sum(r => (long)data.Matrix.CastCount(r));
                    var fitIdeal = idealMode == "on" || (idealMode == "auto" && castVotes <= IdealAutoLimit);
                    if (!fitIdeal && idealMode == "auto")
                        parse.InvocationConfiguration.Error.WriteLine($"note: ideal points not fitted ({castVotes:N0} cast votes, over {IdealAutoLimit:N0}); --ideal on fits them.");
                    if (spec is null)
                    {
                        // The edges are made as they are written, never all held (a large chamber has ~170,000).
                        var pairs = CoVotingGraph.Analyse(data, options with { IdealPoints = fitIdeal });
                        display.Report("document");
                        (doc, edges) = GraphDocuments.CoVoting(pairs, data);
                        break;
                    }

                    var graph = CoVotingGraph.Build(data, options with { IdealPoints = fitIdeal });
                    var windows = TimeWindows.Split(data, spec);
                    var timeline = BlocTimeline.Run(windows, options.Blocs! with { MinShared = options.MinShared, Threads = options.Threads, Bootstrap = 0 });
                    var slices = windows.Select((w, i) => (w.Label, w.From, w.To, CoVotingGraph.Build(w.Data, options with { Blocs = null, Layout = false }), (BlocResult?)timeline.Windows[i].Blocs)).ToList();
                    display.Report("document");
                    doc = GraphDocuments.CoVoting(graph, data, slices);
                    break;
            }

            display.Report("write");
            edges ??= GraphEdgeStream.Of(doc);
            switch (fmt)
            {
                case "gexf": AtomicFile.Write(path, s => GexfWriter.Write(doc, edges, s)); break;
                case "dot": AtomicFile.WriteText(path, w => DotWriter.Write(doc, edges, w)); break;
                case "json": AtomicFile.WriteText(path, w => GraphJsonWriter.Write(doc, edges, w)); break;
                default: AtomicFile.Write(path, s => GraphMLWriter.Write(doc, edges, s)); break;
            }

            var windowsNote = doc.Slices.IsDefaultOrEmpty ? "" : $", {doc.Slices.Length} windows";
            stdout.WriteLine($"{fmt}: {doc.Kind} graph, {doc.Nodes.Length} nodes, {edges.Count} edges{windowsNote} -> {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Cast votes up to which <c>--ideal auto</c> fits the ideal points (a few seconds at most).</summary>
    private const long IdealAutoLimit = 2_000_000;

    private static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".gexf" => "gexf",
        ".dot" or ".gv" => "dot",
        ".json" => "json",
        ".csv" => "csv",
        ".ord" => "ord",
        _ => "graphml",
    };
}
