namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>The content words of a passage, crudely stemmed, for telling whether two passages speak of the
/// same motion ("reducing the size of CLP delegations" and "Capping each CLP's Annual Conference delegation").</summary>
internal static class Topic
{
    public static HashSet<string> Of(string text) => Of(Tokenizer.Tokenize(text));

    public static HashSet<string> Of(Token[] tokens, int start = 0, int end = -1)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (end < 0) end = tokens.Length;
        for (var i = Math.Max(0, start); i < Math.Min(end, tokens.Length); i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word || t.Norm.Length < 3) continue;
            var w = t.Norm.EndsWith("'s", StringComparison.Ordinal) ? t.Norm[..^2] : t.Norm;
            if (Lexicon.StopWords.Contains(w)) continue;
            set.Add(Stem(w));
        }

        return set;
    }

    /// <summary>Strips common English endings so "delegation" and "delegations", "proscribe" and
    /// "proscriptions" meet.</summary>
    public static string Stem(string w)
    {
        if (w.StartsWith("proscri", StringComparison.Ordinal)) return "proscri";
        string[] endings = ["ations", "ation", "ings", "ing", "ions", "ion", "ies", "ied", "es", "ed", "s", "e"];
        foreach (var e in endings)
            if (w.Length > e.Length + 3 && w.EndsWith(e, StringComparison.Ordinal))
                return w[..^e.Length];
        return w;
    }

    /// <summary>Overlap coefficient |a ∩ b| / min(|a|, |b|), in [0, 1]; 0 when either is empty.</summary>
    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / small.Count;
    }

    /// <summary>How many words two topics share.</summary>
    public static int Shared(IReadOnlySet<string> a, IReadOnlySet<string> b) => a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
}
