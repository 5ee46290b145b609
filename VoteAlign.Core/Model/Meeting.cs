using System.Collections.Immutable;

namespace VoteAlign.Core.Model;

/// <summary>A meeting of the body (or of one of its committees).</summary>
/// <param name="Id">Stable id, usually the ISO date.</param>
/// <param name="Date">The date, if known.</param>
/// <param name="Body">Which body met: NEC, NEC Away Day, Organisation Committee, …</param>
/// <param name="Seats">Voting seats at this meeting, overriding the record set's, if known.</param>
/// <param name="Note">Free text, e.g. how the date was worked out.</param>
/// <param name="Sources">The reports of this meeting.</param>
public sealed record Meeting(MeetingId Id, DateOnly? Date, string? Body, int? Seats, string? Note, ImmutableArray<Source> Sources);
