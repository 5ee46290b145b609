using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddLines(ReadOnlySpan<char> text, int firstLine)
    {
        // Line by line (a vectorised search for the line end), then one pass over the line's characters noting where
        // the wanted fields start and end. A text that does not end with LF ends with its last line.
        var line = firstLine;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf('\n');
            var row = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            // CRLF: the CR is no part of the last field. A blank line (nothing but a CR) is skipped, as CsvParser skips it.
            if (!row.IsEmpty && row[^1] == '\r') row = row[..^1];
            if (row.IsEmpty)
            {
                line++;
                continue;
            }

            int memberStart = 0, memberEnd = 0, motionStart = 0, motionEnd = 0, voteStart = 0, voteEnd = 0;
            var fields = 0;
            var fieldStart = 0;
            for (var i = 0; i <= row.Length; i++)
            {
                if (i < row.Length && row[i] != ',') continue;
                if (fields >= 4096)
                {
                    Errors.Add(new InputError(_file, line, null, "A record has more than 4,096 fields."));
                    Stopped = true;
                    return;
                }

                if (fields == _memberCol) (memberStart, memberEnd) = (fieldStart, i);
                if (fields == _motionCol) (motionStart, motionEnd) = (fieldStart, i);
                if (fields == _voteCol) (voteStart, voteEnd) = (fieldStart, i);
                fields++;
                fieldStart = i + 1;
            }

            Add(line, fields,
                fields > _memberCol ? row[memberStart..memberEnd] : default,
                fields > _motionCol ? row[motionStart..motionEnd] : default,
                fields > _voteCol ? row[voteStart..voteEnd] : default);
            line++;
        }
    }
}
