namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Reads the parts of a clause a title or a reference is made from: its subject, whether that subject
/// points back ("This was passed", "The motion did not pass"), the body as subject ("the NEC voted … to
/// publish"), and purposes or objects ("to hold the final stage meeting in summer 2023").</summary>
internal static class Phrases
{
    // The verb group between a subject and an outcome word or count: "was", "has been", "did not", "passed by".
    private static readonly HashSet<string> VerbGroup = new(StringComparer.Ordinal)
    {
        "was", "were", "is", "are", "been", "be", "being", "has", "have", "had", "then", "also", "finally", "eventually",
        "comfortably", "narrowly", "overwhelmingly", "unanimously", "duly", "not", "did", "didn't", "subsequently", "later",
        "went", "got", "by", "with", "passed", "carried", "agreed", "approved", "accepted", "adopted", "endorsed",
        "defeated", "rejected", "fell", "lost", "voted", "vote", "passing", "losing", "agreeing", "approving", "ultimately",
        "therefore", "thus", "easily", "again", "only", "just", "clearly", "both", "all", "each",
    };

    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal)
    {
        "however", "finally", "then", "unfortunately", "but", "and", "so", "also", "thankfully", "sadly",
        "eventually", "subsequently", "next", "lastly", "firstly", "secondly", "meanwhile", "ultimately", "later",
        "after", "again", "crucially", "importantly", "notably", "regrettably", "happily",
    };

    private static readonly HashSet<string> TrailingWords = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "by", "with", "to", "of", "the", "a", "an", "that", "which", "for", "on", "in", "at", "as", "from", "so", "when", "who",
    };

    private static readonly HashSet<string> AnaphoricStarts = new(StringComparer.Ordinal)
    {
        "this", "it", "that", "these", "they", "both", "all", "there", "which", "vote", "votes", "each", "such",
    };

    private static readonly HashSet<string> BodySubjects = new(StringComparer.Ordinal)
    {
        "we", "nec", "committee", "meeting", "i", "executive", "members", "panel",
    };

    /// <summary>How a clause's subject relates to a motion.</summary>
    internal enum SubjectKind
    {
        /// <summary>A description of the motion ("A proposal to elect the General Secretary …").</summary>
        Descriptive,

        /// <summary>A pointer back ("This", "The motion", "The paper itself", or nothing: "Passed by …").</summary>
        Anaphoric,

        /// <summary>The body or the reporter ("the NEC", "we"): the motion is in the object or purpose.</summary>
        Body,

        /// <summary>A relative pronoun ("…, which passed 19-10"): the motion is the noun phrase before it.</summary>
        Relative,
    }

    /// <summary>The subject of the clause holding token <paramref name="cue"/>: its token range, what kind it
    /// is, and the motion noun it names (motion, amendment, paper, …), if any.</summary>
    public static (int Start, int End, SubjectKind Kind, string? Head) Subject(Token[] tokens, int clauseStart, int cue)
    {
        var s = clauseStart;
        // Skip leading punctuation, bullets and connectives ("However, …", "· Passed by …").
        while (s < cue && (tokens[s].Kind == TokenKind.Punct || Connectives.Contains(tokens[s].Norm))) s++;
        var e = cue;
        while (e > s && (tokens[e - 1].Kind == TokenKind.Word && VerbGroup.Contains(tokens[e - 1].Norm) || tokens[e - 1].IsPunct(','))) e--;
        // "…, resulting in the motion passing by 22 votes to 12": a participle's subject follows "in"/"with".
        if (cue < tokens.Length && tokens[cue].Norm.EndsWith("ing", StringComparison.Ordinal))
        {
            for (var k = e - 1; k > s; k--)
            {
                if (tokens[k].IsPunct(',')) break;
                if (tokens[k].Norm is "in" or "with" && k + 1 < e)
                {
                    s = k + 1;
                    break;
                }
            }
        }

        if (e <= s) return (s, s, SubjectKind.Anaphoric, null);

        // "At an NEC meeting on Tuesday afternoon the move was voted down", "At a heated meeting yesterday,
        // NEC members voted …": a leading phrase of time or place is not the subject.
        if (tokens[s].Norm is "at" or "on" or "in" or "during" or "after" or "following" or "before" or "earlier" or "later" or "yesterday" or "today" && e - s > 2)
        {
            var comma = -1;
            for (var k = s + 1; k < e - 1; k++)
                if (tokens[k].IsPunct(',')) { comma = k; break; }
            if (comma > 0) s = comma + 1;
            else
            {
                for (var k = e - 1; k > s + 1; k--)
                    if (tokens[k].Norm is "the" or "this" or "that" or "these" or "our" or "their" && tokens[k - 1].Kind == TokenKind.Word && tokens[k - 1].Norm is not ("of" or "to" or "for" or "on" or "in" or "at"))
                    {
                        s = k;
                        break;
                    }
            }
        }

        if (tokens[e - 1].Norm is "which" or "that" && e - 1 > s && tokens[e - 2].IsPunct(','))
        {
            // "… voted against the new selection timetable, which passed 19-10": the phrase before the comma.
            var end = e - 2;
            var start = end;
            while (start > s && tokens[start - 1].Kind == TokenKind.Word && tokens[start - 1].Norm is not ("against" or "for" or "on" or "about" or "over" or "voted" or "supported" or "opposed" or "backed" or "favour" or "favor" or "of" or "with" or "by")) start--;
            if (start > s && tokens[start - 1].Norm == "of" && start - 2 > s) start -= 2; // "the cancelling of X"
            return (start, end, SubjectKind.Relative, null);
        }

        var words = new List<string>();
        for (var k = s; k < e; k++)
            if (tokens[k].Kind == TokenKind.Word) words.Add(tokens[k].Norm);
        if (words.Count == 0) return (s, e, SubjectKind.Anaphoric, null);
        var head = words.FirstOrDefault(w => Lexicon.MotionNouns.Contains(w) && w is not ("it" or "this" or "that" or "which"));
        if (AnaphoricStarts.Contains(words[0])) return (s, e, SubjectKind.Anaphoric, head);
        var last = words[^1] == "itself" && words.Count > 1 ? words[^2] : words[^1];
        if (words.Count <= 4 && words[0] is "the" or "our" or "their" or "my" or "his" or "her" && Lexicon.MotionNouns.Contains(last))
            return (s, e, SubjectKind.Anaphoric, last);
        if (words[0] is "we" or "i" || words[^1] is "we" or "i") return (s, e, SubjectKind.Body, null);
        if (words.Count <= 6 && BodySubjects.Contains(words[^1])) return (s, e, SubjectKind.Body, null);
        return (s, e, SubjectKind.Descriptive, head);
    }

    /// <summary>A purpose after <paramref name="from"/>: "to VERB …" up to the clause end (skipping the vote
    /// count and abstentions), or an object after a decision verb ("agreeing a new Code of Conduct …").</summary>
    public static (int Start, int End)? Purpose(Token[] tokens, int from, int clauseEnd)
    {
        for (var k = from; k < clauseEnd - 1; k++)
        {
            if (tokens[k].Norm == "to" && tokens[k + 1].Kind == TokenKind.Word && !Lexicon.NumberWords.ContainsKey(tokens[k + 1].Norm)
                && tokens[k + 1].Norm is not ("the" or "a" or "an" or "nil" or "oppose" or "support" or "reject"))
                return (k + 1, Cut(tokens, k + 1, clauseEnd));
        }

        return null;
    }

    /// <summary>The object after a verb at <paramref name="verb"/>: from the next word to a natural stop.</summary>
    public static (int Start, int End)? ObjectAfter(Token[] tokens, int verb, int clauseEnd)
    {
        var s = verb + 1;
        while (s < clauseEnd && tokens[s].Kind == TokenKind.Word && tokens[s].Norm is "unanimously" or "on" or "through" or "upon") s++;
        if (s >= clauseEnd) return null;
        var e = Cut(tokens, s, clauseEnd);
        return e > s ? (s, e) : null;
    }

    /// <summary>"on a move to withdraw the paper": the noun phrase after "on" following a count.</summary>
    public static (int Start, int End)? OnPhrase(Token[] tokens, int from, int clauseEnd)
    {
        for (var k = from; k < Math.Min(clauseEnd, from + 3); k++)
            if (tokens[k].Norm is "on" or "over" && k + 1 < clauseEnd)
            {
                var e = Cut(tokens, k + 1, clauseEnd);
                return e > k + 1 ? (k + 1, e) : null;
            }

        return null;
    }

    // A phrase runs to the clause end, a count ("by 19 votes"), a parenthesis, or an explanation ("because").
    private static int Cut(Token[] tokens, int s, int clauseEnd)
    {
        var e = s;
        while (e < clauseEnd)
        {
            var t = tokens[e];
            if (t.IsPunct('(') || t.IsPunct(':') || t.IsPunct(';')) break;
            if (t.IsPunct(',') && e + 1 < clauseEnd && tokens[e + 1].Norm is "and" or "but" or "which" or "who" or "while" or "whereas" or "meaning") break;
            if (t.Kind == TokenKind.Word && t.Norm is "because" or "since" or "which" or "while" or "pointing" or "arguing" or "citing" or "saying" or "unanimously" or "without") break;
            if (t.Norm is "as" && e > s && tokens[e - 1].IsPunct(',')) break;
            if (t.Norm == "by" && e + 1 < clauseEnd && (tokens[e + 1].Kind == TokenKind.Number || Lexicon.NumberWords.ContainsKey(tokens[e + 1].Norm) || tokens[e + 1].Norm is "a")) break;
            if (t.Norm == "with" && e + 1 < clauseEnd && (tokens[e + 1].Kind == TokenKind.Number || Lexicon.NumberWords.ContainsKey(tokens[e + 1].Norm))) break;
            if (t.Kind == TokenKind.Number && e + 1 < clauseEnd && (tokens[e + 1].IsDash || tokens[e + 1].Norm is "votes" or "to")) break;
            e++;
        }

        while (e > s && tokens[e - 1].Kind == TokenKind.Punct) e--;
        return e;
    }

    /// <summary>Makes a short title from a phrase: no bullet or leading article, at most about a dozen words, cut
    /// at a comma once long enough, first letter capitalised.</summary>
    public static string Title(string phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        var s = 0;
        while (s < tokens.Length && (tokens[s].Kind == TokenKind.Punct || Connectives.Contains(tokens[s].Norm) || tokens[s].Norm is "a" or "an" or "the")) s++;
        if (s >= tokens.Length) return "Untitled";
        var words = 0;
        var e = s;
        for (; e < tokens.Length; e++)
        {
            if (tokens[e].Kind == TokenKind.Word) words++;
            if (words > 14) break;
            if (words >= 6 && (tokens[e].IsPunct(',') || tokens[e].IsPunct('(') || (tokens[e].IsDash && tokens[e].SpaceBefore))) break;
            if (words >= 2 && tokens[e].IsPunct(',') && e + 1 < tokens.Length && tokens[e + 1].Norm is "moved" or "proposed" or "seconded" or "tabled" or "which" or "who") break;
            if (tokens[e].IsPunct('.') && e + 1 < tokens.Length && tokens[e + 1].SpaceBefore) break;
        }

        while (e > s && (tokens[e - 1].Kind == TokenKind.Punct && !tokens[e - 1].IsPunct(')') && !tokens[e - 1].IsPunct('”') && !tokens[e - 1].IsPunct('’')
                         || tokens[e - 1].Kind == TokenKind.Word && TrailingWords.Contains(tokens[e - 1].Norm))) e--;
        if (e <= s) return Capitalised(phrase.Trim());
        var text = phrase[tokens[s].Start..tokens[e - 1].End].Trim();
        return Capitalised(text);
    }

    private static string Capitalised(string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0) return "Untitled";
        if (text.Length > 200) text = text[..200];
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
