using VoteAlign.Cli.Rendering;
using VoteAlign.Core.Data;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Ingest.Extraction;
using VoteAlign.Core.Model;

namespace VoteAlign.Cli.Io;

/// <summary>Opens the inputs a command names and turns them into records. Files are opened read-only.</summary>
internal static class InputLoader
{
    public static RecordLoad Load(string? path)
    {
        if (path is null)
        {
            using var bundled = BundledData.OpenNec();
            return RecordFileReader.Read(bundled, BundledData.NecName);
        }

        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" => new RecordLoad(ReadRollCall(path, null, null).ToRecordSet(), []),
            ".txt" => Summarise(path, Extract([path], new ExtractionOptions())),
            _ => WithReader(path, r => RecordFileReader.Read(r, path)),
        };
    }

    /// <summary>Loads an input for analysis. A roll-call CSV goes straight into the matrix; records are validated.</summary>
    /// <param name="path">The input, or null for the bundled NEC data set.</param>
    /// <param name="members">members.csv, for a roll-call CSV.</param>
    /// <param name="motions">motions.csv, for a roll-call CSV.</param>
    /// <param name="display">Told of the "load" stage, with how far through a roll-call CSV the reader is.</param>
    public static (Dataset Data, System.Collections.Immutable.ImmutableArray<InputError> Warnings) LoadDataset(string? path, string? members = null, string? motions = null,
        StageDisplay? display = null)
    {
        if (path is not null && Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            return (ReadRollCall(path, members, motions, display).ToDataset(), []);
        display?.Report("load");
        if (members is not null || motions is not null)
            throw new UsageException("--members and --motions go with a roll-call CSV input.");
        var load = Load(path);
        return (Dataset.FromRecords(path ?? BundledData.NecName, load.Records), load.Warnings);
    }

    /// <summary>Extracts records from text reports; every file is opened read-only and closed afterwards.</summary>
    public static ExtractionResult Extract(IReadOnlyList<string> paths, ExtractionOptions options)
    {
        var readers = new List<TextReader>();
        try
        {
            foreach (var p in paths) readers.Add(Open(p));
            // Sources cite the file name, as the bundled data set does; errors name the path as given.
            return ReportExtractor.Extract(readers.Select((r, i) => new ReportInput(r, paths[i], Path.GetFileName(paths[i]))).ToList(), options);
        }
        finally
        {
            foreach (var r in readers) r.Dispose();
        }
    }

    // A text input read on the fly: the records, and one line saying how much was found and how many warnings
    // there were (the full list is in `votealign extract FILE --review review.md`).
    // A text with no votes in it cannot be analysed: say so (exit 3) rather than print an empty analysis. The
    // error is about the whole file, so it has no line.
    private static RecordLoad Summarise(string path, ExtractionResult result)
    {
        var r = result.Records;
        if (r.Motions.IsEmpty && r.Positions.IsEmpty && r.GroupPositions.IsEmpty)
            throw new InputException(new InputError(path, null, null,
                $"No votes found in the text, so there is nothing to analyse (run 'votealign extract {path} --review review.md' to see what was read)."));
        var summary = new InputError(path, null, null,
            $"extracted from text: {r.Meetings.Length} meetings, {r.Motions.Length} motions, {r.Positions.Length} positions; {result.Warnings.Length} extraction warnings " +
            $"(run 'votealign extract {path} --review review.md' to see them).");
        return new RecordLoad(r, [summary]);
    }

    public static RollCall ReadRollCall(string votes, string? members, string? motions, StageDisplay? display = null)
    {
        using var v = Open(votes, display is not null, out var counting);
        display?.Start("load", counting is null ? null : () => counting.Fraction);
        using var m = members is null ? null : Open(members);
        using var o = motions is null ? null : Open(motions);
        return RollCallCsvReader.Read(v, votes, m, members, o, motions);
    }

    private static T WithReader<T>(string path, Func<TextReader, T> read)
    {
        using var reader = Open(path);
        return read(reader);
    }

    // Strict UTF-8, so an invalid byte or a NUL is reported with its line (see Utf8TextReader). Counted, the bytes
    // read so far show in the progress line.
    private static TextReader Open(string path) => Open(path, false, out _);

    private static TextReader Open(string path, bool counted, out CountingStream? counting)
    {
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            counting = counted ? new CountingStream(stream) : null;
            return new Utf8TextReader(counting ?? stream, path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(new InputError(path, null, null, "No such file."));
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(new InputError(path, null, null, Directory.Exists(path) ? "This is a folder, not a file." : "Permission denied."));
        }
    }
}
