using System.Diagnostics;
using System.Text;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Ingest.Extraction;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Ingest.Extraction;

/// <summary>Hostile input: random bytes, soups of vote words and numbers, mutated seed reports, and a 5 MB
/// repeated phrase. Each must give a valid record set or an <see cref="InputException"/>, never another
/// exception and never a hang. The random source has a fixed seed, so a failure is reproducible.</summary>
public class ExtractionFuzzTest
{
    private const int Cases = 10_000;

    private static readonly string[] Vocabulary =
    [
        "passed", "by", "votes", "to", "16", "11", "nil", "one", "twenty-one", "-", "–", "with", "abstention", "abstentions",
        "for", "against", "in", "favour", "defeated", "carried", "lost", "losing", "fell", "tie", "recount", "unanimously",
        "nem", "con", "without", "dissent", "I", "we", "voted", "supported", "opposed", "did", "not", "support", "moved",
        "seconded", "an", "amendment", "motion", "paper", "the", "this", "it", "which", ",", ".", ";", ":", "(", ")", "\n",
        "Ann", "Black", "Mish", "Rahman", "Jess", "Barnard", "left", "CLP", "reps", "members", "of", "NEC", "July", "2023",
        "21-23", "58-63%", "1-10", "15-15", "16-14", "22-15", "0", "999", "1000", "by Ann Black at July 29, 2023 11:10 AM",
        "NEC Report – 20 September 2022", "·", "Vote went", "to oppose this", "as did", "Along with", "including", "Both",
        "There was a proposal to", "defer", "withdraw", "on a move", "yesterday", "Tuesday", "Post author", "’s", "“", "”",
        "\u0000", "\u202E", "\uFFFD", "😀", "a", "vote", "was", "were", "and", "but", "then", "all", "three", "proscriptions",
    ];

    private static readonly Lazy<string[]> Seeds = new(() =>
        Directory.GetFiles(Path.Combine(Fixtures.Dir, "nec", "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray());

    [Test]
    public void Fuzz_TenThousandInputs_ValidRecordsOrInputException()
    {
        var random = new Random(20240601);
        var failures = new List<string>();
        var inputErrors = 0;
        var motions = 0;
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < Cases; n++)
        {
            var text = (n % 4) switch
            {
                0 => RandomBytes(random),
                1 => TokenSoup(random),
                _ => Mutated(random),
            };
            try
            {
                var result = ReportExtractor.Extract([new ReportInput(new StringReader(text), $"fuzz-{n}.txt")]);
                motions += result.Records.Motions.Length;
                var errors = RecordValidator.Validate(result.Records).Where(i => i.IsError).ToList();
                if (errors.Count > 0) failures.Add($"case {n}: invalid records: {errors[0].Path}: {errors[0].Message}");
            }
            catch (InputException)
            {
                inputErrors++;
            }
            catch (Exception ex)
            {
                failures.Add($"case {n}: {ex.GetType().Name}: {ex.Message} {ex.StackTrace?.Split('\n').FirstOrDefault()}");
            }

            if (failures.Count >= 5) break;
        }

        clock.Stop();
        var line = $"fuzz: {Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s; {inputErrors} rejected as bad input; {motions} motions found in all";
        TestContext.Progress.WriteLine(line);
        TestContext.Out.WriteLine(line);
        Assert.That(failures, Is.Empty);
    }

    // One counted vote per line, so the 601st vote, the one past the cap, is on line 601.
    [TestCase("The motion was carried by 16 votes to 11.\n", 601, TestName = "Fuzz_FiveMegabytesOfOneVotePerLine_RefusedAtLine601")]
    // All on one line: the cap is passed on line 1.
    [TestCase("The motion was carried by 16 votes to 11, and we voted against it. ", 1, TestName = "Fuzz_FiveMegabytesOfOneRepeatedPhraseOnOneLine_RefusedAtLine1")]
    public void Fuzz_FiveMegabyteRepeatedPhrase_RefusedAtTheLineThatPassesTheCap(string phrase, int line)
    {
        var sb = new StringBuilder(5 * 1024 * 1024 + phrase.Length);
        while (sb.Length < 5 * 1024 * 1024) sb.Append(phrase);
        var ex = Assert.Throws<InputException>(() => ReportExtractor.Extract([new ReportInput(new StringReader(sb.ToString()), "big.txt")]));
        Assert.That(ex!.Errors.Single().ToString(), Does.StartWith($"big.txt:{line}: The report holds more than {ReportExtractor.MaxFactsPerReport} votes"));
    }

    [Test]
    public void Fuzz_FiveMegabytesOfOneLongWordAndOfDigits_Finish()
    {
        foreach (var filler in new[] { new string('a', 5 * 1024 * 1024), string.Concat(Enumerable.Repeat("1-2 ", 1024 * 1024)), string.Concat(Enumerable.Repeat("Ann ", 1024 * 1024)) })
        {
            var result = ReportExtractor.Extract([new ReportInput(new StringReader(filler), "filler.txt")]);
            Assert.That(RecordValidator.Validate(result.Records).Where(i => i.IsError), Is.Empty);
        }
    }

    [Test]
    public void Binary_IsABadInputWithItsLine()
    {
        var ex = Assert.Throws<InputException>(() => ReportExtractor.Extract([new ReportInput(new StringReader("NEC Report\nok\n\u0000\u0001\u0002"), "x.bin")]));
        Assert.That(ex!.Errors[0].ToString(), Does.StartWith("x.bin:3:"));
    }

    private static string RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 600)];
        random.NextBytes(bytes);
        // Lenient decoding: every byte sequence becomes some text (invalid sequences as U+FFFD).
        return Encoding.UTF8.GetString(bytes);
    }

    private static string TokenSoup(Random random)
    {
        var n = random.Next(0, 120);
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            sb.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            sb.Append(random.Next(6) == 0 ? "" : " ");
        }

        return sb.ToString();
    }

    private static string Mutated(Random random)
    {
        var seed = Seeds.Value[random.Next(Seeds.Value.Length)];
        var start = random.Next(0, Math.Max(1, seed.Length - 500));
        var text = new StringBuilder(seed.Substring(start, Math.Min(500, seed.Length - start)));
        var edits = random.Next(1, 8);
        for (var e = 0; e < edits && text.Length > 2; e++)
        {
            var at = random.Next(text.Length);
            var len = Math.Min(random.Next(1, 60), text.Length - at);
            switch (random.Next(5))
            {
                case 0:
                    text.Remove(at, len);
                    break;
                case 1:
                    text.Insert(at, text.ToString(at, len));
                    break;
                case 2:
                {
                    var other = random.Next(text.Length - len + 1);
                    var a = text.ToString(at, len);
                    var b = text.ToString(other, Math.Min(len, text.Length - other));
                    text.Remove(at, len).Insert(at, b);
                    if (other + b.Length <= text.Length) text.Remove(other, b.Length).Insert(other, a);
                    break;
                }

                case 3:
                    text.Insert(at, random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? "-" : " votes to ") + random.Next(100));
                    break;
                default:
                    text.Insert(at, Vocabulary[random.Next(Vocabulary.Length)]);
                    break;
            }
        }

        return text.ToString();
    }
}
