namespace VoteAlign.Cli.Io;

/// <summary>Writes a file so that readers see either the old content or the whole new content, never a
/// half-written file: the data goes to a temporary file beside the target, is flushed to disk, then
/// renamed over the target. If writing fails, the temporary file is removed and the target is untouched.
/// A symbolic link is followed: the file it points to is replaced and the link stays a link. A target that exists
/// and is not a regular file (<c>-o /dev/null</c>, a named pipe) is written in place, since there is no old content
/// to keep and renaming over it would replace the device itself (as root) or fail.</summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        if (new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target) full = target.FullName;
        if (UnixFileType.IsSpecial(full))
        {
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(device);
            return;
        }

        var dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir)) throw new IOException($"Cannot write {path}: the folder {dir} does not exist.");
        if (Directory.Exists(full)) throw new IOException($"Cannot write {path}: it is a folder.");
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: the temporary file is hidden and named as ours.
            }

            throw;
        }
    }

    public static void WriteText(string path, Action<TextWriter> write) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
        writer.Flush();
    });
}
