namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Splits lines into sentences. Each line is a paragraph (or a bullet); a sentence never crosses a
/// line, so every quote stands verbatim on the line it cites.</summary>
internal static class SentenceSplitter
{
    /// <summary>A sentence longer than this is cut at the next space: no real sentence is this long, and the
    /// cap keeps the work per sentence bounded on hostile input.</summary>
    public const int MaxSentence = 1500;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "st", "no", "nos", "eg", "ie", "etc", "vs", "v", "approx", "cllr", "rt", "hon",
        "prof", "jr", "sr", "co", "ltd", "inc", "govt", "dept", "fig", "vol", "pp", "cf", "al", "ca", "rev",
        "sgt", "capt", "col", "lt", "gen", "e", "i",
    };

    /// <summary>The sentences of lines <paramref name="first"/> to <paramref name="last"/> (1-based, inclusive).</summary>
    public static List<Sentence> Split(string[] lines, int first, int last)
    {
        var result = new List<Sentence>();
        for (var ln = first; ln <= last; ln++)
        {
            var line = lines[ln - 1];
            var start = 0;
            var firstInLine = true;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                var cut = -1;
                if (c is '.' or '!' or '?' or '…')
                {
                    var j = i + 1;
                    while (j < line.Length && line[j] is '”' or '’' or '"' or '\'' or ')' or ']' or '.' or '!' or '?') j++;
                    if (j >= line.Length) cut = j;
                    else if (char.IsWhiteSpace(line[j]) && StartsSentence(line, j) && !(c == '.' && IsAbbreviation(line, start, i))) cut = j;
                }
                else if (i - start >= MaxSentence && char.IsWhiteSpace(c))
                {
                    cut = i;
                }

                if (cut < 0) continue;
                Add(result, line, ln, start, cut, ref firstInLine);
                start = cut;
                i = cut - 1;
            }

            Add(result, line, ln, start, line.Length, ref firstInLine);
        }

        return result;
    }

    private static void Add(List<Sentence> result, string line, int ln, int from, int to, ref bool firstInLine)
    {
        while (from < to && char.IsWhiteSpace(line[from])) from++;
        while (to > from && char.IsWhiteSpace(line[to - 1])) to--;
        if (to <= from) return;
        result.Add(new Sentence(ln, from, line[from..to], result.Count, firstInLine));
        firstInLine = false;
    }

    private static bool StartsSentence(string line, int j)
    {
        while (j < line.Length && char.IsWhiteSpace(line[j])) j++;
        if (j >= line.Length) return true;
        var c = line[j];
        return char.IsUpper(c) || char.IsDigit(c) || c is '“' or '‘' or '"' or '\'' or '(' or '[' or '•' or '·' or '-' or '–';
    }

    // "Mr. Forde", "e.g. the", "J. Smith": a full stop after these does not end the sentence.
    private static bool IsAbbreviation(string line, int sentenceStart, int dot)
    {
        var k = dot - 1;
        while (k >= sentenceStart && (char.IsLetter(line[k]) || line[k] == '.')) k--;
        var word = line.AsSpan(k + 1, dot - k - 1);
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        Span<char> lower = stackalloc char[Math.Min(word.Length, 16)];
        if (word.Length > 16) return false;
        var n = 0;
        foreach (var ch in word)
            if (ch != '.') lower[n++] = char.ToLowerInvariant(ch);
        return Abbreviations.Contains(new string(lower[..n]));
    }
}
