using System.Globalization;
using Newtonsoft.Json;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Export.Json;

/// <summary>Writes a record set as a <c>votealign/1</c> file. The output is deterministic: fields in a fixed
/// order, arrays in the record set's order, two-space indent, LF line ends. Optional fields that are
/// <c>null</c> are left out; tally parts are always written (an unreported part as <c>null</c>).</summary>
public static class RecordFileWriter
{
    /// <summary>Writes <paramref name="records"/> to <paramref name="writer"/>.</summary>
    /// <param name="records">The record set.</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(RecordSet records, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(writer);
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("format");
        json.WriteValue(RecordSet.FormatVersion);
        Opt(json, "body", records.Body);
        Opt(json, "seats", records.Seats);
        if (!records.Reports.IsDefaultOrEmpty) Array(json, "reports", records.Reports, WriteReport);
        Array(json, "members", records.Members, WriteMember);
        Array(json, "meetings", records.Meetings, WriteMeeting);
        Array(json, "motions", records.Motions, WriteMotion);
        Array(json, "positions", records.Positions, WritePosition);
        if (!records.GroupPositions.IsDefaultOrEmpty) Array(json, "groupPositions", records.GroupPositions, WriteGroupPosition);
        json.WriteEndObject();
        json.Flush();
        writer.Write('\n');
    }

    private static void WriteReport(JsonWriter json, Report r)
    {
        json.WriteStartObject();
        Str(json, "id", r.Id);
        Strings(json, "authors", r.Authors);
        Opt(json, "published", r.Published);
        Opt(json, "title", r.Title);
        Opt(json, "document", r.Document);
        json.WriteEndObject();
    }

    private static void WriteMember(JsonWriter json, Member m)
    {
        json.WriteStartObject();
        Str(json, "id", m.Id.Value);
        Str(json, "name", m.Name);
        Strings(json, "aliases", m.Aliases);
        json.WritePropertyName("section");
        json.WriteValue(m.Section);
        Array(json, "terms", m.Terms, (j, t) =>
        {
            j.WriteStartObject();
            DateOrNull(j, "from", t.From);
            DateOrNull(j, "to", t.To);
            j.WriteEndObject();
        });
        Array(json, "affiliations", m.Affiliations, (j, a) =>
        {
            j.WriteStartObject();
            Str(j, "group", a.Group);
            DateOrNull(j, "from", a.From);
            DateOrNull(j, "to", a.To);
            if (a.Source is not null) SourceField(j, "source", a.Source);
            j.WriteEndObject();
        });
        if (m.Attributes.Count > 0) Map(json, "attributes", m.Attributes);
        json.WriteEndObject();
    }

    private static void WriteMeeting(JsonWriter json, Meeting m)
    {
        json.WriteStartObject();
        Str(json, "id", m.Id.Value);
        DateOrNull(json, "date", m.Date);
        Opt(json, "body", m.Body);
        Opt(json, "seats", m.Seats);
        Opt(json, "note", m.Note);
        if (!m.Sources.IsDefaultOrEmpty) Array(json, "sources", m.Sources, WriteSource);
        json.WriteEndObject();
    }

    private static void WriteMotion(JsonWriter json, Motion m)
    {
        json.WriteStartObject();
        Str(json, "id", m.Id.Value);
        Str(json, "meeting", m.Meeting.Value);
        Str(json, "title", m.Title);
        Str(json, "kind", ModelNames.Name(m.Kind));
        json.WritePropertyName("tally");
        WriteTally(json, m.Tally);
        Str(json, "outcome", ModelNames.Name(m.Outcome));
        if (m.Unanimous) Bool(json, "unanimous", true);
        if (m.NemCon) Bool(json, "nemCon", true);
        Opt(json, "note", m.Note);
        Array(json, "sources", m.Sources, WriteSource);
        if (m.Attributes.Count > 0) Map(json, "attributes", m.Attributes);
        json.WriteEndObject();
    }

    private static void WritePosition(JsonWriter json, Position p)
    {
        // One line per position keeps large files readable and diffable.
        var formatting = json.Formatting;
        json.WriteStartObject();
        json.Formatting = Formatting.None;
        Str(json, "member", p.Member.Value);
        Str(json, "motion", p.Motion.Value);
        Str(json, "vote", ModelNames.Name(p.Vote));
        Str(json, "basis", ModelNames.Name(p.Basis));
        if (p.Probabilities is { } pr)
        {
            json.WritePropertyName("probabilities");
            json.WriteStartObject();
            Num(json, "for", pr.For);
            Num(json, "against", pr.Against);
            Num(json, "abstain", pr.Abstain);
            Num(json, "absent", pr.Absent);
            json.WriteEndObject();
        }

        if (p.Source is not null) SourceField(json, "source", p.Source);
        json.WriteEndObject();
        json.Formatting = formatting;
    }

    private static void WriteGroupPosition(JsonWriter json, GroupPosition g)
    {
        json.WriteStartObject();
        Str(json, "group", g.Group);
        Str(json, "motion", g.Motion.Value);
        Str(json, "vote", ModelNames.Name(g.Vote));
        Opt(json, "count", g.Count);
        if (!g.Members.IsDefaultOrEmpty) Strings(json, "members", g.Members.Select(m => m.Value));
        if (g.Source is not null) SourceField(json, "source", g.Source);
        json.WriteEndObject();
    }

    private static void SourceField(JsonWriter json, string name, Source s)
    {
        json.WritePropertyName(name);
        WriteSource(json, s);
    }

    private static void WriteSource(JsonWriter json, Source s)
    {
        json.WriteStartObject();
        Str(json, "report", s.Report);
        Opt(json, "author", s.Author);
        Opt(json, "published", s.Published);
        Opt(json, "document", s.Document);
        Opt(json, "line", s.Line);
        Str(json, "quote", s.Quote);
        if (s.Tally is not null)
        {
            json.WritePropertyName("tally");
            WriteTally(json, s.Tally);
        }

        json.WriteEndObject();
    }

    private static void WriteTally(JsonWriter json, Tally? tally)
    {
        if (tally is not { } t)
        {
            json.WriteNull();
            return;
        }

        var formatting = json.Formatting;
        json.Formatting = Formatting.None;
        json.WriteStartObject();
        json.WritePropertyName("for");
        json.WriteValue(t.For);
        json.WritePropertyName("against");
        json.WriteValue(t.Against);
        json.WritePropertyName("abstain");
        json.WriteValue(t.Abstain);
        json.WriteEndObject();
        json.Formatting = formatting;
    }

    private static void Array<T>(JsonWriter json, string name, IEnumerable<T> items, Action<JsonWriter, T> write)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var item in items) write(json, item);
        json.WriteEndArray();
    }

    private static void Strings(JsonWriter json, string name, IEnumerable<string> items) =>
        Array(json, name, items, (j, s) => j.WriteValue(s));

    private static void Map(JsonWriter json, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        foreach (var (k, v) in map) Str(json, k, v);
        json.WriteEndObject();
    }

    private static void Str(JsonWriter json, string name, string value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Bool(JsonWriter json, string name, bool value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Num(JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Opt(JsonWriter json, string name, string? value)
    {
        if (value is null) return;
        Str(json, name, value);
    }

    private static void Opt(JsonWriter json, string name, int? value)
    {
        if (value is null) return;
        json.WritePropertyName(name);
        json.WriteValue(value.Value);
    }

    private static void Opt(JsonWriter json, string name, DateOnly? value)
    {
        if (value is null) return;
        DateOrNull(json, name, value);
    }

    private static void DateOrNull(JsonWriter json, string name, DateOnly? value)
    {
        json.WritePropertyName(name);
        if (value is { } d) json.WriteValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else json.WriteNull();
    }
}
