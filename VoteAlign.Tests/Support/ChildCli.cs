using System.Diagnostics;

namespace VoteAlign.Tests.Support;

/// <summary>Runs <c>votealign</c> as a child process, as a user would, and measures it: exit code, output, wall
/// time and peak resident memory. The peak is the kernel's high-water mark (<c>VmHWM</c> in
/// <c>/proc/PID/status</c>), sampled every 20 ms while the child runs; the last sample before exit is the
/// largest, since the mark only rises. Where there is no /proc (not Linux), the peak is reported as null.</summary>
internal static class ChildCli
{
    public sealed record Result(int Code, string Out, string Err, TimeSpan Elapsed, long? PeakBytes);

    public static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "votealign.dll");

    public static Result Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long? peak = null;
        var status = $"/proc/{process.Id}/status";
        while (!process.WaitForExit(20))
            if (HighWaterMark(status) is { } hwm) peak = Math.Max(peak ?? 0, hwm);
        process.WaitForExit();
        clock.Stop();
        return new Result(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed, peak);
    }

    private static long? HighWaterMark(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
