using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A stance whose motions are not in its own report ("I and the other … voted against the
/// proscriptions" in a report that gives no proscription votes): resolved against the whole meeting after merging.</summary>
internal sealed record PendingReference(ReportDraft Report, Stance Stance, MotionKind? Kind, string? Stem, int? Quantity, MeetingRef? Meeting, IReadOnlyList<(Member Member, Basis Basis)> Members, IReadOnlyList<string> Groups);
