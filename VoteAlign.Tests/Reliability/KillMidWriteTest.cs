using System.Diagnostics;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Reliability;

/// <summary>Outputs are written atomically: killing the process while it writes leaves an existing output exactly as it was.</summary>
public class KillMidWriteTest
{
    private static string Cli => Path.Combine(TestContext.CurrentContext.TestDirectory, "votealign.dll");

    [TestCase(0, TestName = "KillMidWrite_AsSoonAsTheWriteStarts_LeavesTheOutputUntouched")]
    [TestCase(150, TestName = "KillMidWrite_WellIntoTheWrite_LeavesTheOutputUntouched")]
    public void Simulate_KilledWhileWriting_LeavesTheExistingOutputUntouched(int afterMs)
    {
        using var temp = new TempDir();
        var output = temp.File("votes.csv");
        const string precious = "member,motion,vote\nkeep,me,yea\n";
        File.WriteAllText(output, precious);
        // 12 million rows: the write takes long enough to be interrupted.
        using var process = Process.Start(new ProcessStartInfo("dotnet", [Cli, "simulate", "-n", "600", "-m", "20000", "-k", "4", "--seed", "2", "-o", output, "--members-out", temp.File("members.csv")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        // The temporary file beside the target exists only while the output is being written: wait for it.
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && Directory.GetFiles(temp.Path, ".votes.csv.*.tmp").Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(2);
        Assume.That(process.HasExited, Is.False, "the process was still writing when we looked");
        Thread.Sleep(afterMs);
        var partial = Directory.GetFiles(temp.Path, ".votes.csv.*.tmp").Select(f => new FileInfo(f).Length).DefaultIfEmpty(0).Max();
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        TestContext.Out.WriteLine($"killed {afterMs} ms into the write, with {partial:N0} bytes written to the temporary file");
        Assert.That(File.ReadAllText(output), Is.EqualTo(precious));
    }
}
