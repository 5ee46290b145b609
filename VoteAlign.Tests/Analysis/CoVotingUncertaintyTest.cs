using VoteAlign.Core.Analysis.Graphs;
using VoteAlign.Core.Inference;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Analysis;

public class CoVotingUncertaintyTest
{
    [Test]
    public void Graph_OnReconstructedNec_EdgesCarryTheirInferredShareAndWeightRange()
    {
        using var reader = Core.Data.BundledData.OpenNec();
        var records = Core.Ingest.RecordFileReader.Read(reader, "nec").Records;
        var rebuilt = Reconstruction.Run(records, new ReconstructionOptions(BurnIn: 10, Samples: 20)).Records;
        var evidenceOnly = CoVotingGraph.Build(Dataset.FromRecords("nec", records), new GraphOptions()).Graph.Edges.ToList();
        var withInferred = CoVotingGraph.Build(Dataset.FromRecords("nec", rebuilt), new GraphOptions()).Graph.Edges.ToList();
        Assert.That(evidenceOnly.Select(e => e.Tag), Has.All.Matches<EdgeStats>(s => s.InferredShare == 0 && s.KnownShared == s.Shared && s.WeightLow == s.Weight && s.WeightHigh == s.Weight));
        Assert.That(withInferred.Count, Is.GreaterThan(evidenceOnly.Count), "inferred votes give pairs shared motions");
        foreach (var e in withInferred.Select(e => e.Tag))
        {
            Assert.That(e.KnownShared, Is.LessThanOrEqualTo(e.Shared));
            Assert.That(e.InferredShare, Is.EqualTo(1 - (double)e.KnownShared / e.Shared).Within(1e-12));
            Assert.That(e.WeightLow, Is.LessThanOrEqualTo(e.Weight));
            Assert.That(e.WeightHigh, Is.GreaterThanOrEqualTo(e.Weight));
            Assert.That(new[] { e.WeightLow, e.WeightHigh }, Has.All.InRange(0.0, 1.0));
        }

        Assert.That(withInferred.Any(e => e.Tag.WeightHigh - e.Tag.WeightLow > 0.05), Is.True, "a guess shows its spread");
    }
}
