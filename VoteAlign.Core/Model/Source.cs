namespace VoteAlign.Core.Model;

/// <summary>Where a fact came from, so any number can be traced to the sentence it rests on.</summary>
/// <param name="Report">The report id.</param>
/// <param name="Author">Who wrote it, if known.</param>
/// <param name="Published">When it was published, if known.</param>
/// <param name="Document">The file it was read from, if known.</param>
/// <param name="Line">The 1-based line in <paramref name="Document"/>, if known.</param>
/// <param name="Quote">The verbatim sentence or clause.</param>
/// <param name="Tally">On a motion's source: the figures this source gives (may differ from another source's).</param>
public sealed record Source(
    string Report,
    string? Author,
    DateOnly? Published,
    string? Document,
    int? Line,
    string Quote,
    Tally? Tally = null);
