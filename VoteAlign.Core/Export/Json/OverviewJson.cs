using System.Globalization;
using Newtonsoft.Json;
using VoteAlign.Core.Analysis.Blocs;
using VoteAlign.Core.Analysis.Scaling;
using VoteAlign.Core.Analysis.Summary;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Json;

/// <summary>Writes <c>votealign analyze --format json</c> output (schema in docs/analyze-json.md).</summary>
public static class OverviewJson
{
    /// <summary>Writes the overview.</summary>
    /// <param name="overview">The overview.</param>
    /// <param name="data">The data the overview was built from.</param>
    /// <param name="warnings">Warnings from loading it.</param>
    /// <param name="blocs">The bloc analysis, if run.</param>
    /// <param name="scale">The scaling, if run.</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(Overview overview, Dataset data, IReadOnlyList<InputError> warnings, BlocReport? blocs, ScaleResult? scale, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(overview);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(writer);
        var names = data.Members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var s = overview.Summary;
        var dto = new AnalyzeDto
        {
            Summary = new SummaryDto
            {
                Body = s.Body,
                Members = s.Members,
                MembersWithPositions = s.MembersWithPositions,
                Meetings = s.Meetings,
                FirstMeeting = Iso(s.FirstMeeting),
                LastMeeting = Iso(s.LastMeeting),
                UndatedMeetings = s.UndatedMeetings,
                Motions = s.Motions,
                MotionsWithTally = s.MotionsWithTally,
                MotionsWithPartialTally = s.MotionsWithPartialTally,
                UnanimousMotions = s.UnanimousMotions,
                NemConMotions = s.NemConMotions,
                MotionsWithoutTally = s.MotionsWithoutTally,
                ConflictingMotions = s.ConflictingMotions,
                PositionsByBasis = s.PositionsByBasis.ToDictionary(b => ModelNames.Name(b.Basis), b => b.Count),
                GroupPositions = s.GroupPositions,
                Reports = s.Reports,
            },
            Warnings = [.. warnings.Select(w => new WarningDto { File = w.File, Line = w.Line, Path = w.Path, Message = w.Message })],
            TopPairs = [.. overview.TopPairs.Select(p => new PairDto
            {
                MemberA = p.A.Value, NameA = names[p.A], MemberB = p.B.Value, NameB = names[p.B],
                Shared = p.Agreement.Shared, Same = p.Agreement.Same, Agreement = p.Agreement.Value,
            })],
            ClosestVotes = [.. overview.ClosestVotes.Select(c => new CloseVoteDto
            {
                Motion = c.Motion.Id.Value, Meeting = c.Motion.Meeting.Value, Date = Iso(c.Date), Title = c.Motion.Title,
                Tally = TallyDto.Of(c.Motion.Tally!.Value), Margin = c.Margin, Outcome = ModelNames.Name(c.Motion.Outcome),
                Sources = [.. c.Motion.Sources.Select(SourceDto.Of)],
            })],
            Blocs = blocs is null ? null : new BlocSummaryDto
            {
                K = blocs.Result.K,
                Method = blocs.Result.Method.ToString().ToLowerInvariant(),
                KReason = blocs.Result.KReason,
                Assignments = [.. blocs.Result.Assignments.Select(a => new BlocAssignmentDto { Member = a.Member.Value, Bloc = a.Bloc, CastVotes = a.CastVotes })],
            },
            Scale = scale is null ? null : new ScaleSummaryDto
            {
                Method = scale.Method.ToString().ToLowerInvariant(),
                Members = [.. scale.Members.Select(p => new PlacementDto { Member = p.Member.Value, Dim1 = p.Dim1, Dim2 = p.Dim2, Se1 = p.Se1 })],
            },
        };
        JsonOutput.Write(dto, writer);
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class AnalyzeDto
    {
        [JsonProperty("summary")] public required SummaryDto Summary { get; init; }
        [JsonProperty("warnings")] public required List<WarningDto> Warnings { get; init; }
        [JsonProperty("topPairs")] public required List<PairDto> TopPairs { get; init; }
        [JsonProperty("closestVotes")] public required List<CloseVoteDto> ClosestVotes { get; init; }
        [JsonProperty("blocs")] public BlocSummaryDto? Blocs { get; init; }
        [JsonProperty("scale")] public ScaleSummaryDto? Scale { get; init; }
    }

