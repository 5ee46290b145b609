using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>Maps a parsed <c>votealign/1</c> JSON tree to model records, collecting a type error for every
/// field that is missing, of the wrong type, or holds a value the format does not know.</summary>
internal sealed class JsonRecordMapper(string file)
{
    /// <summary>Errors past this many are counted, not kept: the CLI prints 100, and each one's JSON path costs a
    /// search through its array (Newtonsoft finds an entry's index by scanning), so keeping all of a hostile file's
    /// errors was quadratic (a fuzzed file of 250,000 commas took 57 s).</summary>
    public const int MaxErrors = 100;

    private readonly List<InputError> _errors = [];
    private int _dropped;

    /// <summary>The first <see cref="MaxErrors"/> errors, then one saying how many more there were.</summary>
    public IReadOnlyList<InputError> Errors => _dropped == 0
        ? _errors
        : [.. _errors, new InputError(file, null, null, $"… and {_dropped:N0} more errors of this kind (only the first {MaxErrors} are listed).")];

    /// <summary>Whether some array entry was left out for being unusable (so array indexes no longer match the file).</summary>
    public bool DroppedEntries { get; private set; }

    /// <summary>The mapped set, or <c>null</c> when the root is unusable (not an object, wrong format).
    /// When it is not null, <see cref="Errors"/> may still hold type errors.</summary>
    public RecordSet? Map(JToken root)
    {
        if (root is not JObject o)
        {
            Error(root, "The file must hold a JSON object with \"format\": \"votealign/1\".");
            return null;
        }

        var format = o["format"];
        if (format is null)
        {
            Error(o, "Missing \"format\": expected \"votealign/1\".");
            return null;
        }

        if (format.Type != JTokenType.String || (string?)format != RecordSet.FormatVersion)
        {
            Error(format, $"Unknown format {format.ToString(Formatting.None)}: this version reads \"{RecordSet.FormatVersion}\".");
            return null;
        }

        return new RecordSet(
            OptString(o, "body"),
            OptInt(o, "seats", min: 1),
            Array(o, "reports", required: false, MapReport),
            Array(o, "members", required: true, MapMember),
            Array(o, "meetings", required: true, MapMeeting),
            Array(o, "motions", required: true, MapMotion),
            Array(o, "positions", required: true, MapPosition),
            Array(o, "groupPositions", required: false, MapGroupPosition));
    }

    private Report? MapReport(JObject o) =>
        ReqString(o, "id") is { } id
            ? new Report(id, StringArray(o, "authors"), OptDate(o, "published"), OptString(o, "title"), OptString(o, "document"))
            : null;

    private Member? MapMember(JObject o)
    {
        var id = ReqString(o, "id");
        var name = ReqString(o, "name");
        var terms = Array(o, "terms", required: false, t => new Term(OptDate(t, "from"), OptDate(t, "to")));
        var affiliations = Array(o, "affiliations", required: false, a =>
            ReqString(a, "group") is { } g ? new Affiliation(g, OptDate(a, "from"), OptDate(a, "to"), OptSource(a, "source")) : null);
        var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (Field(o, "attributes", JTokenType.Object) is JObject attrs)
        {
            foreach (var p in attrs.Properties())
            {
                if (p.Value.Type == JTokenType.String) attributes[p.Name] = (string)p.Value!;
                else Error(p.Value, $"Member attribute \"{p.Name}\" must be a string.");
            }
        }

        if (id is null || name is null) return null;
        return new Member(new MemberId(id), name, StringArray(o, "aliases"), OptString(o, "section"), terms, affiliations, attributes.ToImmutable());
    }

    private Meeting? MapMeeting(JObject o)
    {
        var id = ReqString(o, "id");
        var date = OptDate(o, "date");
        if (id is null) return null;
        return new Meeting(new MeetingId(id), date, OptString(o, "body"), OptInt(o, "seats", min: 1), OptString(o, "note"),
            Array(o, "sources", required: false, MapSource));
    }

