using System.Text;
using VoteAlign.Core.Ingest;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Reliability;

/// <summary>Mutated and random inputs through the record-file and roll-call readers: every case is either read or
/// rejected with an <see cref="InputException"/>; nothing else escapes.</summary>
public class ReaderFuzzTest
{
    private static IEnumerable<string> Seeds(string pattern) =>
        Directory.GetFiles(Fixtures.Dir, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText);

    private static string Mutate(string text, Random rng)
    {
        var sb = new StringBuilder(text);
        var edits = rng.Next(1, 6);
        for (var e = 0; e < edits && sb.Length > 0; e++)
        {
            var at = rng.Next(sb.Length);
            switch (rng.Next(6))
            {
                case 0: sb.Remove(at, Math.Min(rng.Next(1, 20), sb.Length - at)); break;
                case 1: sb.Insert(at, "\",{}[]:\n\r\0\uFEFF-9e999"[rng.Next(16)]); break;
                case 2:
                    var from = rng.Next(sb.Length);
                    sb.Insert(at, sb.ToString(from, Math.Min(40, sb.Length - from)));
                    break;
                case 3: sb[at] = (char)rng.Next(0, 0xD7FF); break;
                case 4: sb.Insert(at, rng.Next(-100000, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                default: sb.Insert(at, "null"); break;
            }
        }

        return sb.ToString();
    }

    [Test]
    public void RecordReader_MutatedFixtures_ReadOrRejectCleanly()
    {
        var seeds = Seeds("*.json").Where(s => s.Length < 200_000).ToList();
        var rng = new Random(2026);
        int read = 0, rejected = 0;
        for (var i = 0; i < 4000; i++)
        {
            var text = Mutate(seeds[rng.Next(seeds.Count)], rng);
            try
            {
                RecordFileReader.Read(new StringReader(text), "fuzz.json");
                read++;
            }
            catch (InputException)
            {
                rejected++;
            }
        }

        TestContext.Out.WriteLine($"record reader: {read} read, {rejected} rejected");
        Assert.That(read + rejected, Is.EqualTo(4000));
    }

    [Test]
    public void RollCallReader_MutatedAndRandomCsv_ReadOrRejectCleanly()
    {
        var seeds = Seeds("*.csv").ToList();
        var rng = new Random(7);
        int read = 0, rejected = 0;
        for (var i = 0; i < 6000; i++)
        {
            string text;
            if (i % 3 == 0)
            {
                var bytes = new byte[rng.Next(0, 400)];
                rng.NextBytes(bytes);
                text = Encoding.Latin1.GetString(bytes);
            }
            else
            {
                text = Mutate(seeds[rng.Next(seeds.Count)], rng);
            }

            try
            {
                RollCallCsvReader.Read(new StringReader(text), "fuzz.csv");
                read++;
            }
            catch (InputException)
            {
                rejected++;
            }
        }

        TestContext.Out.WriteLine($"roll-call reader: {read} read, {rejected} rejected");
        Assert.That(read + rejected, Is.EqualTo(6000));
    }
}
