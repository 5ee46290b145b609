using System.Collections.Immutable;
using System.Globalization;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Blocs;

/// <summary>Finds voting blocs: who votes with whom, by agreement on the motions both cast a vote on.</summary>
public static class BlocAnalysis
{
    /// <summary>Runs a bloc analysis on a vote matrix.</summary>
    /// <param name="matrix">The votes (known cells only count).</param>
    /// <param name="options">Method, k, thresholds and seeds.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static BlocResult Run(VoteMatrix matrix, BlocOptions options) => Run(matrix, options, null);

    /// <summary>Runs a bloc analysis with a given agreement matrix, e.g. expected agreement over a reconstruction
    /// (<see cref="AgreementMatrix.FromProbabilities"/>); <paramref name="matrix"/> then supplies the vote counts
    /// behind the merge evidence (use the reconstruction's most-likely matrix).</summary>
    /// <param name="matrix">The votes.</param>
    /// <param name="options">Method, k, thresholds and seeds.</param>
    /// <param name="agreement">Pairwise agreement to cluster on, or null to compute it from <paramref name="matrix"/>.</param>
    public static BlocResult Run(VoteMatrix matrix, BlocOptions options, AgreementMatrix? agreement)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        if (options.K is < 1) throw new ArgumentException("k must be at least 1.", nameof(options));
        if (options.MaxK < 2) throw new ArgumentException("The largest k must be at least 2.", nameof(options));
        if (options.MinShared < 1 || options.MinVotes < 1) throw new ArgumentException("Minimums must be at least 1.", nameof(options));
        if (options.Resolution <= 0) throw new ArgumentException("The resolution must be positive.", nameof(options));

        if (agreement is null)
        {
            options.Progress?.Report("agreement");
            agreement = AgreementMatrix.Compute(matrix, options.Threads);
        }

        options.Progress?.Report("blocs");
        var (rows, unassigned) = SelectMembers(matrix, agreement, options);
        var distance = DistanceMatrix.From(agreement, rows, options.MinShared);
        var clustering = new BlocClustering(matrix, rows, distance, options);
        var labels = clustering.Cluster(options.K, out var reason);
        var k = labels.Length == 0 ? 0 : labels.Max() + 1;
        options.Progress?.Report("choice of k");
        var candidates = rows.Length > 3 ? Candidates(clustering, distance, options) : [];
        if (options.K is null && k > 0)
        {
            var chosen = candidates.FirstOrDefault(c => c.K == k);
            if (chosen is not null)
                reason += $"; at k = {k}: silhouette {F(chosen.Silhouette)}, eigengap {F(chosen.Eigengap)}, modularity {F(chosen.Modularity)}";
        }

        if (options.Bootstrap > 0 && k > 1) options.Progress?.Report("bootstrap");
        double[]? stability = options.Bootstrap > 0 && k > 1 ? Stability(matrix, rows, labels, k, options) : null;
        if (options.Permutations > 0 && k > 1) options.Progress?.Report("permutation test");
        var permutation = options.Permutations > 0 && k > 1 ? Permute(matrix, rows, labels, distance, k, options) : null;

        var local = new Dictionary<int, int>();
        for (var i = 0; i < rows.Length; i++) local[rows[i]] = i;
        var assignments = ImmutableArray.CreateBuilder<BlocAssignment>(matrix.MemberCount);
        for (var r = 0; r < matrix.MemberCount; r++)
        {
            var knownPairs = local.ContainsKey(r) ? rows.Count(o => o != r && agreement.SharedAt(r, o) >= options.MinShared) : 0;
            assignments.Add(local.TryGetValue(r, out var i)
                ? new BlocAssignment(matrix.Members[r], labels[i] + 1, stability?[i], matrix.CastCount(r), knownPairs)
                : new BlocAssignment(matrix.Members[r], null, null, matrix.CastCount(r), 0));
        }

