namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>One text input to extract from.</summary>
/// <param name="Reader">The text; read to the end, not closed.</param>
/// <param name="DisplayName">The name used in sources and messages (usually the file name).</param>
public sealed record ReportInput(TextReader Reader, string DisplayName);
