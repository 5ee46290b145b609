using System.Text;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Reliability;

/// <summary>A 1 GiB roll call, written to disk a row at a time (never held in memory), read by the CLI as a child
/// process whose peak resident memory is sampled. Explicit: it writes a gigabyte and takes about 40 s (measured: analyze
/// 13 s and 519 MB, validate 7 s and 130 MB, the bad row 7 s and 87 MB, on 2 cores).</summary>
/// <remarks>The file: 1,000 members (<c>m000</c>…<c>m999</c>) voting on motions <c>v000000</c>… until the file
/// passes 1 GiB, each row <c>member,motion,vote</c>; so the vote matrix is 1,000 × about 57,000 cells, about 29 MB
/// bit-packed (four bit planes), while the file is 1 GiB and would be 2 GiB as .NET text.
/// <para>Reading (<c>validate</c>) must stay within a quarter of the file's size: the reader keeps the growing
/// packed matrix and the ids, never the text. Analysis (<c>analyze</c>) may use more, linear in the matrix's cells
/// (the bloc refinement lists each member's cast votes, 4 bytes each), but must stay under the file's size.</para></remarks>
[Explicit("writes a 1 GiB file and reads it three times, about 40 s: dotnet test --filter FullyQualifiedName~LargeInputTest")]
public class LargeInputTest
{
    private const long OneGiB = 1L << 30;
    private const int Members = 1000;
    private static readonly string[] Votes = ["yea", "nay", "abstain", "absent"];

    [Test]
    public void OneGigabyteRollCall_ValidThenWithABadRowNearTheEnd_ReadInBoundedMemory()
    {
        using var temp = new TempDir();
        var path = temp.File("big.csv");
        var (lines, motions) = Write(path);
        var size = new FileInfo(path).Length;
        TestContext.Out.WriteLine($"wrote {size:N0} bytes, {lines:N0} lines, {Members:N0} members x {motions:N0} motions");

        // Valid: analysed from the matrix.
        var output = temp.File("overview.json");
        var valid = ChildCli.Run(null, "analyze", path, "--format", "json", "-o", output);
        Report("valid, analyze", valid);
        Assert.That(valid.Code, Is.EqualTo(0), valid.Err);
        Assert.That(valid.PeakBytes, Is.Not.Null.And.LessThan(size), "analysis memory grows with the matrix, not the file");
        File.Delete(output);

        var read = ChildCli.Run(null, "validate", path);
        Report("valid, validate", read);
        Assert.That(read.Code, Is.EqualTo(0), read.Err);
        Assert.That(read.Out, Does.Contain($"{Members} members").And.Contain($"{motions} motions").And.Contain($"{(long)Members * motions} positions"));
        Assert.That(read.PeakBytes, Is.Not.Null.And.LessThan(size / 4), "reading memory bounded by the matrix");

        // A bad row near the end: an unknown vote on line lines + 1, then 100 good rows after it.
        using (var append = new StreamWriter(path, append: true, new UTF8Encoding(false)))
        {
            append.Write("m000,vlast,perhaps\n");
            for (var m = 1; m <= 100; m++) append.Write($"m{m:000},vlast,yea\n");
        }

        var bad = ChildCli.Run(null, "validate", path);
        Report("bad row near the end, validate", bad);
        Assert.Multiple(() =>
        {
            Assert.That(bad.Code, Is.EqualTo(3), bad.Err);
            Assert.That(bad.Err, Does.StartWith($"error: {path}:{lines + 1}: vote: Unknown vote \"perhaps\""));
            Assert.That(bad.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), "one error, no stack trace");
            Assert.That(bad.PeakBytes, Is.Not.Null.And.LessThan(size / 4), "reading memory bounded by the matrix");
        });
    }

    private static void Report(string what, ChildCli.Result run) =>
        TestContext.Out.WriteLine($"{what}: exit {run.Code} in {run.Elapsed.TotalSeconds:0.0} s, peak resident memory {run.PeakBytes / (1024 * 1024):N0} MB");

    // Writes whole motions (one row per member) until the file passes 1 GiB; returns the lines written (header
    // included) and the motions. Votes vary with member and motion so no two columns are all alike.
    private static (long Lines, int Motions) Write(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        var row = new byte[64];
        stream.Write("member,motion,vote\n"u8);
        long lines = 1;
        var motion = 0;
        for (; stream.Position < OneGiB; motion++)
        {
            for (var m = 0; m < Members; m++)
            {
                var n = Encoding.ASCII.GetBytes($"m{m:000},v{motion:000000},{Votes[((m * 7) + (motion * 13) + (m / 250 * motion)) % 4]}\n", row);
                stream.Write(row, 0, n);
            }

            lines += Members;
        }

        return (lines, motion);
    }
}
