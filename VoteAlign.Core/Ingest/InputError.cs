namespace VoteAlign.Core.Ingest;

/// <summary>One problem in user input: where it is and what is wrong.</summary>
/// <param name="File">The input's display name (usually its path).</param>
/// <param name="Line">1-based line, if known.</param>
/// <param name="Path">JSON path (<c>motions[3].tally.for</c>) or CSV column, if any.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
public sealed record InputError(string File, int? Line, string? Path, string Message)
{
    /// <summary><c>file:line: path: message</c>, leaving out the parts that are unknown.</summary>
    public override string ToString()
    {
        var where = Line is { } l ? $"{File}:{l}" : File;
        return Path is { Length: > 0 } p ? $"{where}: {p}: {Message}" : $"{where}: {Message}";
    }
}
