using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using System.Globalization;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>Reads a long-format roll call (<c>member,motion,vote</c>, one vote per row) with optional
/// <c>members.csv</c> (<c>member,name,…</c>) and <c>motions.csv</c> (<c>motion,date,title,…</c>).
/// Extra member and motion columns become attributes. Streams the votes straight into the bit-packed
/// matrix; ids are interned once.</summary>
public static class RollCallCsvReader
{
    private const int MaxErrors = 50;

    /// <summary>Reads a roll call.</summary>
    /// <param name="votes">The votes CSV.</param>
    /// <param name="votesName">Its display name, for errors.</param>
    /// <param name="members">The members CSV, or <c>null</c> (members are then taken from the votes, in order of appearance).</param>
    /// <param name="membersName">Its display name.</param>
    /// <param name="motions">The motions CSV, or <c>null</c> (motions are then taken from the votes, undated).</param>
    /// <param name="motionsName">Its display name.</param>
    /// <exception cref="InputException">Any problem in any of the files: every one found (up to 50), with file and line.</exception>
    public static RollCall Read(TextReader votes, string votesName, TextReader? members = null, string? membersName = null,
        TextReader? motions = null, string? motionsName = null)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(votesName);
        var errors = new List<InputError>();
        var roster = members is null ? null : ReadMembers(members, membersName ?? "members.csv", errors);
        var agenda = motions is null ? null : ReadMotions(motions, motionsName ?? "motions.csv", errors);
        if (errors.Count > 0) throw new InputException(errors);

        var memberIds = new IdTable(roster?.Select(m => m.Id.Value));
        var motionIds = new IdTable(agenda?.Select(m => m.Motion.Id.Value));
        var grid = new GrowableVoteGrid();
        var parser = new CsvParser(votes, votesName);
        if (!parser.Read()) throw new InputException(new InputError(votesName, 1, null, "The file is empty: expected a header line 'member,motion,vote' and one row per vote."));
        var (memberCol, motionCol, voteCol) = VotesHeader(parser, votesName);
        var width = parser.FieldCount;
        try
        {
            ReadVotes(votes, parser, votesName, new VoteTarget(memberIds, motionIds, roster is not null, agenda is not null, grid, membersName, motionsName),
                () => new VoteChunk(votesName, width, memberCol, motionCol, voteCol), errors);
        }
        catch (InputException ex)
        {
            // The file stops being readable (not UTF-8, binary, an unclosed quote): that error comes after those before it.
            errors.AddRange(ex.Errors);
        }

        errors.Sort((x, y) => (x.Line ?? 0).CompareTo(y.Line ?? 0));
        if (errors.Count > MaxErrors) errors.RemoveRange(MaxErrors, errors.Count - MaxErrors);
        if (errors.Count > 0) throw new InputException(errors);

        var memberList = roster ?? [.. memberIds.Ids.Select(id => Member.Simple(new MemberId(id), id))];
        var motionRows = agenda ?? [.. motionIds.Ids.Select(id => new MotionRow(
            new Motion(new MotionId(id), Undated, id, MotionKind.Other, null, Outcome.Unknown, false, false, null, [], EmptyAttributes), null))];
        var matrix = grid.Build([.. memberList.Select(m => m.Id)], [.. motionRows.Select(m => m.Motion.Id)]);

        var motionsWithTallies = ImmutableArray.CreateBuilder<Motion>(motionRows.Count);
        var counts = matrix.ColumnCounts();
        for (var j = 0; j < motionRows.Count; j++)
        {
            var (f, a, b) = counts[j];
            motionsWithTallies.Add(motionRows[j].Motion with { Tally = new Tally(f, a, b) });
        }

