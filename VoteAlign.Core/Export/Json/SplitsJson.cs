using System.Globalization;
using Newtonsoft.Json;
using VoteAlign.Core.Analysis.Splits;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Json;

/// <summary>Writes <c>votealign splits --format json</c>: the schema is docs/splits.schema.json.</summary>
public static class SplitsJson
{
    /// <summary>Writes the splits.</summary>
    /// <param name="splits">The motions' splits, in output order.</param>
    /// <param name="by">What the breakdowns are by (bloc, group, section or an attribute).</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(IReadOnlyList<MotionSplit> splits, string by, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(splits);
        ArgumentNullException.ThrowIfNull(writer);
        var dto = new Root
        {
            By = by,
            Motions = [.. splits.Select(s => new MotionDto
            {
                Id = s.Motion.Id.Value,
                Meeting = s.Motion.Meeting.Value,
                Date = s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Title = s.Motion.Title,
                Kind = ModelNames.Name(s.Motion.Kind),
                Tally = s.Motion.Tally is { } t ? TallyDto.Of(t) : null,
                Margin = s.Margin,
                Outcome = ModelNames.Name(s.Motion.Outcome),
                Unanimous = s.Motion.Unanimous,
                NemCon = s.Motion.NemCon,
                Sources = [.. s.Motion.Sources.Select(SourceDto.Of)],
                Conflicts = [.. s.Conflicts.Select(TallyDto.Of)],
                Blocs = [.. s.Blocs.Select(b => new BlocDto
                {
                    Bloc = b.Group, Members = b.Members, For = b.For, Against = b.Against, Abstain = b.Abstain, Absent = b.Absent, Unknown = b.Unknown,
                    Inferred = new InferredDto { For = b.InferredFor, Against = b.InferredAgainst, Abstain = b.InferredAbstain, Absent = b.InferredAbsent },
                })],
                Rebels = [.. s.Rebels.Select(r => new RebelDto { Member = r.Member.Value, Bloc = r.Group, Vote = ModelNames.Name(r.Vote), BlocMajority = ModelNames.Name(r.GroupMajority), Basis = ModelNames.Name(r.Basis) })],
                SwitchesToFlip = s.SwitchesToFlip,
                Pivotal = [.. s.Pivotal.Select(p => new PivotalDto { Member = p.Member.Value, Probability = p.Probability, Basis = ModelNames.Name(p.Basis) })],
                BlocLine = s.BlocLine,
            })],
        };
        JsonOutput.Write(dto, writer);
    }

    private sealed class Root
    {
        [JsonProperty("by")] public required string By { get; init; }
        [JsonProperty("motions")] public required List<MotionDto> Motions { get; init; }
    }

    private sealed class MotionDto
    {
        [JsonProperty("id")] public required string Id { get; init; }
        [JsonProperty("meeting")] public required string Meeting { get; init; }
        [JsonProperty("date")] public string? Date { get; init; }
        [JsonProperty("title")] public required string Title { get; init; }
        [JsonProperty("kind")] public required string Kind { get; init; }
        [JsonProperty("tally")] public TallyDto? Tally { get; init; }
        [JsonProperty("margin")] public int? Margin { get; init; }
        [JsonProperty("outcome")] public required string Outcome { get; init; }
        [JsonProperty("unanimous")] public bool Unanimous { get; init; }
        [JsonProperty("nemCon")] public bool NemCon { get; init; }
        [JsonProperty("sources")] public required List<SourceDto> Sources { get; init; }
        [JsonProperty("conflicts")] public required List<TallyDto> Conflicts { get; init; }
        [JsonProperty("blocs")] public required List<BlocDto> Blocs { get; init; }
        [JsonProperty("rebels")] public required List<RebelDto> Rebels { get; init; }
        [JsonProperty("switchesToFlip")] public int? SwitchesToFlip { get; init; }
        [JsonProperty("pivotal")] public required List<PivotalDto> Pivotal { get; init; }
        [JsonProperty("blocLine")] public double? BlocLine { get; init; }
    }

    private sealed class BlocDto
    {
        [JsonProperty("bloc")] public required string Bloc { get; init; }
        [JsonProperty("members")] public int Members { get; init; }
        [JsonProperty("for")] public int For { get; init; }
        [JsonProperty("against")] public int Against { get; init; }
        [JsonProperty("abstain")] public int Abstain { get; init; }
        [JsonProperty("absent")] public int Absent { get; init; }
        [JsonProperty("unknown")] public int Unknown { get; init; }
        [JsonProperty("inferred")] public required InferredDto Inferred { get; init; }
    }

    private sealed class InferredDto
    {
        [JsonProperty("for")] public int For { get; init; }
        [JsonProperty("against")] public int Against { get; init; }
        [JsonProperty("abstain")] public int Abstain { get; init; }
        [JsonProperty("absent")] public int Absent { get; init; }
    }

    private sealed class RebelDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("bloc")] public required string Bloc { get; init; }
        [JsonProperty("vote")] public required string Vote { get; init; }
        [JsonProperty("blocMajority")] public required string BlocMajority { get; init; }
        [JsonProperty("basis")] public required string Basis { get; init; }
    }

    private sealed class PivotalDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("probability")] public double Probability { get; init; }
        [JsonProperty("basis")] public required string Basis { get; init; }
    }
}
