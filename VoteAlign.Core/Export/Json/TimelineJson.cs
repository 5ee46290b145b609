using System.Globalization;
using Newtonsoft.Json;
using VoteAlign.Core.Analysis.Windows;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Json;

/// <summary>Writes <c>votealign blocs --window … --format json</c> (schema in docs/blocs-json.md).</summary>
public static class TimelineJson
{
    /// <summary>Writes the timeline.</summary>
    /// <param name="timeline">Blocs per window.</param>
    /// <param name="data">The data (for names).</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(BlocTimeline timeline, Dataset data, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(writer);
        var dto = new TimelineDto
        {
            Windows = [.. timeline.Windows.Select(w => new WindowDto
            {
                Label = w.Window.Label,
                From = w.Window.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                To = w.Window.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Motions = w.Window.Data.Motions.Length,
                K = w.Blocs.K,
                KReason = w.Blocs.KReason,
                Assignments = [.. w.Blocs.Assignments.Select(a => new AssignmentDto { Member = a.Member.Value, Bloc = a.Bloc, CastVotes = a.CastVotes })],
            })],
            Moves = [.. timeline.Moves.Select(m => new MoveDto { Member = m.Member.Value, FromWindow = m.FromWindow, ToWindow = m.ToWindow, FromBloc = m.FromBloc, ToBloc = m.ToBloc })],
        };
        JsonOutput.Write(dto, writer);
    }

    private sealed class TimelineDto
    {
        [JsonProperty("windows")] public required List<WindowDto> Windows { get; init; }
        [JsonProperty("moves")] public required List<MoveDto> Moves { get; init; }
    }

    private sealed class WindowDto
    {
        [JsonProperty("label")] public required string Label { get; init; }
        [JsonProperty("from")] public string? From { get; init; }
        [JsonProperty("to")] public string? To { get; init; }
        [JsonProperty("motions")] public int Motions { get; init; }
        [JsonProperty("k")] public int K { get; init; }
        [JsonProperty("kReason")] public required string KReason { get; init; }
        [JsonProperty("assignments")] public required List<AssignmentDto> Assignments { get; init; }
    }

    private sealed class AssignmentDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("bloc")] public int? Bloc { get; init; }
        [JsonProperty("castVotes")] public int CastVotes { get; init; }
    }

    private sealed class MoveDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("fromWindow")] public required string FromWindow { get; init; }
        [JsonProperty("toWindow")] public required string ToWindow { get; init; }
        [JsonProperty("fromBloc")] public int FromBloc { get; init; }
        [JsonProperty("toBloc")] public int ToBloc { get; init; }
    }
}
