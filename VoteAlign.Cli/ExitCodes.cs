namespace VoteAlign.Cli;

/// <summary>Process exit codes, as documented in the README.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int BadInput = 3;
}
