namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>One text input to extract from.</summary>
/// <param name="Reader">The text; read to the end, not closed.</param>
/// <param name="DisplayName">The name used in error messages (usually the path as given).</param>
/// <param name="Document">The name sources and the review cite (usually the file name); <c>null</c>: the display name.</param>
public sealed record ReportInput(TextReader Reader, string DisplayName, string? Document = null);
