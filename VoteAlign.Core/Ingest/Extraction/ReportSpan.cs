namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Where one report sits in a file, and what its header says.</summary>
/// <param name="FirstLine">First line of the report (1-based).</param>
/// <param name="LastLine">Last line of its text (before a feed's "by … at …" line, comments or sidebars).</param>
/// <param name="BodyFirstLine">First line after the header (feed date, blog name, title).</param>
/// <param name="Title">The title, if any.</param>
/// <param name="TitleLine">Its line.</param>
/// <param name="HeaderLines">Every header line (blog name, title), for finding a named author.</param>
/// <param name="FeedAuthor">The name on a feed's "by NAME at DATE" line.</param>
/// <param name="FeedDate">The date on that line (or on the feed's day heading).</param>
/// <param name="Channel">The feed channel (blog) name the post appeared under.</param>
internal sealed record ReportSpan(
    int FirstLine,
    int LastLine,
    int BodyFirstLine,
    string? Title,
    int? TitleLine,
    IReadOnlyList<(int Line, string Text)> HeaderLines,
    string? FeedAuthor,
    DateOnly? FeedDate,
    string? Channel);
