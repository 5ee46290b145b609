namespace VoteAlign.Cli.Io;

/// <summary>Writes a file so that readers see either the old content or the whole new content, never a
/// half-written file: the data goes to a temporary file beside the target, is flushed to disk, then
/// renamed over the target. If writing fails, the temporary file is removed and the target is untouched.</summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
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
