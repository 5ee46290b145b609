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

    /// <summary>The line of the sentence at which reading stopped because the report already held more facts
    /// than any meeting report; <c>null</c> if it was read to the end.</summary>
    public int? TruncatedAt { get; set; }

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
