using System.Diagnostics;
using VoteAlign.Cli.Io;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Reliability;

/// <summary>Outputs that are not plain files. A run with <c>-o /dev/null</c> as root once renamed its temporary file
/// over the device, leaving /dev/null a regular file for every process on the machine: a special file is now
/// written in place, and a symbolic link is followed rather than replaced. (The device itself is not used here:
/// if this broke again, the test would break the machine. A named pipe takes the same path.)</summary>
public class OutputTargetTest
{
    [Test]
    public void FileType_DeviceIsSpecial_RegularFileAndFolderAreNot()
    {
        Assume.That(OperatingSystem.IsLinux(), "statx is Linux's");
        using var temp = new TempDir();
        File.WriteAllText(temp.File("plain.txt"), "x");
        Assert.Multiple(() =>
        {
            Assert.That(UnixFileType.IsSpecial("/dev/null"), Is.True);
            Assert.That(UnixFileType.IsSpecial(temp.File("plain.txt")), Is.False);
            Assert.That(UnixFileType.IsSpecial(temp.Path), Is.False);
            Assert.That(UnixFileType.IsSpecial(temp.File("missing")), Is.False);
        });
    }

    [Test]
    public void Output_NamedPipe_IsWrittenThroughAndStaysAPipe()
    {
        Assume.That(OperatingSystem.IsLinux(), "named pipes made with mkfifo");
        using var temp = new TempDir();
        var fifo = temp.File("out.pipe");
        using (var mk = Process.Start("mkfifo", [fifo])) mk.WaitForExit();
        Assume.That(File.Exists(fifo), "mkfifo made the pipe");
        // The reader must be there before the writer opens the pipe; it would wait forever for a writer that
        // renamed a file over the pipe instead, hence the limit.
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var (code, _, err) = CliRunner.Run("analyze", "--format", "json", "-o", fifo);
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(reader.Wait(TimeSpan.FromSeconds(30)), Is.True, "the reader got the output");
        Assert.That(reader.Result, Does.StartWith("{"));
        Assert.That(UnixFileType.IsSpecial(fifo), Is.True, "still a pipe");
    }

    [Test]
    public void Output_SymbolicLink_ReplacesTheTargetAndKeepsTheLink()
    {
        using var temp = new TempDir();
        var target = temp.File("real.json");
        File.WriteAllText(target, "old");
        var link = temp.File("link.json");
        File.CreateSymbolicLink(link, target);
        var (code, _, err) = CliRunner.Run("analyze", "--format", "json", "-o", link);
        Assert.That(code, Is.EqualTo(0), err);
        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target), "still a link to the same file");
            Assert.That(File.ReadAllText(target), Does.StartWith("{"));
            Assert.That(Directory.GetFiles(temp.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "real.json", "link.json" }), "no temporary file left");
        });
    }
}
