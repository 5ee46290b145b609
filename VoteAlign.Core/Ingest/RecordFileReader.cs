using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>Reads a <c>votealign/1</c> file, checking every field's type and every rule in
/// <see cref="RecordValidator"/>, and reporting all problems at once with their JSON path and line.</summary>
public static class RecordFileReader
{
    /// <summary>Reads and validates a record file.</summary>
    /// <param name="reader">The JSON text.</param>
    /// <param name="displayName">The name used in error messages (usually the path).</param>
    /// <returns>The records, with any warnings (problems that do not stop analysis).</returns>
    /// <exception cref="InputException">The file is not valid JSON, not <c>votealign/1</c>, or breaks a rule.</exception>
    public static RecordLoad Read(TextReader reader, string displayName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(displayName);
        var root = Parse(reader, displayName);
        var mapper = new JsonRecordMapper(displayName);
        var records = mapper.Map(root);
        var errors = mapper.Errors.ToList();
        var warnings = new List<InputError>();
        // Validation paths index the arrays; when an entry could not be mapped at all they would be off by one.
        if (records is not null && !mapper.DroppedEntries)
        {
            foreach (var issue in RecordValidator.Validate(records))
            {
                var line = (root.SelectToken(issue.Path, errorWhenNoMatch: false) as IJsonLineInfo) is { } info && info.HasLineInfo()
                    ? info.LineNumber
                    : (int?)null;
                var error = new InputError(displayName, line, issue.Path, issue.Message);
                (issue.IsError ? errors : warnings).Add(error);
            }
        }

        if (errors.Count > 0) throw new InputException(errors);
        return new RecordLoad(records!, [.. warnings]);
    }

    private static JToken Parse(TextReader reader, string displayName)
    {
        try
        {
            using var json = new JsonTextReader(reader) { DateParseHandling = DateParseHandling.None, MaxDepth = 64, CloseInput = false };
            var root = JToken.ReadFrom(json, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            // Anything after the top-level value is a mistake (two objects pasted together, a stray brace).
            if (json.Read())
                throw new InputException(new InputError(displayName, json.LineNumber, null, "Unexpected content after the end of the JSON document."));
            return root;
        }
        catch (JsonReaderException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
            if (cut < 0) cut = message.IndexOf(", line ", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            message = Plain(message.TrimEnd('.', ',')) + ".";
            if (ex.LineNumber == 0 && message.StartsWith("Error reading JToken", StringComparison.Ordinal))
                message = "The file is empty or holds no JSON value.";
            return ThrowParse(displayName, ex.LineNumber == 0 ? null : ex.LineNumber, ex.Path, message);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return ThrowParse(displayName, null, null, "The file is not valid UTF-8 text.");
        }
    }

    // Newtonsoft's wording for the commonest hand-editing slips, in a user's words.
    private static string Plain(string message)
    {
        const string after = "After parsing a value an unexpected character was encountered: ";
        const string additional = "Additional text encountered after finished reading JSON content: ";
        return message switch
        {
            "JsonToken EndArray is not valid for closing JsonType Object" => "A ']' where the open object needs a '}': a bracket is missing or extra",
            "JsonToken EndObject is not valid for closing JsonType Array" => "A '}' where the open array needs a ']': a bracket is missing or extra",
            _ when message.StartsWith(after, StringComparison.Ordinal) => $"Expected a comma or a closing bracket after the value, found '{message[after.Length..]}' (is a comma missing?)",
            _ when message.StartsWith(additional, StringComparison.Ordinal) => $"Unexpected content after the end of the JSON document ('{message[additional.Length..]}')",
            _ => message,
        };
    }

    private static JToken ThrowParse(string file, int? line, string? path, string message) =>
        throw new InputException(new InputError(file, line, string.IsNullOrEmpty(path) ? null : path, message));
}
