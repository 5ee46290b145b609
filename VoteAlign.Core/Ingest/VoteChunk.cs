using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>The rows of one stretch of a long roll call, checked and interned locally: each stretch can be read on its
/// own thread, and <see cref="RollCallCsvReader"/> then merges the stretches in file order, so ids keep the order of
/// their first appearance in the file and errors keep their lines.</summary>
internal sealed class VoteChunk
{
    private readonly string _file;
    private readonly int _width;
    private readonly int _memberCol;
    private readonly int _motionCol;
    private readonly int _voteCol;
    private int _lastMember = -1;
    private int _lastMotion = -1;
    private int[] _members = new int[4096];
    private int[] _motions = new int[4096];
    private byte[] _votes = new byte[4096];
    private int[] _lines = new int[4096];

    public VoteChunk(string file, int width, int memberCol, int motionCol, int voteCol)
    {
        _file = file;
        _width = width;
        _memberCol = memberCol;
        _motionCol = motionCol;
        _voteCol = voteCol;
    }

    /// <summary>Member ids in order of first appearance in this stretch.</summary>
    public IdTable Members { get; private set; } = new();

    /// <summary>Motion ids in order of first appearance in this stretch.</summary>
    public IdTable Motions { get; private set; } = new();

    /// <summary>Whether a record too wide to be CSV stopped this stretch (as <see cref="CsvParser"/> stops the file).</summary>
    public bool Stopped { get; private set; }

    /// <summary>Rows kept.</summary>
    public int Count { get; private set; }

    /// <summary>Problems found in the rows themselves (field counts, empty ids, unknown vote words).</summary>
    public List<InputError> Errors { get; } = [];

    /// <summary>Empties the chunk for the next stretch, keeping its arrays.</summary>
    public void Clear()
    {
        Members = new IdTable();
        Motions = new IdTable();
        Errors.Clear();
        Stopped = false;
        Count = 0;
        _lastMember = -1;
        _lastMotion = -1;
    }

    /// <summary>The column of the member (0), motion (1) or vote (2).</summary>
    public int Column(int which) => which switch { 0 => _memberCol, 1 => _motionCol, _ => _voteCol };

    public int Member(int row) => _members[row];

    public int Motion(int row) => _motions[row];

    public Vote Vote(int row) => (Vote)_votes[row];

    public int Line(int row) => _lines[row];

    /// <summary>One row's fields: checks it and keeps it, or records why not.</summary>
    public void Add(int line, int fieldCount, ReadOnlySpan<char> memberField, ReadOnlySpan<char> motionField, ReadOnlySpan<char> voteField)
    {
        if (fieldCount != _width)
        {
            Errors.Add(new InputError(_file, line, null, $"Row has {fieldCount} fields; the header has {_width}."));
            return;
        }

        var memberText = memberField.Trim();
        var motionText = motionField.Trim();
        if (memberText.IsEmpty || motionText.IsEmpty)
        {
            Errors.Add(new InputError(_file, line, memberText.IsEmpty ? "member" : "motion", "Empty id."));
            return;
        }

        if (!VoteTokens.TryParse(voteField, out var vote))
        {
            Errors.Add(new InputError(_file, line, "vote", $"Unknown vote \"{RollCallCsvReader.Printable(voteField)}\": accepted are {VoteTokens.Accepted}."));
            return;
        }

        // Long roll calls come sorted, by motion or by member: each id is usually the last row's or the one interned
        // after it. Checking those first skips most hash lookups.
        var member = Members.Guess(memberText, _lastMember);
        if (member < 0) member = Members.Intern(memberText);
        var motion = Motions.Guess(motionText, _lastMotion);
        if (motion < 0) motion = Motions.Intern(motionText);
        _lastMember = member;
        _lastMotion = motion;
        if (Count == _members.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _members, size);
            Array.Resize(ref _motions, size);
            Array.Resize(ref _votes, size);
            Array.Resize(ref _lines, size);
        }

        _members[Count] = member;
        _motions[Count] = motion;
        _votes[Count] = (byte)vote;
        _lines[Count] = line;
        Count++;
    }

    /// <summary>Reads whole lines of plain CSV (no quotes, no lone CR, no NUL; CRLF allowed) starting at line
    /// <paramref name="firstLine"/>. Blank lines are skipped, as <see cref="CsvParser"/> skips them.</summary>
    public void AddLines(ReadOnlySpan<char> text, int firstLine)
    {
        // One pass over the characters: field starts are noted at each comma, a record ends at each LF. (Rows are
        // short: a loop here beats a vectorised search per field.)
        var line = firstLine;
        var start = 0;
        var fields = 0;
        int memberStart = 0, memberEnd = 0, motionStart = 0, motionEnd = 0, voteStart = 0, voteEnd = 0;
        var fieldStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (c != ',' && c != '\n') continue;
            if (fields >= 4096)
            {
                Errors.Add(new InputError(_file, line, null, "A record has more than 4,096 fields."));
                Stopped = true;
                return;
            }

            var fieldEnd = c == '\n' && i > fieldStart && text[i - 1] == '\r' ? i - 1 : i;
            if (fields == _memberCol) (memberStart, memberEnd) = (fieldStart, fieldEnd);
            if (fields == _motionCol) (motionStart, motionEnd) = (fieldStart, fieldEnd);
            if (fields == _voteCol) (voteStart, voteEnd) = (fieldStart, fieldEnd);
            fields++;
            fieldStart = i + 1;
            if (c != '\n') continue;
            // A blank line (nothing but a CR) is skipped, as CsvParser skips it; the text's end is no extra line.
            var blank = fields == 1 && fieldEnd == start;
            if (!blank)
            {
                Add(line, fields,
                    fields > _memberCol ? text[memberStart..memberEnd] : default,
                    fields > _motionCol ? text[motionStart..motionEnd] : default,
                    fields > _voteCol ? text[voteStart..voteEnd] : default);
            }

            line++;
            fields = 0;
            start = fieldStart;
        }
    }
}
