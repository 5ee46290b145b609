using System.Buffers;
using System.Text.Unicode;

namespace VoteAlign.Core.Ingest;

/// <summary>Decodes a stream as strict UTF-8 and says on which line it stops being text. A
/// <see cref="System.IO.StreamReader"/> with a throwing decoder fails a whole 64 KiB block at once and cannot say where
/// the bad byte is; this reader counts line ends in the bytes themselves (a line feed or carriage return byte is
/// never part of a multi-byte sequence), so an invalid sequence or a NUL byte is reported as
/// <c>file:line</c>, after every character before it has been handed on (errors come in file order).</summary>
/// <remarks>A leading UTF-8 byte-order mark is skipped. A UTF-16 or UTF-32 byte-order mark is refused with a
/// message saying to save as UTF-8. Lines are counted as every reader here counts them: LF, CRLF or a lone CR ends one.
/// The CLI opens every input through this reader; readers given any other <see cref="TextReader"/> still
/// turn a <see cref="System.Text.DecoderFallbackException"/> into an <see cref="InputException"/>, without a line.</remarks>
public sealed class Utf8TextReader : TextReader
{
    private const int BlockBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly string _name;
    private readonly byte[] _bytes = new byte[BlockBytes];
    private readonly char[] _chars = new char[BlockBytes];
    private int _byteStart;
    private int _byteEnd;
    private int _charPos;
    private int _charEnd;
    private bool _eof;
    private bool _started;
    private long _offset; // file offset of _bytes[0]
    private int _line = 1; // line of the next byte to decode
    private bool _afterCr; // the last byte counted was a CR (a following LF belongs to the same line end)
    private InputException? _pending; // raised once the characters before the bad byte are consumed

    /// <summary>Reads <paramref name="stream"/>; errors name the input <paramref name="name"/>. Disposing the reader disposes the stream.</summary>
    /// <param name="stream">The bytes, read from the current position.</param>
    /// <param name="name">The display name used in errors (usually the path).</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public Utf8TextReader(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        _stream = stream;
        _name = name;
    }

    /// <inheritdoc/>
    public override int Peek() => Fill() ? _chars[_charPos] : -1;

    /// <inheritdoc/>
    public override int Read() => Fill() ? _chars[_charPos++] : -1;

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return Read(buffer.AsSpan(index, count));
    }

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill()) return 0;
        var n = Math.Min(buffer.Length, _charEnd - _charPos);
        _chars.AsSpan(_charPos, n).CopyTo(buffer);
        _charPos += n;
        return n;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
        base.Dispose(disposing);
    }

    // Makes at least one character available, or returns false at the end; raises a pending error when reached.
    private bool Fill()
    {
        while (_charPos >= _charEnd)
        {
            if (_pending is not null) throw _pending;
            if (_byteStart >= _byteEnd && _eof) return false;
            if (!_eof && _byteEnd - _byteStart < 4) ReadBytes();
            if (!_started && !Start()) continue;
            Decode();
        }

        return true;
    }

    private void ReadBytes()
    {
        // Keep the undecoded tail (at most an incomplete sequence of three bytes) at the front of the buffer.
        var tail = _byteEnd - _byteStart;
        Array.Copy(_bytes, _byteStart, _bytes, 0, tail);
        _offset += _byteStart;
        _byteStart = 0;
        _byteEnd = tail;
        while (_byteEnd < _bytes.Length)
        {
            var n = _stream.Read(_bytes, _byteEnd, _bytes.Length - _byteEnd);
            if (n == 0)
            {
                _eof = true;
                break;
            }

            _byteEnd += n;
        }
    }

    // Deals with a byte-order mark once the first bytes are in; false while more bytes are needed to tell.
    private bool Start()
    {
        var head = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
        if (head.Length < 4 && !_eof) return false;
        _started = true;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _byteStart += 3;
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            _pending = Error(1, "The file is UTF-16 or UTF-32 text (it starts with that byte-order mark): save it as UTF-8.");
        return true;
    }

    private void Decode()
    {
        if (_pending is not null) return;
        var source = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
        // A NUL decodes to U+0000 without complaint, but no text input here holds one: it is a binary file.
        var nul = source.IndexOf((byte)0);
        var decodable = nul >= 0 ? source[..nul] : source;
        var status = Utf8.ToUtf16(decodable, _chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _eof || nul >= 0);
        CountLines(decodable[..read]);
        _byteStart += read;
        _charPos = 0;
        _charEnd = written;
        switch (status)
        {
            case OperationStatus.InvalidData:
                var bad = decodable[read..];
                System.Text.Rune.DecodeFromUtf8(bad, out _, out var length); // the length of the invalid sequence
                var shown = string.Join(' ', bad[..Math.Max(1, length)].ToArray().Select(b => $"0x{b:X2}"));
                _pending = Error(_line, $"The file is not valid UTF-8 text ({shown} at byte offset {_offset + _byteStart:N0}): " +
                                        "it looks binary, or saved in another encoding; save it as UTF-8.");
                break;
            case OperationStatus.Done when nul >= 0:
                _pending = Error(_line, "The file holds NUL bytes: it looks binary, not a text file.");
                break;
            case OperationStatus.NeedMoreData when _eof:
                // Unreachable with isFinalBlock set, kept so an incomplete sequence can never loop.
                _pending = Error(_line, "The file ends inside a UTF-8 sequence: it is cut short or not UTF-8 text.");
                break;
        }
    }

    private void CountLines(ReadOnlySpan<byte> decoded)
    {
        if (decoded.IsEmpty) return;
        if (decoded.IndexOf((byte)'\r') < 0)
        {
            // The usual case, no CR: a vectorised count of line feeds (one that follows a CR ending the last block
            // belongs to that line end).
            _line += decoded.Count((byte)'\n') - (_afterCr && decoded[0] == (byte)'\n' ? 1 : 0);
            _afterCr = false;
            return;
        }

        foreach (var b in decoded)
        {
            if (b == (byte)'\n')
            {
                if (!_afterCr) _line++;
                _afterCr = false;
            }
            else if (b == (byte)'\r')
            {
                _line++;
                _afterCr = true;
            }
            else
            {
                _afterCr = false;
            }
        }
    }

    private InputException Error(int line, string message) => new(new InputError(_name, line, null, message));
}