        return new BlocResult(options.Method, k, options.K is null, reason, assignments.ToImmutable(), candidates,
            [.. unassigned.Select(u => (matrix.Members[u.Row], u.Reason))], permutation, stability is null ? 0 : options.Bootstrap);
    }

    /// <summary>Members with enough evidence to place: at least the minimum votes cast, and a known agreement with
    /// at least one other placed member. The rest are listed with the reason.</summary>
    private static (int[] Rows, List<(int Row, string Reason)> Unassigned) SelectMembers(VoteMatrix matrix, AgreementMatrix agreement, BlocOptions o)
    {
        var unassigned = new List<(int, string)>();
        var keep = new List<int>();
        for (var r = 0; r < matrix.MemberCount; r++)
        {
            var cast = matrix.CastCount(r);
            if (cast < o.MinVotes) unassigned.Add((r, cast == 0 ? "no known vote" : $"only {cast} known vote{(cast == 1 ? "" : "s")} (minimum {o.MinVotes})"));
            else keep.Add(r);
        }

        // Dropping a member can leave another without any known pair, so repeat until stable.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var r in keep.ToList())
            {
                if (keep.Any(o2 => o2 != r && agreement.SharedAt(r, o2) >= o.MinShared)) continue;
                keep.Remove(r);
                unassigned.Add((r, $"shares {o.MinShared} or more known votes with no other member"));
                changed = true;
            }
        }

        unassigned.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return ([.. keep], unassigned);
    }

    private static ImmutableArray<KCandidate> Candidates(BlocClustering clustering, DistanceMatrix distance, BlocOptions o)
    {
        var n = clustering.Count;
        var graph = clustering.AffinityGraph();
        var tree = o.Method == BlocMethod.Hierarchical ? AverageLinkage.Build(distance) : null;
        var top = Math.Min(o.MaxK, n - 1);
        var embedding = clustering.Embedding; // computed once, before the candidates are scored in parallel
        var list = new KCandidate[Math.Max(0, top - 1)];
        // Each k is scored on its own (k-means seeded alike for every k), so the order they run in does not matter.
        Parallel.For(2, top + 1, new ParallelOptions { MaxDegreeOfParallelism = o.Threads }, k =>
        {
            var labels = tree is not null ? tree.Cut(k) : clustering.SpectralAt(k);
            list[k - 2] = new KCandidate(k, Silhouette.Mean(distance, labels), embedding.Gap(k), Modularity.Of(graph, labels));
        });
        return [.. list];
    }

    private static double[] Stability(VoteMatrix matrix, int[] rows, int[] labels, int k, BlocOptions o)
    {
        var n = rows.Length;
        var stays = new int[n];
        var rng = new Random(o.Seed);
        var fixedK = o with { K = k, Bootstrap = 0, Permutations = 0 };
        for (var r = 0; r < o.Bootstrap; r++)
        {
            var columns = Enumerable.Range(0, matrix.MotionCount).Select(_ => rng.Next(matrix.MotionCount)).ToArray();
            var resampled = matrix.SelectColumns(columns);
            var agreement = AgreementMatrix.Compute(resampled, o.Threads);
            var distance = DistanceMatrix.From(agreement, rows, o.MinShared);
            var again = new BlocClustering(resampled, rows, distance, fixedK with { Seed = o.Seed + r + 1 }).Cluster(k, out _);
            // Each bloc's core in the resample: the resampled cluster holding most of its members.
            for (var b = 0; b < k; b++)
            {
                var members = Enumerable.Range(0, n).Where(i => labels[i] == b).ToList();
                var core = members.GroupBy(i => again[i]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                foreach (var i in members)
                    if (again[i] == core) stays[i]++;
            }
        }

        return [.. stays.Select(s => (double)s / o.Bootstrap)];
    }

    private static PermutationTest Permute(VoteMatrix matrix, int[] rows, int[] labels, DistanceMatrix distance, int k, BlocOptions o)
    {
        var observed = Silhouette.Mean(distance, labels);
        var rng = new Random(o.Seed ^ 0x5eed);
        var fixedK = o with { K = k, Bootstrap = 0, Permutations = 0 };
        var atLeast = 0;
        double sum = 0;
        for (var p = 0; p < o.Permutations; p++)
        {
            var shuffled = matrix.ShuffleColumns(rows, rng);
            var agreement = AgreementMatrix.Compute(shuffled, o.Threads);
            var d = DistanceMatrix.From(agreement, rows, o.MinShared);
            var l = new BlocClustering(shuffled, rows, d, fixedK).Cluster(k, out _);
            var s = Silhouette.Mean(d, l);
            sum += s;
            if (s >= observed) atLeast++;
        }

        return new PermutationTest("mean silhouette", observed, sum / o.Permutations, o.Permutations, (1.0 + atLeast) / (1.0 + o.Permutations));
    }

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
