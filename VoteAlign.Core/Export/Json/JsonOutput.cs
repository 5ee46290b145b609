using Newtonsoft.Json;

namespace VoteAlign.Core.Export.Json;

/// <summary>How every JSON output is written: two-space indent, nulls written out, one trailing newline,
/// the writer left open. One place, so all outputs look alike and stay byte-stable.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Include });

    public static void Write(object dto, TextWriter writer)
    {
        using var json = new JsonTextWriter(writer) { CloseOutput = false, Formatting = Formatting.Indented, Indentation = 2 };
        Serializer.Serialize(json, dto);
        json.Flush();
        writer.Write('\n');
    }
}
