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
        int lastRow = -1, lastCol = -1;
        try
        {
            while (errors.Count < MaxErrors && parser.Read())
            {
                if (parser.FieldCount != width)
                {
                    errors.Add(new InputError(votesName, parser.Line, null, $"Row has {parser.FieldCount} fields; the header has {width}."));
                    continue;
                }

                var memberText = parser.Field(memberCol).Trim();
                var motionText = parser.Field(motionCol).Trim();
                if (memberText.IsEmpty || motionText.IsEmpty)
                {
                    errors.Add(new InputError(votesName, parser.Line, memberText.IsEmpty ? "member" : "motion", "Empty id."));
                    continue;
                }

                if (!VoteTokens.TryParse(parser.Field(voteCol), out var vote))
                {
                    errors.Add(new InputError(votesName, parser.Line, "vote", $"Unknown vote \"{Printable(parser.Field(voteCol))}\": accepted are {VoteTokens.Accepted}."));
                    continue;
                }

                // Long roll calls come sorted, by motion or by member: each id is usually the last row's or the one
                // interned after it. Checking those first skips most hash lookups.
                var row = memberIds.Guess(memberText, lastRow);
                if (row < 0) row = roster is null ? memberIds.Intern(memberText) : memberIds.Find(memberText);
                var col = motionIds.Guess(motionText, lastCol);
                if (col < 0) col = agenda is null ? motionIds.Intern(motionText) : motionIds.Find(motionText);
                lastRow = row;
                lastCol = col;
                if (row < 0)
                {
                    errors.Add(new InputError(votesName, parser.Line, "member", $"Member \"{Printable(memberText)}\" is not in {membersName}."));
                    continue;
                }

                if (col < 0)
                {
                    errors.Add(new InputError(votesName, parser.Line, "motion", $"Motion \"{Printable(motionText)}\" is not in {motionsName}."));
                    continue;
                }

                if (!grid.TrySet(row, col, vote))
                    errors.Add(new InputError(votesName, parser.Line, null, $"A second vote for member \"{Printable(memberText)}\" on motion \"{Printable(motionText)}\": give one row per member and motion."));
            }
        }
        catch (InputException ex)
        {
            // The file stops being readable (not UTF-8, binary, an unclosed quote): that error comes after those before it.
            errors.AddRange(ex.Errors);
        }

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
    private static string Printable(ReadOnlySpan<char> text)
    {
        var s = text.Length > 60 ? string.Concat(text[..57], "…") : text.ToString();
        return string.Concat(s.Select(c => char.IsControl(c) ? '?' : c));
    }
}
