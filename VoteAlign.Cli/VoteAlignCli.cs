using System.CommandLine;
using VoteAlign.Cli.Commands;
using VoteAlign.Core.Ingest;

namespace VoteAlign.Cli;

/// <summary>Builds the command tree and maps failures to exit codes: usage 2, bad input 3, anything else 1,
/// never with a stack trace.</summary>
internal static class VoteAlignCli
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("VoteAlign: factional-alignment analysis from recorded votes, tallies and attributed statements.");
        root.Subcommands.Add(AnalyzeCommand.Build());
        root.Subcommands.Add(ExtractCommand.Build());
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(ValidateCommand.Build());
        root.Subcommands.Add(BlocsCommand.Build());
        root.Subcommands.Add(ScaleCommand.Build());
        root.Subcommands.Add(SplitsCommand.Build());
        root.Subcommands.Add(ReconstructCommand.Build());
        root.Subcommands.Add(SimulateCommand.Build());
        root.Subcommands.Add(GraphCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"votealign: {e.Message}");
            stderr.WriteLine("Run 'votealign --help' (or 'votealign COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException ex)
        {
            foreach (var e in ex.Errors.Take(100)) stderr.WriteLine($"error: {e}");
            if (ex.Errors.Length > 100) stderr.WriteLine($"… and {ex.Errors.Length - 100} more errors.");
            return ExitCodes.BadInput;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"votealign: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"votealign: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"votealign: internal error ({ex.GetType().Name}): {ex.Message}");
            stderr.WriteLine("This is a bug in VoteAlign; please report it with the command you ran.");
            return ExitCodes.Failure;
        }
    }
}