    private sealed class BlocSummaryDto
    {
        [JsonProperty("k")] public int K { get; init; }
        [JsonProperty("method")] public required string Method { get; init; }
        [JsonProperty("kReason")] public required string KReason { get; init; }
        [JsonProperty("assignments")] public required List<BlocAssignmentDto> Assignments { get; init; }
    }

    private sealed class BlocAssignmentDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("bloc")] public int? Bloc { get; init; }
        [JsonProperty("castVotes")] public int CastVotes { get; init; }
    }

    private sealed class ScaleSummaryDto
    {
        [JsonProperty("method")] public required string Method { get; init; }
        [JsonProperty("members")] public required List<PlacementDto> Members { get; init; }
    }

    private sealed class PlacementDto
    {
        [JsonProperty("member")] public required string Member { get; init; }
        [JsonProperty("dim1")] public double? Dim1 { get; init; }
        [JsonProperty("dim2")] public double? Dim2 { get; init; }
        [JsonProperty("se1")] public double? Se1 { get; init; }
    }

    private sealed class SummaryDto
    {
        [JsonProperty("body")] public string? Body { get; init; }
        [JsonProperty("members")] public int Members { get; init; }
        [JsonProperty("membersWithPositions")] public int MembersWithPositions { get; init; }
        [JsonProperty("meetings")] public int Meetings { get; init; }
        [JsonProperty("firstMeeting")] public string? FirstMeeting { get; init; }
        [JsonProperty("lastMeeting")] public string? LastMeeting { get; init; }
        [JsonProperty("undatedMeetings")] public int UndatedMeetings { get; init; }
        [JsonProperty("motions")] public int Motions { get; init; }
        [JsonProperty("motionsWithTally")] public int MotionsWithTally { get; init; }
        [JsonProperty("motionsWithPartialTally")] public int MotionsWithPartialTally { get; init; }
        [JsonProperty("unanimousMotions")] public int UnanimousMotions { get; init; }
        [JsonProperty("nemConMotions")] public int NemConMotions { get; init; }
        [JsonProperty("motionsWithoutTally")] public int MotionsWithoutTally { get; init; }
        [JsonProperty("conflictingMotions")] public int ConflictingMotions { get; init; }
        [JsonProperty("positionsByBasis")] public required Dictionary<string, int> PositionsByBasis { get; init; }
        [JsonProperty("groupPositions")] public int GroupPositions { get; init; }
        [JsonProperty("reports")] public int Reports { get; init; }
    }

    private sealed class WarningDto
    {
        [JsonProperty("file")] public required string File { get; init; }
        [JsonProperty("line")] public int? Line { get; init; }
        [JsonProperty("path")] public string? Path { get; init; }
        [JsonProperty("message")] public required string Message { get; init; }
    }

    private sealed class PairDto
    {
        [JsonProperty("memberA")] public required string MemberA { get; init; }
        [JsonProperty("nameA")] public required string NameA { get; init; }
        [JsonProperty("memberB")] public required string MemberB { get; init; }
        [JsonProperty("nameB")] public required string NameB { get; init; }
        [JsonProperty("shared")] public int Shared { get; init; }
        [JsonProperty("same")] public int Same { get; init; }
        [JsonProperty("agreement")] public double? Agreement { get; init; }
    }

    private sealed class CloseVoteDto
    {
        [JsonProperty("motion")] public required string Motion { get; init; }
        [JsonProperty("meeting")] public required string Meeting { get; init; }
        [JsonProperty("date")] public string? Date { get; init; }
        [JsonProperty("title")] public required string Title { get; init; }
        [JsonProperty("tally")] public required TallyDto Tally { get; init; }
        [JsonProperty("margin")] public int Margin { get; init; }
        [JsonProperty("outcome")] public required string Outcome { get; init; }
        [JsonProperty("sources")] public required List<SourceDto> Sources { get; init; }
    }
}
