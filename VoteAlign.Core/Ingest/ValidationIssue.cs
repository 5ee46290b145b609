namespace VoteAlign.Core.Ingest;

/// <summary>A rule a record set breaks, located by JSON path.</summary>
/// <param name="Path">Newtonsoft-style JSON path, e.g. <c>motions[3].tally</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="IsError"><c>true</c>: the set is unusable; <c>false</c>: a warning worth a look.</param>
public sealed record ValidationIssue(string Path, string Message, bool IsError);
