using System.CommandLine;
using System.Globalization;
using VoteAlign.Cli.Io;
using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Export.Json;
using VoteAlign.Core.Export.Markdown;
using VoteAlign.Core.Ingest.Extraction;

namespace VoteAlign.Cli.Commands;

/// <summary><c>votealign extract REPORT… [-o records.json] [--review review.md] [--roster roster.json]
/// [--author NAME]… [--date YYYY-MM-DD]</c>: vote records from free-text reports.</summary>
internal static class ExtractCommand
{
    private sealed record Settings(IReadOnlyList<string> Reports, string? Output, string? Review, string? Roster, IReadOnlyList<string> Authors, string? Date);

    public static Command Build()
    {
        var reports = CommonOptions.InputFiles("REPORT", "Text reports (.txt): blog posts, articles, or an aggregated feed of posts ending \"by AUTHOR at DATE\".");
        var output = CommonOptions.Output(description: "Write the votealign/1 records to FILE (atomically) instead of standard output.");
        var review = new Option<string?>("--review") { Description = "Write a Markdown review of every fact and every rejected candidate to FILE (atomically).", HelpName = "FILE" };
        var roster = new Option<string?>("--roster") { Description = "A votealign/1 file whose members (names, aliases, declared groups) names resolve through. Default: the bundled NEC roster.", HelpName = "FILE" };
        var author = new Option<string[]>("--author") { Description = "Credit every report to this writer (repeat for several), instead of the writers found in the text.", HelpName = "NAME" };
        var date = new Option<string?>("--date") { Description = "Publication date of every report (YYYY-MM-DD), instead of the one found; relative dates are resolved from it.", HelpName = "DATE" };
        var command = new Command("extract", "Extract votes, tallies and positions from free-text meeting reports into a votealign/1 file.")
        {
            reports, output, review, roster, author, date,
        };
        command.SetAction(parse => Run(
            new Settings(parse.GetValue(reports) ?? [], parse.GetValue(output), parse.GetValue(review), parse.GetValue(roster), parse.GetValue(author) ?? [], parse.GetValue(date)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(Settings settings, TextWriter stdout, TextWriter stderr)
    {
        DateOnly? published = null;
        if (settings.Date is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new UsageException($"--date takes a date as YYYY-MM-DD, not '{text}'.");
            published = d;
        }

        var roster = settings.Roster is null ? null : InputLoader.Load(settings.Roster).Records;
        var options = new ExtractionOptions(roster, settings.Authors.Count > 0 ? settings.Authors : null, published);
        var result = InputLoader.Extract(settings.Reports, options);
        Diagnostics.Warnings(stderr, result.Warnings);
        if (settings.Review is { } reviewPath) AtomicFile.WriteText(reviewPath, w => ReviewWriter.Write(result, w));
        if (settings.Output is { } path) AtomicFile.WriteText(path, w => RecordFileWriter.Write(result.Records, w));
        else RecordFileWriter.Write(result.Records, stdout);
        var r = result.Records;
        stderr.WriteLine($"Extracted {r.Meetings.Length} meetings, {r.Motions.Length} motions ({r.Motions.Count(m => m.Tally is { For: not null, Against: not null })} with a count), " +
                         $"{r.Positions.Length} positions, {r.GroupPositions.Length} group statements from {r.Reports.Length} reports; {result.Warnings.Length} warnings.");
        return ExitCodes.Success;
    }
}
