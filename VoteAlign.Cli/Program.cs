namespace VoteAlign.Cli;

/// <summary>The <c>votealign</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        Rendering.StageDisplay.ErrorIsTerminal = !Console.IsErrorRedirected;
        try
        {
            return VoteAlignCli.Run(args, stdout, stderr);
        }
        finally
        {
            stdout.Flush();
        }
    }
}
