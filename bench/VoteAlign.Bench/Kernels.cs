using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Export.Graphs;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Internal;
using VoteAlign.Core.Model;
using VoteAlign.Core.Simulation;

namespace VoteAlign.Bench;

/// <summary>The kernels of a whole run, on the benchmark's generated chambers (the peer's shapes, generated in
/// process by <see cref="RollCallSimulator"/> with the same model): reading the long CSV, all-pairs agreement, the top
/// eigenpairs (Lanczos against the full decomposition), blocs with k chosen, MDS, and writing GraphML.</summary>
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class Kernels
{
    private VoteMatrix _matrix = null!;
    private AgreementMatrix _agreement = null!;
    private string _csv = "";
    private double[] _affinity = [];
    private Dataset _data = null!;
    private GraphDocument _graph = null!;

    [Params("house", "ep")]
    public string Size { get; set; } = "house";

    [GlobalSetup]
    public void Setup()
    {
        var sim = RollCallSimulator.Generate(SimulationOptions.Preset(Size)!);
        _matrix = sim.Matrix;
        _agreement = AgreementMatrix.Compute(_matrix);
        var sb = new StringBuilder("member,motion,vote\n");
        string[] words = ["yea", "nay", "abstain", "absent"];
        for (var j = 0; j < _matrix.MotionCount; j++)
            for (var i = 0; i < _matrix.MemberCount; i++)
                sb.Append(_matrix.Members[i].Value).Append(',').Append(_matrix.Motions[j].Value).Append(',').Append(words[(int)_matrix[i, j]!.Value]).Append('\n');
        _csv = sb.ToString();
        var n = _matrix.MemberCount;
        _affinity = new double[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++) _affinity[a * n + b] = _agreement.ValueAt(a, b) ?? 0;
        _data = RollCallCsvReader.Read(new StringReader(_csv), "votes.csv").ToDataset();
        _graph = GraphDocuments.CoVoting(CoVotingGraph.Build(_data, new GraphOptions(10, 0.5, false, new BlocOptions(), IdealPoints: false)), _data);
    }

    [Benchmark(Description = "read long CSV")]
    public VoteMatrix ReadCsv() => RollCallCsvReader.Read(new StringReader(_csv), "votes.csv").Matrix;

    [Benchmark(Description = "agreement, all pairs")]
    public AgreementMatrix Agreement() => AgreementMatrix.Compute(_matrix);

    [Benchmark(Description = "top 25 eigenpairs, Lanczos")]
    public double[] EigenLanczos() => SymmetricEigen.Largest(_affinity, _matrix.MemberCount, 25).Values;

    [Benchmark(Description = "top 25 eigenpairs, full Evd")]
    public double[] EigenDense() => SymmetricEigen.Dense(_affinity, _matrix.MemberCount, 25).Values;

    [Benchmark(Description = "blocs, k chosen")]
    public int Blocs() => BlocAnalysis.Run(_matrix, new BlocOptions(), _agreement).K;

    [Benchmark(Description = "MDS 2-D")]
    public ScaleResult Mds() => MemberScaling.Run(_matrix, new ScaleOptions(ScaleMethod.Mds, 2), _agreement);

    [Benchmark(Description = "GraphML write")]
    public long GraphML()
    {
        using var sink = new CountingSink();
        GraphMLWriter.Write(_graph, sink);
        return sink.Length;
    }

    private sealed class CountingSink : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