        var meetings = motionRows.Select(m => m.Motion.Meeting).Distinct()
            .Select(id => new Meeting(id, id == Undated ? null : DateOnly.ParseExact(id.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), null, null, null, []))
            .OrderBy(m => m.Id)
            .ToImmutableArray();
        return new RollCall(votesName, [.. memberList], meetings, motionsWithTallies.ToImmutable(), matrix);
    }

    private const int ChunkChars = 1 << 20;

    private sealed record VoteTarget(IdTable Members, IdTable Motions, bool RosterGiven, bool AgendaGiven, GrowableVoteGrid Grid, string? MembersName, string? MotionsName);

    /// <summary>The votes after the header. Plain CSV (no quotes, no lone CR) is cut at line ends into stretches of
    /// about a million characters, each parsed on a worker while this thread reads the next ones and merges the parsed
    /// ones in file order; from the first stretch holding a quote (a field may then span lines) the rest is read record
    /// by record.</summary>
    private static void ReadVotes(TextReader votes, CsvParser parser, string file, VoteTarget target, Func<VoteChunk> newChunk, List<InputError> errors)
    {
        var line = parser.NextLine;
        var carry = parser.Detach().ToCharArray();
        var carried = carry.Length;
        var slots = Math.Max(2, 2 * Environment.ProcessorCount);
        // Buffers and chunks are reused, a slot each: a fresh 2 MB string per stretch kept the collector busy. A slot is
        // refilled once its stretch is merged; stretches are merged in the order they were read.
        var buffers = new char[slots][];
        var chunks = new VoteChunk[slots];
        var inFlight = new Queue<(int Slot, Task Parsing)>();
        var free = new Stack<int>(Enumerable.Range(0, slots).Reverse());
        var eof = false;
        void Start(int slot, int length, int first)
        {
            var chunk = chunks[slot] ??= newChunk();
            var text = buffers[slot];
            inFlight.Enqueue((slot, Task.Run(() =>
            {
                chunk.Clear();
                chunk.AddLines(text.AsSpan(0, length), first);
            })));
        }

        // Merges the oldest stretch; false when reading must stop (too many errors, or a record too wide for CSV).
        bool MergeNext(bool always = false)
        {
            var (slot, parsing) = inFlight.Dequeue();
            parsing.Wait();
            Merge(chunks[slot], target, file, errors);
            free.Push(slot);
            return always || (errors.Count < MaxErrors && !chunks[slot].Stopped);
        }

        try
        {
            while (!(eof && carried == 0))
            {
                if (free.Count == 0 && !MergeNext()) return;
                var slot = free.Pop();
                var buffer = buffers[slot] ??= new char[Math.Max(ChunkChars, carried + 1)];
                if (buffer.Length <= carried) buffer = buffers[slot] = new char[carried + ChunkChars];
                Array.Copy(carry, buffer, carried);
                int read;
                try
                {
                    read = eof ? 0 : votes.ReadBlock(buffer, carried, buffer.Length - carried);
                }
                catch (Exception ex) when (ex is InputException or System.Text.DecoderFallbackException)
                {
                    // The file stops being text here: the stretches already read, and the text carried over from the
                    // last of them, still count; then the error does.
                    var plain = carried > 0 && Plain(buffer.AsSpan(0, carried));
                    if (plain) Start(slot, carried, line);
                    while (inFlight.Count > 0) MergeNext(always: true);
                    if (carried > 0 && !plain)
                        ReadRecords(new CsvParser(new StringReader(new string(buffer, 0, carried)), file, line), target, newChunk, file, errors);
                    if (ex is InputException) throw;
                    throw new InputException(new InputError(file, line, null, "The file is not valid UTF-8 text (at or after this line)."));
                }

                if (read == 0) eof = true;
                var length = carried + read;
                var cut = eof ? length : buffer.AsSpan(0, length).LastIndexOf('\n') + 1;
                if (cut == 0 || !Plain(buffer.AsSpan(0, cut)))
                {
                    // A quote, a lone CR or a NUL (or a line longer than a stretch): record by record from here on.
                    var slowRest = new string(buffer, 0, length);
                    while (inFlight.Count > 0)
                        if (!MergeNext()) return;
                    ReadRecords(new CsvParser(new PrefixedReader(slowRest, votes), file, line), target, newChunk, file, errors);
                    return;
                }

                Start(slot, cut, line);
                line += buffer.AsSpan(0, cut).Count('\n');
                carried = length - cut;
                if (carry.Length < carried) carry = new char[carried];
                Array.Copy(buffer, cut, carry, 0, carried);
            }

            while (inFlight.Count > 0)
                if (!MergeNext()) return;
        }
        finally
        {
            // Stopping early (errors, or an exception) leaves no parse running over the buffers. A parse that failed
            // here is not merged: the error already on its way, or the one its own Wait gave, is the one reported.
            foreach (var (_, parsing) in inFlight)
            {
                try
                {
                    parsing.Wait();
                }
                catch (AggregateException)
                {
                }
            }
        }
    }

    // True if every line end in the text is LF or CRLF and it holds no quote and no NUL.
    private static bool Plain(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('"', '\0') >= 0) return false;
        for (var at = text.IndexOf('\r'); at >= 0;)
        {
            if (at + 1 >= text.Length || text[at + 1] != '\n') return false;
            var next = text[(at + 1)..].IndexOf('\r');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return true;
    }

    // The general path: one record at a time through the RFC 4180 parser, merged every 65,536 records.
    private static void ReadRecords(CsvParser parser, VoteTarget target, Func<VoteChunk> newChunk, string file, List<InputError> errors)
    {
        var chunk = newChunk();
        try
        {
            while (errors.Count + chunk.Errors.Count < MaxErrors && parser.Read())
            {
                chunk.Add(parser.Line, parser.FieldCount, Field(parser, chunk, 0), Field(parser, chunk, 1), Field(parser, chunk, 2));
                if (chunk.Count + chunk.Errors.Count < 1 << 16) continue;
                Merge(chunk, target, file, errors);
                chunk = newChunk();
            }
        }
        finally
        {
            // Also when the file stops being readable: the rows and errors before that point still count.
            Merge(chunk, target, file, errors);
        }
    }

    private static ReadOnlySpan<char> Field(CsvParser parser, VoteChunk chunk, int which)
    {
        var column = chunk.Column(which);
        return column < parser.FieldCount ? parser.Field(column) : default;
    }

    // Adds a stretch's rows to the matrix in order: its ids interned (or looked up in the given roster and agenda),
    // a second vote for the same member and motion refused.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Merge(VoteChunk chunk, VoteTarget target, string file, List<InputError> errors)
    {
        errors.AddRange(chunk.Errors);
        var members = chunk.Members.Ids.Select(id => target.RosterGiven ? target.Members.Find(id) : target.Members.Intern(id)).ToArray();
        var motions = chunk.Motions.Ids.Select(id => target.AgendaGiven ? target.Motions.Find(id) : target.Motions.Intern(id)).ToArray();
        for (var r = 0; r < chunk.Count; r++)
        {
            var (row, col) = (members[chunk.Member(r)], motions[chunk.Motion(r)]);
            if (row < 0)
                errors.Add(new InputError(file, chunk.Line(r), "member", $"Member \"{Printable(chunk.Members.Ids[chunk.Member(r)])}\" is not in {target.MembersName}."));
            else if (col < 0)
                errors.Add(new InputError(file, chunk.Line(r), "motion", $"Motion \"{Printable(chunk.Motions.Ids[chunk.Motion(r)])}\" is not in {target.MotionsName}."));
            else if (!target.Grid.TrySet(row, col, chunk.Vote(r)))
                errors.Add(new InputError(file, chunk.Line(r), null,
                    $"A second vote for member \"{Printable(chunk.Members.Ids[chunk.Member(r)])}\" on motion \"{Printable(chunk.Motions.Ids[chunk.Motion(r)])}\": give one row per member and motion."));
        }
    }

    private static readonly MeetingId Undated = new("undated");

    private static readonly ImmutableSortedDictionary<string, string> EmptyAttributes =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    private sealed record MotionRow(Motion Motion, DateOnly? Date);

    private static (int Member, int Motion, int Vote) VotesHeader(CsvParser parser, string file)
    {
        int member = -1, motion = -1, vote = -1;
        for (var i = 0; i < parser.FieldCount; i++)
        {
            var name = parser.Field(i).Trim();
            if (name.Equals("member", StringComparison.OrdinalIgnoreCase)) member = i;
            else if (name.Equals("motion", StringComparison.OrdinalIgnoreCase)) motion = i;
            else if (name.Equals("vote", StringComparison.OrdinalIgnoreCase)) vote = i;
        }

        if (member < 0 || motion < 0 || vote < 0)
            throw new InputException(new InputError(file, parser.Line, null,
                $"Missing header: the first line must name the columns member, motion and vote (found: {HeaderText(parser)})."));
        return (member, motion, vote);
    }

    private static List<Member>? ReadMembers(TextReader reader, string file, List<InputError> errors)
    {
        var list = new List<Member>();
        var ok = ReadKeyedRows(reader, file, "member", "member,name,…", errors, (parser, header, idCol, id) =>
        {
            var nameCol = header.FindIndex(h => h.Equals("name", StringComparison.OrdinalIgnoreCase));
            var name = nameCol >= 0 && parser.Field(nameCol).Trim().Length > 0 ? parser.Field(nameCol).Trim().ToString() : id;
            var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
                if (i != idCol && i != nameCol) attributes[header[i]] = parser.Field(i).ToString();
            list.Add(Member.Simple(new MemberId(id), name) with { Attributes = attributes.ToImmutable() });
        });
        return ok ? list : null;
    }

    private static List<MotionRow>? ReadMotions(TextReader reader, string file, List<InputError> errors)
    {
        var list = new List<MotionRow>();
        var ok = ReadKeyedRows(reader, file, "motion", "motion,date,title,…", errors, (parser, header, idCol, id) =>
        {
            int Col(string name) => header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            var dateCol = Col("date");
            var titleCol = Col("title");
            var kindCol = Col("kind");
            var outcomeCol = Col("outcome");
            DateOnly? date = null;
            if (dateCol >= 0 && parser.Field(dateCol).Trim() is { Length: > 0 } dateText)
            {
                if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
                else errors.Add(new InputError(file, parser.Line, "date", $"\"{Printable(dateText)}\" is not a date as YYYY-MM-DD."));
            }

            var kind = MotionKind.Other;
            if (kindCol >= 0 && parser.Field(kindCol).Trim() is { Length: > 0 } kindText && !ModelNames.TryParse(ModelNames.Kinds, kindText.ToString().ToLowerInvariant(), out kind))
                errors.Add(new InputError(file, parser.Line, "kind", $"Unknown kind \"{Printable(kindText)}\": expected one of {ModelNames.Choices(ModelNames.Kinds)}."));
            var outcome = Outcome.Unknown;
            if (outcomeCol >= 0 && parser.Field(outcomeCol).Trim() is { Length: > 0 } outcomeText && !ModelNames.TryParse(ModelNames.Outcomes, outcomeText.ToString().ToLowerInvariant(), out outcome))
                errors.Add(new InputError(file, parser.Line, "outcome", $"Unknown outcome \"{Printable(outcomeText)}\": expected one of {ModelNames.Choices(ModelNames.Outcomes)}."));

            var title = titleCol >= 0 && parser.Field(titleCol).Trim().Length > 0 ? parser.Field(titleCol).Trim().ToString() : id;
            var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
                if (i != idCol && i != dateCol && i != titleCol && i != kindCol && i != outcomeCol) attributes[header[i]] = parser.Field(i).ToString();
            var meeting = date is { } dd ? new MeetingId(dd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : Undated;
            list.Add(new MotionRow(new Motion(new MotionId(id), meeting, title, kind, null, outcome, false, false, null, [], attributes.ToImmutable()), date));
        });
        return ok ? list : null;
    }

    /// <summary>Reads a CSV whose rows are keyed by an id column: checks the header names it, every row has the
    /// header's width, and each id is non-empty and unique (errors collected, with lines), then hands each good row
    /// on. Returns false when the file is empty or the header lacks the key column.</summary>
    private static bool ReadKeyedRows(TextReader reader, string file, string key, string headerHint, List<InputError> errors,
        Action<CsvParser, List<string>, int, string> row)
    {
        var parser = new CsvParser(reader, file);
        if (!parser.Read())
        {
            errors.Add(new InputError(file, 1, null, $"The file is empty: expected a header line '{headerHint}'."));
            return false;
        }

        var header = Header(parser);
        var idCol = header.FindIndex(h => h.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (idCol < 0)
        {
            errors.Add(new InputError(file, parser.Line, null, $"Missing header: the first line must name a '{key}' column (found: {HeaderText(parser)})."));
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (errors.Count < MaxErrors && parser.Read())
        {
            if (parser.FieldCount != header.Count)
            {
                errors.Add(new InputError(file, parser.Line, null, $"Row has {parser.FieldCount} fields; the header has {header.Count}."));
                continue;
            }

            var id = parser.Field(idCol).Trim().ToString();
            if (id.Length == 0 || !seen.Add(id))
            {
                var what = char.ToUpperInvariant(key[0]) + key[1..];
                errors.Add(new InputError(file, parser.Line, key, id.Length == 0 ? "Empty id." : $"{what} \"{Printable(id)}\" is listed twice."));
                continue;
            }

            row(parser, header, idCol, id);
        }

        return true;
    }

    private static List<string> Header(CsvParser parser)
    {
        var names = new List<string>(parser.FieldCount);
        for (var i = 0; i < parser.FieldCount; i++) names.Add(parser.Field(i).Trim().ToString());
        return names;
    }

    private static string HeaderText(CsvParser parser)
    {
        var text = string.Join(",", Header(parser));
        return Printable(text.Length > 80 ? text[..77] + "…" : text);
    }

    /// <summary>Shows user text in a message without control characters.</summary>
    internal static string Printable(ReadOnlySpan<char> text)
    {
        var s = text.Length > 60 ? string.Concat(text[..57], "…") : text.ToString();
        return string.Concat(s.Select(c => char.IsControl(c) ? '?' : c));
    }
}
