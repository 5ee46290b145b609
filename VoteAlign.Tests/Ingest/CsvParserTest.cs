using System.Text;
using VoteAlign.Core.Ingest;

namespace VoteAlign.Tests.Ingest;

/// <summary>Random records written as RFC 4180 CSV (quoted when they must be, LF or CRLF, blank lines between,
/// buffers of 64 KiB crossed) parse back to the same fields, with the line each record starts on.</summary>
public class CsvParserTest
{
    [TestCase(1, "\n", TestName = "CsvParser_RandomRecords_LF_RoundTrip")]
    [TestCase(2, "\r\n", TestName = "CsvParser_RandomRecords_CRLF_RoundTrip")]
    [TestCase(3, "\n", TestName = "CsvParser_RandomRecords_LF_RoundTrip_Seed3")]
    public void Parse_RandomRecords_RoundTrip(int seed, string newline)
    {
        var rng = new Random(seed);
        string[] alphabet = ["a", "b", "yea", "M0001", ",", "\"", " ", "\n", "é", "東", ""];
        var records = new List<(int Line, string[] Fields)>();
        var text = new StringBuilder();
        var line = 1;
        for (var r = 0; r < 6000; r++)
        {
            if (rng.Next(10) == 0)
            {
                text.Append(newline);
                line++;
            }

            var fields = Enumerable.Range(0, rng.Next(1, 5)).Select(_ => string.Concat(Enumerable.Range(0, rng.Next(0, 4)).Select(_ => alphabet[rng.Next(alphabet.Length)]))).ToArray();
            // A record of one empty field would be a blank line, which the format skips.
            if (fields.Length == 1 && fields[0].Length == 0) fields[0] = "x";
            records.Add((line, fields));
            text.Append(string.Join(",", fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f)));
            text.Append(newline);
            line += 1 + fields.Sum(f => f.Count(c => c == '\n'));
        }

        var parser = new CsvParser(new StringReader(text.ToString()), "random.csv");
        foreach (var (expectedLine, expected) in records)
        {
            Assert.That(parser.Read(), Is.True);
            Assert.That(parser.Line, Is.EqualTo(expectedLine));
            var actual = Enumerable.Range(0, parser.FieldCount).Select(i => parser.Field(i).ToString()).ToArray();
            Assert.That(actual, Is.EqualTo(expected), $"record on line {expectedLine}");
        }

        Assert.That(parser.Read(), Is.False);
    }
}
