namespace VoteAlign.Core.Ingest;

/// <summary>A streaming RFC 4180 parser: comma-separated, fields optionally in double quotes with <c>""</c> for a
/// quote, records ended by LF or CRLF, a leading BOM ignored. Holds one record at a time, so files of any size
/// stream through in constant memory. Fields are exposed as spans over an internal buffer, valid until the
/// next <see cref="Read"/>.</summary>
/// <remarks>Hand-written rather than taken from a CSV library because every error must name the physical
/// line it is on (a quoted field may span lines), and the hot path hands spans straight to id interning.</remarks>
internal sealed class CsvParser
{
    private const int MaxRecordChars = 1 << 20;

    private readonly TextReader _reader;
    private readonly string _file;
    private readonly char[] _buffer = new char[1 << 16];
    private int _pos;
    private int _len;
    private bool _eof;
    private bool _started;

    private char[] _record = new char[256];
    private int _recordLength;
    private int[] _ends = new int[8];
    private int _fieldCount;
    private int _nextLine = 1;

    public CsvParser(TextReader reader, string file, int firstLine = 1)
    {
        _reader = reader;
        _file = file;
        _nextLine = firstLine;
        // Carrying on mid-file: a U+FEFF there is a character of the data, not a byte-order mark.
        _started = firstLine > 1;
    }

    /// <summary>The line the next unread character is on.</summary>
    public int NextLine => _nextLine;

    /// <summary>The characters read from the reader but not yet parsed; the parser is not to be used afterwards (the
    /// caller carries on from there and the rest of the reader).</summary>
    public string Detach()
    {
        var rest = _pos < _len ? new string(_buffer, _pos, _len - _pos) : "";
        _pos = _len;
        _eof = true;
        return rest;
    }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    public int FieldCount => _fieldCount;

    public ReadOnlySpan<char> Field(int i)
    {
        var start = i == 0 ? 0 : _ends[i - 1];
        return _record.AsSpan(start, _ends[i] - start);
    }

    /// <summary>Reads the next record. Blank lines are skipped.</summary>
    /// <returns><c>false</c> at the end of the input.</returns>
    /// <exception cref="InputException">An unterminated quote, a quote inside an unquoted field, a record over 1 MiB.</exception>
    public bool Read()
    {
        while (true)
        {
            if (!Fill()) return false;
            Line = _nextLine;
            _recordLength = 0;
            _fieldCount = 0;
            var sawAny = ReadRecord();
            if (!sawAny) continue; // a blank line
            return true;
        }
    }

    // Reads one record from the current position. Returns false if the line was blank.
    private bool ReadRecord()
    {
        var fieldStart = true;
        var quoted = false;
        var afterQuote = false;
        var any = false;
        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                if (quoted) throw Error(Line, "A quoted field is not closed before the end of the file.");
                if (any || _fieldCount > 0) EndField();
                return any || _fieldCount > 0;
            }

            var c = _buffer[_pos++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (_pos >= _len) Fill();
                    if (_pos < _len && _buffer[_pos] == '"')
                    {
                        _pos++;
                        Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n') _nextLine++;
                    Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    any = true;
                    EndField();
                    fieldStart = true;
                    afterQuote = false;
                    continue;
                case '\r':
                    if (_pos >= _len) Fill();
                    if (_pos < _len && _buffer[_pos] == '\n') _pos++;
                    _nextLine++;
                    if (any) EndField();
                    return any;
                case '\n':
                    _nextLine++;
                    if (any) EndField();
                    return any;
                case '"' when fieldStart:
                    quoted = true;
                    fieldStart = false;
                    any = true;
                    continue;
                case '"':
                    throw Error(_nextLine, "A double quote inside an unquoted field: quote the whole field and double the quote (\"\").");
                default:
                    if (afterQuote && c is not (' ' or '\t'))
                        throw Error(_nextLine, "Text after the closing quote of a field.");
                    if (!afterQuote) Append(c);
                    fieldStart = false;
                    any = true;
                    continue;
            }
        }
    }

    private void Append(char c)
    {
        if (_recordLength == _record.Length)
        {
            if (_record.Length >= MaxRecordChars) throw Error(Line, "A record is longer than 1 MiB: is this really a CSV file?");
            Array.Resize(ref _record, _record.Length * 2);
        }

        _record[_recordLength++] = c;
    }

    private void EndField()
    {
        if (_fieldCount == _ends.Length)
        {
            if (_ends.Length >= 4096) throw Error(Line, "A record has more than 4,096 fields.");
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _ends[_fieldCount++] = _recordLength;
    }

    private bool Fill()
    {
        if (_pos < _len) return true;
        if (_eof) return false;
        try
        {
            _len = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw Error(_nextLine, "The file is not valid UTF-8 text.");
        }

        _pos = 0;
        if (_len == 0)
        {
            _eof = true;
            return false;
        }

        if (!_started)
        {
            _started = true;
            if (_buffer[0] == '\uFEFF') _pos = 1; // a BOM the reader did not strip
            if (_pos >= _len) return Fill();
        }

        if (Array.IndexOf(_buffer, '\0', _pos, _len - _pos) >= 0)
            throw Error(_nextLine, "The file holds NUL bytes: it looks binary, not a CSV text file.");
        return true;
    }

    private InputException Error(int line, string message) => new(new InputError(_file, line, null, message));
}
