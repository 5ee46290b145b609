using Newtonsoft.Json;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Cohesion;

namespace VoteAlign.Core.Export.Json;

/// <summary>Writes <c>votealign blocs --format json</c> (schema in docs/blocs-json.md).</summary>
public static class BlocJson
{
    /// <summary>Writes the report.</summary>
    /// <param name="report">The bloc report.</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(BlocReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var r = report.Result;
        var names = report.Data.Members.ToDictionary(m => m.Id, m => m.Name);
        var dto = new BlocsDto
        {
            K = r.K,
            Method = r.Method.ToString().ToLowerInvariant(),
            KChosen = r.KChosen,
            KReason = r.KReason,
            Evidence = new EvidenceDto { CellsKnown = report.CellsKnown, CellsTotal = report.CellsTotal, CellsInferred = report.InferredCells, EvidenceShare = report.EvidenceShare, InferredShare = 1 - report.EvidenceShare },
            Assignments = [.. r.Assignments.Select(a => new AssignmentDto
            {
                Member = a.Member.Value, Name = names[a.Member], Bloc = a.Bloc, Stability = a.Stability, CastVotes = a.CastVotes, KnownPairs = a.KnownPairs,
            })],
            Blocs = [.. Enumerable.Range(1, r.K).Select(b => new BlocDto
            {
                Bloc = b,
                Members = [.. r.Assignments.Where(a => a.Bloc == b).Select(a => a.Member.Value)],
                Cohesion = CohesionDto.Of(report.BlocCohesion.FirstOrDefault(c => c.Group == b.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            })],
            Unassigned = [.. r.Unassigned.Select(u => new UnassignedDto { Member = u.Member.Value, Reason = u.Reason })],
            Candidates = [.. r.Candidates.Select(c => new CandidateDto { K = c.K, Silhouette = c.Silhouette, Eigengap = c.Eigengap, Modularity = c.Modularity })],
            Permutation = r.Permutation is { } p ? new PermutationDto { Statistic = p.Statistic, Observed = p.Observed, NullMean = p.NullMean, Permutations = p.Permutations, PValue = p.PValue } : null,
            Declared = report.By is null ? null : new DeclaredDto
            {
                By = report.By,
                AdjustedRandIndex = report.AdjustedRand,
                CrossTable = report.CrossTable?.ToDictionary(e => e.Key, e => e.Value.ToDictionary(x => x.Key, x => x.Value)),
                Cohesion = [.. report.DeclaredCohesion.Select(c => CohesionDto.Of(c)!)],
            },
        };
        JsonOutput.Write(dto, writer);
    }

    private sealed class BlocsDto
    {
        [JsonProperty("k")] public int K { get; init; }
        [JsonProperty("method")] public required string Method { get; init; }
        [JsonProperty("kChosen")] public bool KChosen { get; init; }
        [JsonProperty("kReason")] public required string KReason { get; init; }
        [JsonProperty("evidence")] public required EvidenceDto Evidence { get; init; }
        [JsonProperty("assignments")] public required List<AssignmentDto> Assignments { get; init; }
        [JsonProperty("blocs")] public required List<BlocDto> Blocs { get; init; }
        [JsonProperty("unassigned")] public required List<UnassignedDto> Unassigned { get; init; }
        [JsonProperty("candidates")] public required List<CandidateDto> Candidates { get; init; }
        [JsonProperty("permutation")] public PermutationDto? Permutation { get; init; }
        [JsonProperty("declared")] public DeclaredDto? Declared { get; init; }
    }

    private sealed class EvidenceDto
    {
        [JsonProperty("cellsKnown")] public long CellsKnown { get; init; }
        [JsonProperty("cellsTotal")] public long CellsTotal { get; init; }
        [JsonProperty("cellsInferred")] public long CellsInferred { get; init; }
        [JsonProperty("evidenceShare")] public double EvidenceShare { get; init; }
        [JsonProperty("inferredShare")] public double InferredShare { get; init; }
    }

    private sealed class AssignmentDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("name")] public required string Name { get; init; }
        [JsonProperty("bloc")] public int? Bloc { get; init; }
        [JsonProperty("stability")] public double? Stability { get; init; }
        [JsonProperty("castVotes")] public int CastVotes { get; init; }
        [JsonProperty("knownPairs")] public int KnownPairs { get; init; }
    }

    private sealed class BlocDto
    {
        [JsonProperty("bloc")] public int Bloc { get; init; }
        [JsonProperty("members")] public required List<string> Members { get; init; }
        [JsonProperty("cohesion")] public CohesionDto? Cohesion { get; init; }
    }

    private sealed class CohesionDto
    {
        [JsonProperty("group")] public required string Group { get; init; }
        [JsonProperty("members")] public int Members { get; init; }
        [JsonProperty("motions")] public int Motions { get; init; }
        [JsonProperty("rice")] public double? Rice { get; init; }
        [JsonProperty("agreementIndex")] public double? AgreementIndex { get; init; }

        public static CohesionDto? Of(CohesionScore? c) => c is null ? null : new CohesionDto
        {
            Group = c.Group, Members = c.Members, Motions = c.Motions, Rice = c.Rice, AgreementIndex = c.AgreementIndex,
        };
    }

    private sealed class UnassignedDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("reason")] public required string Reason { get; init; }
    }

    private sealed class CandidateDto
    {
        [JsonProperty("k")] public int K { get; init; }
        [JsonProperty("silhouette")] public double Silhouette { get; init; }
        [JsonProperty("eigengap")] public double Eigengap { get; init; }
        [JsonProperty("modularity")] public double Modularity { get; init; }
    }

    private sealed class PermutationDto
    {
        [JsonProperty("statistic")] public required string Statistic { get; init; }
        [JsonProperty("observed")] public double Observed { get; init; }
        [JsonProperty("nullMean")] public double NullMean { get; init; }
        [JsonProperty("permutations")] public int Permutations { get; init; }
        [JsonProperty("pValue")] public double PValue { get; init; }
    }

    private sealed class DeclaredDto
    {
        [JsonProperty("by")] public required string By { get; init; }
        [JsonProperty("adjustedRandIndex")] public double? AdjustedRandIndex { get; init; }
        [JsonProperty("crossTable")] public Dictionary<string, Dictionary<string, int>>? CrossTable { get; init; }
        [JsonProperty("cohesion")] public required List<CohesionDto> Cohesion { get; init; }
    }
}
