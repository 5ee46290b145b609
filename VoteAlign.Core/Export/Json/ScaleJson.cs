using Newtonsoft.Json;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Json;

/// <summary>Writes <c>votealign scale --format json</c> (schema in docs/scale-json.md).</summary>
public static class ScaleJson
{
    /// <summary>Writes the scaling result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="data">The data it came from (for names).</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(ScaleResult result, Dataset data, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(writer);
        var names = data.Members.ToDictionary(m => m.Id, m => m.Name);
        var dto = new ScaleDto
        {
            Method = result.Method.ToString().ToLowerInvariant(),
            Dimensions = result.Dimensions,
            Note = result.Note,
            Explained = [.. result.Explained],
            Iterations = result.Iterations,
            Converged = result.Converged,
            Members = [.. result.Members.Select(p => new MemberDto { Member = p.Member.Value, Name = names[p.Member], Dim1 = p.Dim1, Dim2 = p.Dim2, Se1 = p.Se1, Votes = p.Votes })],
            Unplaced = [.. result.Unplaced.Select(u => new UnplacedDto { Member = u.Member.Value, Reason = u.Reason })],
        };
        JsonOutput.Write(dto, writer);
    }

    private sealed class ScaleDto
    {
        [JsonProperty("method")] public required string Method { get; init; }
        [JsonProperty("dimensions")] public int Dimensions { get; init; }
        [JsonProperty("note")] public required string Note { get; init; }
        [JsonProperty("explained")] public required List<double> Explained { get; init; }
        [JsonProperty("iterations")] public int Iterations { get; init; }
        [JsonProperty("converged")] public bool Converged { get; init; }
        [JsonProperty("members")] public required List<MemberDto> Members { get; init; }
        [JsonProperty("unplaced")] public required List<UnplacedDto> Unplaced { get; init; }
    }

    private sealed class MemberDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("name")] public required string Name { get; init; }
        [JsonProperty("dim1")] public double? Dim1 { get; init; }
        [JsonProperty("dim2")] public double? Dim2 { get; init; }
        [JsonProperty("se1")] public double? Se1 { get; init; }
        [JsonProperty("votes")] public int Votes { get; init; }
    }

    private sealed class UnplacedDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("reason")] public required string Reason { get; init; }
    }
}
