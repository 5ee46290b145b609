using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>How to extract.</summary>
/// <param name="Roster">A record set whose members (names, aliases, affiliations, terms) and seats names resolve
/// through. Its motions and positions are ignored. <c>null</c>: the members of the bundled NEC data set.</param>
/// <param name="Authors">Writers to credit every report with, instead of those found in the text.</param>
/// <param name="Published">Publication date to use for every report, instead of the one found in the text.
/// Relative dates ("on Tuesday", "yesterday") are resolved from it.</param>
public sealed record ExtractionOptions(RecordSet? Roster = null, IReadOnlyList<string>? Authors = null, DateOnly? Published = null);
