using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.Distributions;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Simulation;

/// <summary>Generates roll calls from a seeded spatial voting model with blocs, for testing methods against a
/// known truth (the approach of wnominate's <c>generateTestData</c>).</summary>
/// <remarks>Member i in bloc b has ideal point x_i = c_b + N(0, spread² I); bloc centres are evenly spaced on
/// [-1.5, 1.5] in 1-D and on an ellipse with radii 1.6 × 0.9 in 2-D. Motion j has discrimination
/// β_j ~ N(0, 1.5²) (second dimension × 0.6), difficulty α_j ~ N(0, 1), and a bloc shift γ_bj ~ N(0, whip²).
/// The utility difference is z_ij = β_j·x_i − α_j + γ_bj + ε_ij with standard normal (or logistic) ε;
/// the member votes for if z &gt; band, against if z &lt; −band, else abstains; then is absent with their own
/// propensity p_i ~ Beta(a, b). Bloc sizes are Dirichlet(3) shares of the members, at least two each, and
/// members of a bloc are interleaved. Random draws come from <see cref="System.Random"/> seeded with
/// <see cref="SimulationOptions.Seed"/>, so the same options give the same roll call on every run.</remarks>
public static class RollCallSimulator
{
    /// <summary>Generates a roll call.</summary>
    /// <param name="options">Model parameters.</param>
    /// <exception cref="ArgumentException">Sizes out of range.</exception>
    public static SimulatedRollCall Generate(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (n, m, k, dims) = (options.Members, options.Motions, options.Blocs, options.Dimensions);
        if (k < 1) throw new ArgumentException("At least one bloc.", nameof(options));
        if (n < 2 * k) throw new ArgumentException("At least two members per bloc.", nameof(options));
        if (m < 1) throw new ArgumentException("At least one motion.", nameof(options));
        if (dims is not (1 or 2)) throw new ArgumentException("One or two dimensions.", nameof(options));

        var rng = new Random(options.Seed);
        var bloc = BlocSizes(rng, n, k);
        var centres = Centres(rng, k, dims);
        var x = new double[n][];
        for (var i = 0; i < n; i++)
        {
            x[i] = new double[dims];
            for (var d = 0; d < dims; d++) x[i][d] = centres[bloc[i]][d] + Normal.Sample(rng, 0, options.Spread);
        }

        var absent = new double[n];
        for (var i = 0; i < n; i++) absent[i] = Beta.Sample(rng, options.AbsentA, options.AbsentB);

        var width = Math.Max(4, n.ToString(CultureInfo.InvariantCulture).Length);
        var vwidth = Math.Max(5, m.ToString(CultureInfo.InvariantCulture).Length);
        var members = Enumerable.Range(1, n).Select(i => new MemberId("M" + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'))).ToImmutableArray();
        var motions = Enumerable.Range(1, m).Select(j => new MotionId("V" + j.ToString(CultureInfo.InvariantCulture).PadLeft(vwidth, '0'))).ToImmutableArray();
        var builder = new VoteMatrix.Builder(members, motions);
        var parameters = ImmutableArray.CreateBuilder<(ImmutableArray<double>, double, ImmutableArray<double>)>(m);
        for (var j = 0; j < m; j++)
        {
            var beta = new double[dims];
            var gamma = new double[k];
            for (var d = 0; d < dims; d++) beta[d] = Normal.Sample(rng, 0, 1.5) * (d == 1 ? 0.6 : 1.0);
            var alpha = Normal.Sample(rng, 0, 1);
            for (var b = 0; b < k; b++) gamma[b] = Normal.Sample(rng, 0, options.Whip);
            parameters.Add(([.. beta], alpha, [.. gamma]));
            for (var i = 0; i < n; i++)
            {
                var z = -alpha + gamma[bloc[i]];
                for (var d = 0; d < dims; d++) z += beta[d] * x[i][d];
                z += options.Logit ? Logistic(rng) : Normal.Sample(rng, 0, 1);
                var vote = z > options.AbstainBand ? Vote.For : z < -options.AbstainBand ? Vote.Against : Vote.Abstain;
                if (rng.NextDouble() < absent[i]) vote = Vote.Absent;
                builder.Set(i, j, vote);
            }
        }

        return new SimulatedRollCall(members, motions, [.. bloc], [.. x.Select(p => p.ToImmutableArray())], builder.Build())
        {
            MotionParameters = parameters.MoveToImmutable(),
            AbsenceRates = [.. absent],
            Options = options,
        };
    }

    private static double Logistic(Random rng)
    {
        var u = rng.NextDouble();
        while (u <= 0 || u >= 1) u = rng.NextDouble();
        return Math.Log(u / (1 - u));
    }

    private static int[] BlocSizes(Random rng, int n, int k)
    {
        var shares = new double[k];
        for (var b = 0; b < k; b++) shares[b] = Gamma.Sample(rng, 3.0, 1.0);
        var total = shares.Sum();
        var sizes = shares.Select(s => Math.Max(2, (int)Math.Floor(s / total * n))).ToArray();
        while (sizes.Sum() > n) sizes[Array.IndexOf(sizes, sizes.Max())]--;
        while (sizes.Sum() < n) sizes[Array.IndexOf(sizes, sizes.Min())]++;
        var bloc = new int[n];
        var at = 0;
        for (var b = 0; b < k; b++)
            for (var s = 0; s < sizes[b]; s++) bloc[at++] = b;
        // Interleave: a seeded Fisher-Yates shuffle, so bloc members are not contiguous rows.
        for (var i = n - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (bloc[i], bloc[j]) = (bloc[j], bloc[i]);
        }

        return bloc;
    }

    private static double[][] Centres(Random rng, int k, int dims)
    {
        var centres = new double[k][];
        if (dims == 1)
        {
            for (var b = 0; b < k; b++) centres[b] = [k == 1 ? 0 : -1.5 + 3.0 * b / (k - 1)];
            return centres;
        }

        var offset = rng.NextDouble() * 2 * Math.PI / k;
        for (var b = 0; b < k; b++)
        {
            var angle = offset + 2 * Math.PI * b / k;
            centres[b] = [1.6 * Math.Cos(angle), 0.9 * Math.Sin(angle)];
        }

        return centres;
    }
}
