using Newtonsoft.Json;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Json;

/// <summary>A source in JSON outputs: report, author, line, quote, and the tally it gives.</summary>
internal sealed class SourceDto
{
    [JsonProperty("report")] public required string Report { get; init; }

    [JsonProperty("author")] public string? Author { get; init; }

    [JsonProperty("line")] public int? Line { get; init; }

    [JsonProperty("quote")] public required string Quote { get; init; }

    [JsonProperty("tally")] public TallyDto? Tally { get; init; }

    public static SourceDto Of(Source s) => new()
    {
        Report = s.Report, Author = s.Author, Line = s.Line, Quote = s.Quote, Tally = s.Tally is { } t ? TallyDto.Of(t) : null,
    };
}
