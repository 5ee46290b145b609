namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Splits a sentence's tokens into clauses, the scope in which an outcome word governs a number and a
/// subject governs a verb: at semicolons, spaced dashes, "but", and "and" when it opens a new clause
/// ("and then", "and it was").</summary>
internal static class Clauses
{
    private static readonly HashSet<string> NewClauseAfterAnd = new(StringComparer.Ordinal)
    {
        "then", "it", "there", "this", "that", "we", "they", "i", "he", "she", "later", "finally", "so",
    };

    /// <summary>Clause ranges as (start token, end token exclusive), covering every token in order.</summary>
    public static List<(int Start, int End)> Split(Token[] tokens)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            var cutBefore = false;
            var cutAfter = false;
            if (t.IsPunct(';')) cutAfter = true;
            else if (t.IsDash && t.SpaceBefore && i + 1 < tokens.Length && tokens[i + 1].SpaceBefore) cutAfter = true;
            else if (t.Kind == TokenKind.Word && t.Norm is "but" or "whereas" or "although" or "though") cutBefore = true;
            else if (t.Kind == TokenKind.Word && t.Norm == "and" && i + 1 < tokens.Length && NewClauseAfterAnd.Contains(tokens[i + 1].Norm)) cutBefore = true;

            if (cutBefore && i > start)
            {
                result.Add((start, i));
                start = i;
            }
            else if (cutAfter)
            {
                result.Add((start, i + 1));
                start = i + 1;
            }
        }

        if (start < tokens.Length || result.Count == 0) result.Add((start, tokens.Length));
        return result;
    }

    /// <summary>The scope of token <paramref name="index"/>: the parenthesis it stands in, if any, else its
    /// clause. "… would first need to be considered (the NEC unanimously agreed the Code …)": the aside is a
    /// statement of its own.</summary>
    public static (int Start, int End) Scope(Token[] tokens, List<(int Start, int End)> clauses, int index)
    {
        var (cs, ce) = Of(clauses, index);
        var open = -1;
        for (var k = index - 1; k >= cs; k--)
        {
            if (tokens[k].IsPunct(')')) break;
            if (tokens[k].IsPunct('(')) { open = k; break; }
        }

        if (open < 0) return (cs, ce);
        var close = index;
        while (close < ce && !tokens[close].IsPunct(')')) close++;
        return (open + 1, close);
    }

    /// <summary>The clause holding token <paramref name="index"/>.</summary>
    public static (int Start, int End) Of(List<(int Start, int End)> clauses, int index)
    {
        foreach (var c in clauses)
            if (index >= c.Start && index < c.End) return c;
        return clauses[^1];
    }
}
