using System.Text;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>One input file as lines (1-based in messages), read whole. Lines split as <c>File.ReadAllLines</c>
/// does (CRLF, CR or LF), so line numbers agree with every other tool that counts lines.</summary>
internal sealed class SourceText
{
    /// <summary>Inputs larger than this many characters are refused: no meeting report is this long, and the
    /// limit keeps memory bounded whatever is piped in.</summary>
    public const int MaxChars = 64 * 1024 * 1024;

    private SourceText(string name, string[] lines)
    {
        Name = name;
        Lines = lines;
    }

    /// <summary>The name sources cite (usually the file name).</summary>
    public string Name { get; }

    /// <summary>The lines, without their line ends; index 0 is line 1.</summary>
    public string[] Lines { get; }

    /// <summary>Reads the whole input. Errors name it <paramref name="name"/>; sources cite it as
    /// <paramref name="document"/> (default: the same).</summary>
    /// <exception cref="InputException">The input is empty, binary, too large, or not decodable.</exception>
    public static SourceText Read(TextReader reader, string name, string? document = null)
    {
        string text;
        try
        {
            var buffer = new StringBuilder();
            var chunk = new char[1 << 16];
            int n;
            while ((n = reader.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > MaxChars)
                    throw new InputException(new InputError(name, null, null, $"The input is larger than {MaxChars / (1024 * 1024)} MB of text; split it into reports."));
                buffer.Append(chunk, 0, n);
            }

            text = buffer.ToString();
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(new InputError(name, null, null, "The file is not valid UTF-8 text."));
        }

        var lines = Split(text);
        CheckText(lines, name);
        return new SourceText(document ?? name, lines);
    }

    /// <summary>Wraps text already in memory (tests, the fuzz harness).</summary>
    public static SourceText FromString(string text, string name)
    {
        var lines = Split(text);
        CheckText(lines, name);
        return new SourceText(name, lines);
    }

    private static string[] Split(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add(text[start..i]);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }

        if (start < text.Length) lines.Add(text[start..]);
        return [.. lines];
    }

    // A NUL, or a line that is mostly control characters, means this is not a text report (an image, a PDF,
    // a zip): say so, rather than extract nonsense from it.
    private static void CheckText(string[] lines, string name)
    {
        // An empty report is a mistake (a failed download, the wrong file), not a meeting at which nothing was voted.
        if (lines.All(string.IsNullOrWhiteSpace))
            throw new InputException(new InputError(name, 1, null, "The file is empty: expected the text of a meeting report."));
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            var control = 0;
            foreach (var c in line)
            {
                if (c == '\0')
                    throw new InputException(new InputError(name, l + 1, null, "The file holds NUL bytes: it looks binary, not a text report."));
                if (char.IsControl(c) && c != '\t' && c != '\f' && c != '\v') control++;
            }

            if (line.Length >= 16 && control * 4 > line.Length)
                throw new InputException(new InputError(name, l + 1, null, "The line is mostly control characters: the file looks binary, not a text report."));
        }
    }
}
