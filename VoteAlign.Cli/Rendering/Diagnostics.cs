using VoteAlign.Core.Ingest;

namespace VoteAlign.Cli.Rendering;

/// <summary>Prints warnings to standard error.</summary>
internal static class Diagnostics
{
    public static void Warnings(TextWriter stderr, IEnumerable<InputError> warnings)
    {
        foreach (var w in warnings) stderr.WriteLine($"warning: {w}");
    }
}
