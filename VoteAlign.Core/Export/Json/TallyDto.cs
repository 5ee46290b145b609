using Newtonsoft.Json;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Json;

/// <summary>A tally in JSON outputs: <c>{"for", "against", "abstain"}</c>, an unreported part as null.</summary>
internal sealed class TallyDto
{
    [JsonProperty("for")] public int? For { get; init; }

    [JsonProperty("against")] public int? Against { get; init; }

    [JsonProperty("abstain")] public int? Abstain { get; init; }

    public static TallyDto Of(Tally t) => new() { For = t.For, Against = t.Against, Abstain = t.Abstain };
}
