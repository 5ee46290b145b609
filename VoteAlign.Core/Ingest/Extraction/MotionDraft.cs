using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A motion as read from one report, before merging.</summary>
internal sealed class MotionDraft
{
    public required ReportDraft Report { get; init; }

    public required Sentence Sentence { get; init; }

    public required string Title { get; set; }

    public MotionKind Kind { get; set; }

    public Tally? Tally { get; set; }

    public Outcome Outcome { get; set; }

    public bool Unanimous { get; set; }

    public bool NemCon { get; set; }

    public Confidence Confidence { get; set; }

    public required HashSet<string> Topic { get; init; }

    public List<(ReportDraft Report, Sentence Sentence, string Quote, Tally? Tally, Confidence Confidence, string How)> Sources { get; } = [];

    public ProposalIntro? Proposal { get; set; }

    public MeetingRef? MeetingOverride { get; set; }

    public int ClauseStart { get; init; }

    public bool FromStance { get; init; }

    public string? Note { get; set; }

    /// <summary>After merging: the motion this one was folded into.</summary>
    public MotionDraft? MergedInto { get; set; }

    /// <summary>After merging: the meeting key it belongs to.</summary>
    public string? MeetingKey { get; set; }

    public MotionDraft Root
    {
        get
        {
            var m = this;
            while (m.MergedInto is not null) m = m.MergedInto;
            return m;
        }
    }
}
