using System.Text;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;

namespace VoteAlign.Tests.Ingest;

/// <summary>A long roll call is read in stretches of about a million characters, in parallel, and merged in file
/// order; from the first quote on it is read record by record. Whatever the path, every vote must land in its cell,
/// ids keep their order of first appearance, and an error names its physical line.</summary>
public class RollCallChunkingTest
{
    private const int Members = 97;
    private const int Motions = 1800; // 174,600 rows, about 5 million characters: several stretches and batches

    private static readonly string[] Words = ["yea", "nay", "abstain", "absent"];

    private static Vote Expected(int member, int motion) => (Vote)((member * 7 + motion * 13 + member * motion) % 4);

    // Motion-major rows (as the benchmark files are), members in a shuffled but fixed order.
    private static (string Text, int[] MemberOrder) Build(string newline, Func<int, int, string>? memberField = null)
    {
        var order = Enumerable.Range(0, Members).OrderBy(i => (i * 37) % Members).ToArray();
        var sb = new StringBuilder("member,motion,vote").Append(newline);
        for (var j = 0; j < Motions; j++)
            foreach (var i in order)
                sb.Append(memberField?.Invoke(i, j) ?? $"member-{i:000}").Append(",motion-").Append(j.ToString("0000")).Append(',').Append(Words[(int)Expected(i, j)]).Append(newline);
        return (sb.ToString(), order);
    }

    private static void AssertEveryCell(RollCall rc, int[] order)
    {
        Assert.That(rc.Matrix.Members.Select(m => m.Value), Is.EqualTo(order.Select(i => $"member-{i:000}")), "members in order of first appearance");
        Assert.That(rc.Matrix.Motions.Select(m => m.Value), Is.EqualTo(Enumerable.Range(0, Motions).Select(j => $"motion-{j:0000}")));
        for (var r = 0; r < Members; r++)
            for (var j = 0; j < Motions; j++)
                if (rc.Matrix[r, j] != Expected(order[r], j)) Assert.Fail($"cell {rc.Matrix.Members[r]} × motion-{j:0000}: {rc.Matrix[r, j]}, expected {Expected(order[r], j)}");
    }

    [TestCase("\n", TestName = "Read_ManyStretchesLf_EveryVoteInItsCell")]
    [TestCase("\r\n", TestName = "Read_ManyStretchesCrlf_EveryVoteInItsCell")]
    public void Read_ManyStretches_EveryVoteInItsCell(string newline)
    {
        var (text, order) = Build(newline);
        Assert.That(text.Length, Is.GreaterThan(9 << 19), "the input spans more stretches than one batch of a 2-core machine reads");
        AssertEveryCell(RollCallCsvReader.Read(new StringReader(text), "votes.csv"), order);
    }

    [Test]
    public void Read_QuoteHalfwayThrough_SwitchesToRecordByRecordAndKeepsEveryVote()
    {
        // Quoting one member's id on a late motion forces the record-by-record reader from that stretch on.
        var (text, order) = Build("\n", (i, j) => j == 1500 && i == 3 ? "\"member-003\"" : null!);
        AssertEveryCell(RollCallCsvReader.Read(new StringReader(text), "votes.csv"), order);
    }

    [Test]
    public void Read_ErrorsInLateStretches_NameTheirPhysicalLines()
    {
        var (text, _) = Build("\n");
        var lines = text.Split('\n');
        // Line numbers are 1-based: lines[k] is line k + 1. Break three rows far apart, one of them a duplicate.
        lines[40_000] = lines[40_000].Replace(",yea", ",maybe").Replace(",nay", ",maybe").Replace(",abstain", ",maybe").Replace(",absent", ",maybe");
        lines[55_555] = "a,b";
        lines[166_000] = lines[165_999];
        var broken = string.Join('\n', lines);
        var ex = Assert.Throws<InputException>(() => RollCallCsvReader.Read(new StringReader(broken), "votes.csv"))!;
        Assert.That(ex.Errors.Select(e => e.Line), Is.EqualTo(new int?[] { 40_001, 55_556, 166_001 }));
        Assert.That(ex.Errors[0].Message, Does.Contain("Unknown vote \"maybe\""));
        Assert.That(ex.Errors[1].Message, Does.Contain("Row has 2 fields"));
        Assert.That(ex.Errors[2].Message, Does.Contain("A second vote"));
    }

    [Test]
    public void Read_BadByteAfterBadRows_KeepsTheErrorsBeforeIt()
    {
        var bytes = "member,motion,vote\na,b\nm1,x,yea\n"u8.ToArray().Concat(new byte[] { 0xFF, (byte)'\n' }).ToArray();
        using var reader = new Utf8TextReader(new MemoryStream(bytes), "votes.csv");
        var ex = Assert.Throws<InputException>(() => RollCallCsvReader.Read(reader, "votes.csv"))!;
        Assert.That(ex.Errors.Select(e => e.Line), Is.EqualTo(new int?[] { 2, 4 }));
        Assert.That(ex.Errors[1].Message, Does.Contain("not valid UTF-8"));
    }

    [Test]
    public void Read_ByteOrderMarkCharacterMidFile_IsKeptAsData()
    {
        // A U+FEFF starting a line in the middle of the file is data, even where record-by-record reading resumes.
        var rc = RollCallCsvReader.Read(new StringReader("member,motion,vote\n\uFEFFm1,\"x\",yea\n"), "votes.csv");
        Assert.That(rc.Matrix.Members.Select(m => m.Value), Is.EqualTo(new[] { "\uFEFFm1" }));
    }

    [Test]
    public void Read_RecordOverFourThousandFields_StopsThereAsTheRecordReaderDoes()
    {
        var wide = string.Concat(Enumerable.Repeat("a,", 5000)) + "b";
        var text = $"member,motion,vote\nm1,x,yea\n{wide}\nm2,x,yea\nm3\n";
        var ex = Assert.Throws<InputException>(() => RollCallCsvReader.Read(new StringReader(text), "votes.csv"))!;
        Assert.That(ex.Errors.Select(e => (e.Line, e.Message)), Is.EqualTo(new[] { ((int?)3, "A record has more than 4,096 fields.") }));
    }
}
