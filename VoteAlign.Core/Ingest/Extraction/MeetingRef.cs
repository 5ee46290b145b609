namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>The meeting a report (or one sentence of it) speaks of, as precisely as the text fixes it.</summary>
/// <param name="Date">The day, when fixed.</param>
/// <param name="Year">The year, when at least the month is known.</param>
/// <param name="Month">The month, when at least that is known.</param>
/// <param name="FirstDay">For a span of days ("24/28 September"), the first day.</param>
/// <param name="LastDay">For a span of days, the last day.</param>
/// <param name="Body">The body that met: NEC, NEC Away Day, a committee.</param>
/// <param name="Evidence">The sentence or title the date was read from.</param>
/// <param name="EvidenceLine">Its line.</param>
/// <param name="Note">How the date was worked out, when it took more than reading it.</param>
internal sealed record MeetingRef(DateOnly? Date, int? Year, int? Month, int? FirstDay, int? LastDay, string Body, string? Evidence, int? EvidenceLine, string? Note)
{
    /// <summary>No date at all.</summary>
    public static MeetingRef Unknown(string body) => new(null, null, null, null, null, body, null, null, null);

    /// <summary>Whether <see cref="Body"/> is the full NEC (or its away day) rather than a committee or another body.</summary>
    public bool IsNec => Body is "NEC" or "NEC Away Day";
}