    private Motion? MapMotion(JObject o)
    {
        var id = ReqString(o, "id");
        var meeting = ReqString(o, "meeting");
        var title = OptString(o, "title") ?? "";
        var kind = OptEnum(o, "kind", ModelNames.Kinds) ?? MotionKind.Other;
        var tally = OptTally(o, "tally");
        var outcome = OptEnum(o, "outcome", ModelNames.Outcomes) ?? Outcome.Unknown;
        var unanimous = OptBool(o, "unanimous");
        var nemCon = OptBool(o, "nemCon");
        var sources = Array(o, "sources", required: false, MapSource);
        var attributes = StringMap(o, "attributes");
        if (id is null || meeting is null) return null;
        return new Motion(new MotionId(id), new MeetingId(meeting), title, kind, tally, outcome, unanimous, nemCon,
            OptString(o, "note"), sources, attributes);
    }

    private Position? MapPosition(JObject o)
    {
        var member = ReqString(o, "member");
        var motion = ReqString(o, "motion");
        var vote = ReqEnum(o, "vote", ModelNames.Votes);
        var basis = ReqEnum(o, "basis", ModelNames.Bases);
        VoteProbabilities? probabilities = null;
        if (Field(o, "probabilities", JTokenType.Object) is JObject p)
        {
            double Prob(string name) => OptDouble(p, name) ?? 0.0;
            probabilities = new VoteProbabilities(Prob("for"), Prob("against"), Prob("abstain"), Prob("absent"));
        }

        var source = OptSource(o, "source");
        if (member is null || motion is null || vote is null || basis is null) return null;
        return new Position(new MemberId(member), new MotionId(motion), vote.Value, basis.Value, probabilities, source);
    }

    private GroupPosition? MapGroupPosition(JObject o)
    {
        var group = ReqString(o, "group");
        var motion = ReqString(o, "motion");
        var vote = ReqEnum(o, "vote", ModelNames.Votes);
        var count = OptInt(o, "count", min: 0);
        var members = StringArray(o, "members").Select(m => new MemberId(m)).ToImmutableArray();
        var source = OptSource(o, "source");
        if (group is null || motion is null || vote is null) return null;
        return new GroupPosition(group, new MotionId(motion), vote.Value, count, members, source);
    }

    private Source? MapSource(JObject o)
    {
        var report = ReqString(o, "report");
        var quote = OptString(o, "quote") ?? "";
        var source = new Source(report ?? "", OptString(o, "author"), OptDate(o, "published"), OptString(o, "document"),
            OptInt(o, "line", min: 1), quote, OptTally(o, "tally"));
        return report is null ? null : source;
    }

    private Source? OptSource(JObject o, string name) => Field(o, name, JTokenType.Object) is JObject s ? MapSource(s) : null;

    private Tally? OptTally(JObject o, string name)
    {
        if (Field(o, name, JTokenType.Object) is not JObject t) return null;
        foreach (var p in t.Properties())
            if (p.Name is not ("for" or "against" or "abstain"))
                Error(p, $"Unknown tally part \"{p.Name}\": a tally has \"for\", \"against\" and \"abstain\".");
        return new Tally(OptInt(t, "for", min: 0), OptInt(t, "against", min: 0), OptInt(t, "abstain", min: 0));
    }

    private ImmutableArray<T> Array<T>(JObject o, string name, bool required, Func<JObject, T?> map)
        where T : class
    {
        var token = o[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required) Error(o, $"Missing \"{name}\": expected an array (it may be empty).");
            return [];
        }

