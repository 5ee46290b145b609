using System.Diagnostics;
using System.Globalization;
using System.Text;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Ingest.Extraction;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Reliability;

/// <summary>The mutation fuzzer over the three readers of user files: the record-file (JSON) reader, the roll-call
/// (CSV) reader and the report extractor (text). Each case takes a fixture, mutates its bytes (flips, deletions,
/// duplications, splices from another fixture of any format, numbers changed or made huge, deep nesting, invalid
/// UTF-8, NULs, stray quotes and line ends) and reads it through <see cref="Utf8TextReader"/>, exactly as the CLI
/// does. A case passes if the reader returns (valid records, for the extractor) or throws
/// <see cref="InputException"/>; any other exception is a crash. A watchdog calls a case that runs longer than
/// <see cref="HangLimit"/> a hang. Case <c>n</c> draws from its own seed, so any case can be replayed alone.</summary>
internal static class Fuzzer
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    public enum Target
    {
        Json,
        Csv,
        Text,
    }

    public sealed record Failure(int Case, Target Target, string What, byte[] Input);

    public sealed record Summary(int Cases, int Read, int Rejected, TimeSpan Elapsed, IReadOnlyList<Failure> Failures)
    {
        public override string ToString() =>
            $"{Cases:N0} cases in {Elapsed.TotalSeconds:0.0} s: {Read:N0} read, {Rejected:N0} rejected as bad input, {Failures.Count} crashes or hangs";
    }

    private static readonly Lazy<IReadOnlyList<(Target Target, byte[] Bytes)>> Seeds = new(LoadSeeds);

    public static string Extension(Target target) => target switch
    {
        Target.Json => ".json",
        Target.Csv => ".csv",
        _ => ".txt",
    };

    public static Target? TargetOf(string path) => Path.GetExtension(path) switch
    {
        ".json" => Target.Json,
        ".csv" => Target.Csv,
        ".txt" => Target.Text,
        _ => null,
    };

    /// <summary>Reads one input as the target's reader would from a file. Returns true if it was read, false if it
    /// was rejected with an <see cref="InputException"/>; anything else escapes to the caller.</summary>
    public static bool Read(Target target, byte[] input)
    {
        using var reader = new Utf8TextReader(new MemoryStream(input, writable: false), "fuzz" + Extension(target));
        try
        {
            switch (target)
            {
                case Target.Json:
                    RecordFileReader.Read(reader, "fuzz.json");
                    break;
                case Target.Csv:
                    RollCallCsvReader.Read(reader, "fuzz.csv");
                    break;
                default:
                    var result = ReportExtractor.Extract([new ReportInput(reader, "fuzz.txt")]);
                    if (RecordValidator.Validate(result.Records).FirstOrDefault(i => i.IsError) is { } bad)
                        throw new InvalidOperationException($"the extractor produced invalid records: {bad.Path}: {bad.Message}");
                    break;
            }

            return true;
        }
        catch (InputException)
        {
            return false;
        }
    }

    /// <summary>The input for case <paramref name="n"/> of the run seeded <paramref name="seed"/>.</summary>
    public static (Target Target, byte[] Input) Case(int seed, int n)
    {
        var random = new Random(unchecked((seed * 1_000_003) + n)); // not HashCode: it is salted per process
        var seeds = Seeds.Value;
        var (target, bytes) = seeds[random.Next(seeds.Count)];
        if (target == Target.Text && bytes.Length > 6000)
        {
            // A window of a long report: the extractor's cost grows with the text, and the mutations are local.
            var start = random.Next(bytes.Length - 6000);
            bytes = bytes[start..(start + random.Next(500, 6000))];
        }

        var data = new List<byte>(bytes);
        var edits = random.Next(1, 9);
        for (var e = 0; e < edits; e++) Mutate(data, random, seeds);
        return (target, [.. data]);
    }

    /// <summary>Runs cases <c>0 … cases-1</c>. Stops at the first hang (its thread cannot be stopped, so it is
    /// abandoned in the background) or after 20 crashes.</summary>
    public static Summary Run(int seed, int cases)
    {
        var failures = new List<Failure>();
        int read = 0, rejected = 0;
        var current = -1;
        var caseStarted = Stopwatch.GetTimestamp();
        var done = new ManualResetEventSlim();
        var clock = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            for (var n = 0; n < cases && failures.Count < 20; n++)
            {
                var c = Case(seed, n);
                Volatile.Write(ref caseStarted, Stopwatch.GetTimestamp());
                Volatile.Write(ref current, n);
                try
                {
                    if (Read(c.Target, c.Input)) read++;
                    else rejected++;
                }
                catch (Exception ex)
                {
                    lock (failures) failures.Add(new Failure(n, c.Target, $"{ex.GetType().Name}: {ex.Message} {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}", c.Input));
                }
            }

            done.Set();
        }, 64 * 1024 * 1024) { IsBackground = true, Name = "fuzz" }; // a deep stack: a deeply nested input must not overflow it first
        worker.Start();
        while (!done.Wait(100))
        {
            if (Stopwatch.GetElapsedTime(Volatile.Read(ref caseStarted)) <= HangLimit || Volatile.Read(ref current) < 0) continue;
            var hung = Case(seed, current); // cases are reproducible: make it again rather than share it across threads
            lock (failures) failures.Add(new Failure(current, hung.Target, $"hang: still running after {HangLimit.TotalSeconds:0} s", hung.Input));
            break;
        }

        clock.Stop();
        lock (failures) return new Summary(Math.Max(0, Volatile.Read(ref current) + 1), read, rejected, clock.Elapsed, [.. failures]);
    }

    /// <summary>Writes each failing input to <paramref name="folder"/> as <c>TARGET-CASE.EXT</c>, for fixtures/fuzz.</summary>
    public static IEnumerable<string> Save(IEnumerable<Failure> failures, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var f in failures)
        {
            var path = Path.Combine(folder, $"{f.Target.ToString().ToLowerInvariant()}-{f.Case}{Extension(f.Target)}");
            File.WriteAllBytes(path, f.Input);
            yield return path;
        }
    }

    private static IReadOnlyList<(Target, byte[])> LoadSeeds() =>
        Directory.GetFiles(Fixtures.Dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "schemas" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Target: TargetOf(f), Path: f))
            .Where(s => s.Target is not null)
            .Select(s => (s.Target!.Value, File.ReadAllBytes(s.Path)))
            .ToList();

    private static readonly byte[][] Tokens =
    [
        "\""u8.ToArray(), ","u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ":"u8.ToArray(),
        "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), "\"\""u8.ToArray(), "null"u8.ToArray(), "true"u8.ToArray(),
        "-"u8.ToArray(), "1e999"u8.ToArray(), "-0"u8.ToArray(), "NaN"u8.ToArray(), "\\u0000"u8.ToArray(), "\\ud800"u8.ToArray(),
        [0xEF, 0xBB, 0xBF], [0x00], [0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80],
        "\u202E"u8.ToArray(), "\uFFFD"u8.ToArray(), "😀"u8.ToArray(), " votes to "u8.ToArray(), "unanimously"u8.ToArray(),
        "yea"u8.ToArray(), "abstain"u8.ToArray(), "\"for\""u8.ToArray(), "\"id\": \"x\""u8.ToArray(), "member,motion,vote\n"u8.ToArray(),
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999999",
        "1e308", "1.5", "-0.0", "1E+2", "0x10", "00", "39", "40", "100000",
    ];

    private static void Mutate(List<byte> data, Random random, IReadOnlyList<(Target Target, byte[] Bytes)> seeds)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
        var len = Math.Min(data.Count - at, random.Next(1, 64));
        switch (random.Next(11))
        {
            case 0 when data.Count > 0: // flip a bit
                var i = random.Next(data.Count);
                data[i] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // delete a run
                data.RemoveRange(at, len);
                break;
            case 2: // duplicate a run, sometimes many times
                var run = data.GetRange(at, len);
                for (var k = random.Next(3) == 0 ? random.Next(2, 200) : 1; k > 0; k--) data.InsertRange(at, run);
                break;
            case 3: // splice in a piece of another fixture, of any format
                var other = seeds[random.Next(seeds.Count)].Bytes;
                var from = random.Next(other.Length);
                data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, random.Next(1, 400))).ToArray());
                break;
            case 4: // change a number
                ChangeNumber(data, random);
                break;
            case 5: // deep nesting
                var depth = random.Next(10, 20_000);
                var open = random.Next(2) == 0 ? (byte)'[' : (byte)'{';
                data.InsertRange(at, Enumerable.Repeat(open, depth));
                if (random.Next(2) == 0) data.InsertRange(Math.Min(data.Count, at + depth), Enumerable.Repeat(open == '[' ? (byte)']' : (byte)'}', depth));
                break;
            case 6: // truncate
                data.RemoveRange(at, data.Count - at);
                break;
            case 7: // random bytes
                var noise = new byte[random.Next(1, 32)];
                random.NextBytes(noise);
                data.InsertRange(at, noise);
                break;
            case 8: // a very long line or field
                data.InsertRange(at, Enumerable.Repeat((byte)"a,\"9 "[random.Next(5)], random.Next(1000, 300_000)));
                break;
            default: // a token: structure, line ends, invalid UTF-8, NUL, BOM, vote words
                data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
        }
    }

    private static void ChangeNumber(List<byte> data, Random random)
    {
        if (data.Count == 0) return;
        var start = random.Next(data.Count);
        while (start < data.Count && !char.IsAsciiDigit((char)data[start])) start++;
        if (start == data.Count) return;
        var end = start;
        while (end < data.Count && char.IsAsciiDigit((char)data[end])) end++;
        var number = random.Next(3) == 0 ? random.Next(-50, 200).ToString(CultureInfo.InvariantCulture) : Numbers[random.Next(Numbers.Length)];
        data.RemoveRange(start, end - start);
        data.InsertRange(start, Encoding.ASCII.GetBytes(number));
    }
}
