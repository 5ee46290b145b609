using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A report being read: its header facts and everything extracted from it.</summary>
internal sealed class ReportDraft
{
    public required string Id { get; set; }

    public required string Document { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    public required IReadOnlyList<Member> AuthorMembers { get; init; }

    public DateOnly? Published { get; init; }

    public string? Title { get; init; }

    public int? TitleLine { get; init; }

    public required MeetingRef Meeting { get; set; }

    public List<Sentence> Sentences { get; } = [];

    public List<MotionDraft> Motions { get; } = [];

    public List<PositionDraft> Positions { get; } = [];

    public List<GroupDraft> Groups { get; } = [];

    public List<PendingReference> Pending { get; } = [];

    public List<Rejected> Rejections { get; } = [];

    /// <summary>Whether reading stopped early because the report holds more facts than any meeting report.</summary>
    public bool Truncated { get; set; }

    /// <summary>The date group statements are resolved at: the meeting's, else the publication date.</summary>
    public DateOnly? GroupDate => Meeting.Date ?? Published;

    public string? AuthorText => Authors.Count switch
    {
        0 => null,
        1 => Authors[0],
        _ => string.Join(", ", Authors.Take(Authors.Count - 1)) + " and " + Authors[^1],
    };

    public Source SourceFor(Sentence s, string quote, Tally? tally = null) =>
        new(Id, AuthorText, Published, Document, s.Line, quote, tally);
}

/// <summary>A rejected candidate for the review.</summary>
/// <param name="Sentence">Where.</param>
/// <param name="What">What it looked like ("a vote count", "a position").</param>
/// <param name="Phrase">The words.</param>
/// <param name="Reason">Why it was rejected.</param>
internal sealed record Rejected(Sentence Sentence, string What, string Phrase, string Reason);

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

/// <summary>A member-level position read from one report.</summary>
internal sealed record PositionDraft(ReportDraft Report, MotionDraft Motion, Member Member, Vote Vote, Basis Basis, Confidence Confidence, Sentence Sentence, string How);

/// <summary>A group statement read from one report.</summary>
internal sealed record GroupDraft(ReportDraft Report, MotionDraft Motion, string Group, Vote Vote, int? Count, IReadOnlyList<MemberId> Members, Sentence Sentence, Confidence Confidence);

/// <summary>A stance whose motions are not in its own report ("I and the other … voted against the
/// proscriptions" in a report that gives no proscription votes): resolved against the whole meeting after merging.</summary>
internal sealed record PendingReference(ReportDraft Report, Stance Stance, MotionKind? Kind, string? Stem, int? Quantity, MeetingRef? Meeting, IReadOnlyList<(Member Member, Basis Basis)> Members, IReadOnlyList<string> Groups);