        if (token is not JArray array)
        {
            Error(token, $"\"{name}\" must be an array, not {Describe(token)}.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<T>(array.Count);
        foreach (var item in array)
        {
            if (item is not JObject element)
            {
                Error(item, $"Each entry of \"{name}\" must be an object, not {Describe(item)}.");
                DroppedEntries = true;
                continue;
            }

            if (map(element) is { } mapped) result.Add(mapped);
            else DroppedEntries = true;
        }

        return result.ToImmutable();
    }

    private ImmutableArray<string> StringArray(JObject o, string name)
    {
        if (Field(o, name, JTokenType.Array) is not JArray array) return [];
        var result = ImmutableArray.CreateBuilder<string>(array.Count);
        foreach (var item in array)
        {
            if (item.Type == JTokenType.String) result.Add((string)item!);
            else Error(item, $"Each entry of \"{name}\" must be a string, not {Describe(item)}.");
        }

        return result.ToImmutable();
    }

    private ImmutableSortedDictionary<string, string> StringMap(JObject o, string name)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (Field(o, name, JTokenType.Object) is JObject map)
        {
            foreach (var p in map.Properties())
            {
                if (p.Value.Type == JTokenType.String) builder[p.Name] = (string)p.Value!;
                else Error(p.Value, $"Attribute \"{p.Name}\" must be a string.");
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The field if present with the expected type; null if absent or JSON null; an error otherwise.</summary>
    private JToken? Field(JObject o, string name, JTokenType type)
    {
        var token = o[name];
        if (token is null || token.Type == JTokenType.Null) return null;
        if (token.Type == type || (type == JTokenType.Float && token.Type == JTokenType.Integer)) return token;
        Error(token, $"\"{name}\" must be {Article(type)}, not {Describe(token)}.");
        return null;
    }

    private string? ReqString(JObject o, string name)
    {
        var token = o[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            Error(o, $"Missing \"{name}\".");
            return null;
        }

        if (token.Type != JTokenType.String)
        {
            Error(token, $"\"{name}\" must be a string, not {Describe(token)}.");
            return null;
        }

        var value = (string)token!;
        if (value.Length == 0)
        {
            Error(token, $"\"{name}\" must not be empty.");
            return null;
        }

        return value;
    }

    private string? OptString(JObject o, string name) => Field(o, name, JTokenType.String) is { } t ? (string?)t : null;

    private bool OptBool(JObject o, string name) => Field(o, name, JTokenType.Boolean) is { } t && (bool)t;

    private int? OptInt(JObject o, string name, int min)
    {
        if (Field(o, name, JTokenType.Integer) is not { } t) return null;
        var raw = ((JValue)t).Value;
        var value = raw is System.Numerics.BigInteger big ? big : new System.Numerics.BigInteger(Convert.ToInt64(raw, CultureInfo.InvariantCulture));
        if (value < min || value > int.MaxValue)
        {
            Error(t, $"\"{name}\" must be a whole number ≥ {min}, not {t.ToString(Formatting.None)}.");
            return null;
        }

        return (int)value;
    }

    private double? OptDouble(JObject o, string name) => Field(o, name, JTokenType.Float) is { } t ? (double)t : null;

    private DateOnly? OptDate(JObject o, string name)
    {
        if (Field(o, name, JTokenType.String) is not { } t) return null;
        if (DateOnly.TryParseExact((string)t!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Error(t, $"\"{name}\" must be a date as YYYY-MM-DD, not {t.ToString(Formatting.None)}.");
        return null;
    }

    private T? OptEnum<T>(JObject o, string name, IReadOnlyList<(T Value, string Name)> table)
        where T : struct, Enum
    {
        if (Field(o, name, JTokenType.String) is not { } t) return null;
        if (ModelNames.TryParse(table, (string)t!, out var value)) return value;
        Error(t, $"Unknown {name} {t.ToString(Formatting.None)}: expected one of {ModelNames.Choices(table)}.");
        return null;
    }

    private T? ReqEnum<T>(JObject o, string name, IReadOnlyList<(T Value, string Name)> table)
        where T : struct, Enum
    {
        if (o[name] is null || o[name]!.Type == JTokenType.Null)
        {
            Error(o, $"Missing \"{name}\": expected one of {ModelNames.Choices(table)}.");
            return null;
        }

        return OptEnum(o, name, table);
    }

    private void Error(JToken token, string message)
    {
        if (_errors.Count >= MaxErrors)
        {
            _dropped++;
            return;
        }

        var line = token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : (int?)null;
        _errors.Add(new InputError(file, line, token.Path.Length == 0 ? null : token.Path, message));
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => $"the string {Truncate(token.ToString(Formatting.None))}",
        JTokenType.Null => "null",
        JTokenType.Undefined => "nothing (two commas in a row?)",
        _ => Truncate(token.ToString(Formatting.None)),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..37] + "…";

    private static string Article(JTokenType type) => type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Integer => "a whole number",
        JTokenType.Float => "a number",
        JTokenType.Boolean => "true or false",
        _ => "a string",
    };
}
