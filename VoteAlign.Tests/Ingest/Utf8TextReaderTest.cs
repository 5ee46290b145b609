using System.Text;
using VoteAlign.Core.Ingest;

namespace VoteAlign.Tests.Ingest;

/// <summary>Strict UTF-8 with the line of the first bad byte. The inputs are built so the line is known by
/// construction, including past the reader's 64 KiB block and with a sequence split across two blocks.</summary>
public class Utf8TextReaderTest
{
    private static Utf8TextReader Reader(byte[] bytes) => new(new MemoryStream(bytes), "in.txt");

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static InputError ErrorOf(byte[] bytes)
    {
        using var reader = Reader(bytes);
        var ex = Assert.Throws<InputException>(() => reader.ReadToEnd());
        return ex!.Errors.Single();
    }

    [Test]
    public void Read_ValidTextWithSequencesAcrossBlocks_DecodesAsUtf8Does()
    {
        // 65,535 ASCII bytes then a three-byte euro sign: the sign straddles the first block's end; then more
        // four-byte characters, CRLF and a lone CR.
        var text = new string('a', 65_535) + "€ 東京 🚀\r\nØyvind\rend" + string.Concat(Enumerable.Repeat("é🚀", 40_000));
        using var reader = Reader(Utf8(text));
        Assert.That(reader.ReadToEnd(), Is.EqualTo(text));
    }

    [Test]
    public void Read_ByteOrderMark_IsSkipped()
    {
        using var reader = Reader([0xEF, 0xBB, 0xBF, .. Utf8("member,motion\n")]);
        Assert.That(reader.ReadToEnd(), Is.EqualTo("member,motion\n"));
    }

    [Test]
    public void Read_EmptyStream_IsEmptyText()
    {
        using var reader = Reader([]);
        Assert.That(reader.Peek(), Is.EqualTo(-1));
        Assert.That(reader.ReadToEnd(), Is.Empty);
    }

    [TestCase("a\nb\nc\u00FF", 3, TestName = "Utf8TextReader_InvalidByteOnLine3_LF")]
    [TestCase("a\r\nb\r\nc\u00FF", 3, TestName = "Utf8TextReader_InvalidByteOnLine3_CRLF")]
    [TestCase("a\rb\r\n\nc\u00FF", 4, TestName = "Utf8TextReader_InvalidByteOnLine4_LoneCrThenCrlfThenLf")]
    [TestCase("\u00FF", 1, TestName = "Utf8TextReader_InvalidFirstByte_Line1")]
    [TestCase("ok\nRen\u00E9e\n", 2, TestName = "Utf8TextReader_Latin1Accent_Line2")]
    [TestCase("ok\n\u00C0\u00AF", 2, TestName = "Utf8TextReader_OverlongSlash_Line2")]
    [TestCase("ok\n\u00ED\u00A0\u0080", 2, TestName = "Utf8TextReader_EncodedSurrogate_Line2")]
    [TestCase("ok\nends mid-euro \u00E2\u0082", 2, TestName = "Utf8TextReader_TruncatedSequenceAtEnd_Line2")]
    public void Read_InvalidUtf8_NamesItsLine(string latin1, int line)
    {
        // Each char of the test string stands for one byte.
        var error = ErrorOf(Encoding.Latin1.GetBytes(latin1));
        Assert.That(error.Line, Is.EqualTo(line));
        Assert.That(error.File, Is.EqualTo("in.txt"));
        Assert.That(error.Message, Does.StartWith("The file is not valid UTF-8 text"));
    }

    [Test]
    public void Read_InvalidByteFarPastTheFirstBlock_NamesItsLineAndOffset()
    {
        var body = new StringBuilder();
        for (var i = 1; i <= 70_000; i++) body.Append("ann,m").Append(i).Append(",yea\n"); // lines 1..70,000
        var bytes = Utf8(body.ToString()).Concat(new byte[] { (byte)'x', 0xFE, (byte)'\n' }).ToArray();
        var error = ErrorOf(bytes);
        Assert.That(error.Line, Is.EqualTo(70_001));
        Assert.That(error.Message, Does.Contain($"0xFE at byte offset {bytes.Length - 2:N0}"));
    }

    [Test]
    public void Read_TextBeforeTheBadByte_IsHandedOnFirst()
    {
        using var reader = Reader([.. Utf8("line one\nline two\n"), 0xFF]);
        var read = new StringBuilder();
        Assert.Throws<InputException>(() =>
        {
            int c;
            while ((c = reader.Read()) >= 0) read.Append((char)c);
        });
        Assert.That(read.ToString(), Is.EqualTo("line one\nline two\n"));
    }

    [Test]
    public void Read_NulByte_IsBinaryWithItsLine()
    {
        var error = ErrorOf([.. Utf8("{\n\"a\": 1,\n"), 0x00, 0x00]);
        Assert.That(error.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.Contain("NUL bytes"));
    }

    [TestCase(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, TestName = "Utf8TextReader_Utf16LittleEndianBom_Refused")]
    [TestCase(new byte[] { 0xFE, 0xFF, 0, (byte)'a' }, TestName = "Utf8TextReader_Utf16BigEndianBom_Refused")]
    public void Read_Utf16ByteOrderMark_AsksForUtf8(byte[] bytes)
    {
        var error = ErrorOf(bytes);
        Assert.That(error.Line, Is.EqualTo(1));
        Assert.That(error.Message, Does.Contain("save it as UTF-8"));
    }
}
