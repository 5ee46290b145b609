using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A member-level position read from one report.</summary>
internal sealed record PositionDraft(ReportDraft Report, MotionDraft Motion, Member Member, Vote Vote, Basis Basis, Confidence Confidence, Sentence Sentence, string How);
