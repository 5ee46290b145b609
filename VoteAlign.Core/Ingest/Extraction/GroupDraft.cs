using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A group statement read from one report.</summary>
internal sealed record GroupDraft(ReportDraft Report, MotionDraft Motion, string Group, Vote Vote, int? Count, IReadOnlyList<MemberId> Members, Sentence Sentence, Confidence Confidence);
