namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Reads the holders of a stated vote from the words before its verb: "I", "we", people's names, and
/// groups of voters (a noun phrase whose head is a voter noun: "left CLP reps", "the other Grassroots Voice 5
/// CLP representatives", "10 members of the NEC", "Colleagues from the unions"), with a count when the phrase
/// starts with one ("10 members", "All 5 of the …").</summary>
internal static class HolderReader
{
    private static readonly HashSet<string> StopLeft = new(StringComparer.Ordinal)
    {
        "saw", "see", "sees", "seeing", "i", "we", "they", "by", "with", "that", "which", "who", "when", "as",
        "also", "then", "there", "was", "were", "had", "have", "has", "among", "including", "while", "but",
        "whereas", "because", "if", "so", "after", "before", "despite", "although", "where", "whom", "whose",
        "meeting", "told", "said", "and", "only", "even", "is", "are", "be", "been", "it", "understood", "believed",
        "reported", "thought", "known", "clear", "seems",
    };

    private static readonly HashSet<string> PrepositionsRight = new(StringComparer.Ordinal) { "on", "of", "from", "in", "at" };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        ",", "and", "along", "with", "as", "well", "then", "also", "both", "all", "together", "alongside", "plus",
        "unsuccessfully", "successfully", "narrowly", "duly", "(", ")", "myself", "too", "later", "subsequently",
        "did", "didn't", "not", "n't", "never", "do", "does", "don't", "doesn't", "have", "has", "had", "again", "personally",
        "indeed", "however", "therefore", "still",
    };

    /// <summary>The holders of a verb at <paramref name="verb"/>: the contiguous subject before it ("Along with
    /// Mish Rahman, Nadia Jama and Yasmine Dar, I"), or, when the verb is coordinated ("…, and voted"), the
    /// clause's opening subject.</summary>
    public static List<Holder> Read(Sentence s, List<NameMention> names, int hs, int verb, out string? apposition)
    {
        var tokens = s.Tokens;
        apposition = null;
        var j = verb - 1;
        while (j >= hs && tokens[j].Kind == TokenKind.Word && (tokens[j].Norm is "then" or "also" or "all" or "both" or "later" || tokens[j].Norm.EndsWith("ly", StringComparison.Ordinal) && tokens[j].Norm.Length > 4)) j--;
        var he = verb;
        var coordinated = j >= hs && (tokens[j].Norm == "and" || tokens[j].IsPunct(',')) && j > hs;
        if (coordinated)
        {
            // Coordinated verb ("…, and voted"): the subject is the clause's first noun phrase.
            var k = hs;
            while (k < j && !(tokens[k].Kind == TokenKind.Word && tokens[k].Norm is "was" or "were" or "had" or "have" or "has" or "did" or "is" or "are")) k++;
            he = k;
        }

        // Candidate holders in [hs, he): names, a group phrase, I / we.
        var items = new List<(int S, int E, Holder? H, bool We)>();
        foreach (var n in names)
            if (n.StartToken >= hs && n.EndToken <= he && !InsideOfPhrase(tokens, n.StartToken, hs))
                items.Add((n.StartToken, n.EndToken, new Holder(HolderKind.Named, Name: n), false));
        for (var k = hs; k < he; k++)
        {
            if (tokens[k].Norm == "i" && s.Text[tokens[k].Start] == 'I') items.Add((k, k + 1, new Holder(HolderKind.Self), false));
            if (tokens[k].Norm == "we") items.Add((k, k + 1, new Holder(HolderKind.We), true));
        }

        // ", including the Grassroots Left," between a counted group and its verb names part of the count.
        string? including = null;
        var inclusion = (Start: -1, End: -1);
        for (var k = hs; k + 1 < he; k++)
        {
            if (tokens[k].Norm != "including") continue;
            var end = k + 1;
            while (end < he && !tokens[end].IsPunct(',') && tokens[end].Norm is not ("did" or "didn't" or "were" or "was" or "had" or "have" or "not" or "all" or "then")) end++;
            if (end > k + 1)
            {
                including = s.Text[tokens[k + 1].Start..tokens[end - 1].End];
                inclusion = (k > hs && tokens[k - 1].IsPunct(',') ? k - 1 : k, end < he && tokens[end].IsPunct(',') ? end + 1 : end);
            }

            break;
        }

        // "…, including myself, …": the writer is one of them.
        if (including is not null && Tokenizer.Tokenize(including).Any(t => t.Norm is "myself" or "me"))
            items.Add((inclusion.Start, inclusion.Start, new Holder(HolderKind.Self), false));

        var group = GroupPhrase(s, names, hs, inclusion.Start >= 0 ? inclusion.Start : he);
        if (group is { } g && !items.Any(x => x.S < g.E && g.S < x.E))
        {
            // "My NEC colleagues Ian Murray and Nadia Jama": a group noun right before names is their title.
            var title = items.Any(x => x.H?.Kind == HolderKind.Named && x.S == g.E);
            if (!title) items.Add((g.S, g.E, new Holder(HolderKind.Group, Group: g.Text, Count: g.Count, ExcludesWriter: g.Other, Including: including), false));
        }

        // "Ian Murray and Nadia Jama, two left-wing NEC members, had …": a group after names, set off by commas,
        // describes them.
        var appositions = items.Where(x => x.H?.Kind == HolderKind.Group && CommaBefore(tokens, x.S, hs) is { } comma
                                          && items.Any(n => n.H?.Kind == HolderKind.Named && n.E == comma))
            .Select(x => (Start: CommaBefore(tokens, x.S, hs)!.Value, End: x.E < he && tokens[x.E].IsPunct(',') ? x.E + 1 : x.E)).ToList();
        items.RemoveAll(x => x.H?.Kind == HolderKind.Group && appositions.Any(a => x.S > a.Start && x.E <= a.End));

        // "12 voted against the action …": a bare number is a counted group.
        if (items.Count == 0 && he - 1 >= hs && TallyParser.TryNumber(tokens, he - 1, false, out var bare, out var bareEnd, out _) && bareEnd == he
            && (he - 1 == hs || tokens[he - 2].Kind == TokenKind.Punct || Connectives(tokens[he - 2].Norm)))
            items.Add((he - 1, he, new Holder(HolderKind.Group, Group: "members", Count: bare), false));

        if (coordinated) return Leading(tokens, items, hs, ref apposition);

        items.Sort((a, b) => b.E.CompareTo(a.E));
        var holders = new List<Holder>();
        var boundary = he;
        foreach (var item in items)
        {
            if (item.E > boundary) continue;
            var gapOk = true;
            for (var k = item.E; k < boundary; k++)
            {
                if (k >= inclusion.Start && k < inclusion.End) continue;
                if (appositions.Any(a => k >= a.Start && k < a.End)) continue;
                if (RoleBeforeName(tokens, k, boundary)) continue;
                if (OnlyOneTo(tokens, item.E, boundary)) continue;
                if (!(Connectors.Contains(tokens[k].Norm) || tokens[k].Kind == TokenKind.Punct || InParenthesis(tokens, k, item.E, boundary) || OrganisationAfterName(s, k, item.E)))
                {
                    gapOk = false;
                    break;
                }
            }

            if (!gapOk) break;
            holders.Insert(0, item.H!);
            boundary = item.S;
        }

        // "As left CLP reps we …", "We, the left, …": a group naming who "we" are.
        if (holders.Count > 0 && holders.Any(h => h.Kind == HolderKind.We))
        {
            var appositive = items.FirstOrDefault(x => x.H?.Kind == HolderKind.Group);
            if (appositive.H is { } ag)
            {
                holders.Remove(ag);
                apposition = ag.Group;
            }
        }

        return holders;
    }

    // The comma before a phrase, passing over a count ("…, two left-wing NEC members").
    private static int? CommaBefore(Token[] tokens, int start, int hs)
    {
        var k = start - 1;
        while (k > hs && TallyParser.TryNumber(tokens, k, false, out _, out var next, out _) && next <= start) k--;
        return k >= hs && tokens[k].IsPunct(',') ? k : null;
    }

    private static readonly HashSet<string> RoleNouns = new(StringComparer.Ordinal)
    {
        "representative", "rep", "member", "secretary", "chair", "treasurer", "leader", "mp", "councillor", "delegate",
        "officer", "organiser", "convenor", "president", "spokesperson", "candidate",
    };

    // "… and local party representative Nadia Jama": lower-case words ending in a role noun, just before a name.
    private static bool RoleBeforeName(Token[] tokens, int k, int nameStart)
    {
        if (nameStart - k > 5 || tokens[k].Kind != TokenKind.Word) return false;
        for (var j = k; j < nameStart; j++)
            if (tokens[j].Kind != TokenKind.Word) return false;
        return RoleNouns.Contains(tokens[nameStart - 1].Norm);
    }

    // "Sam Hughes was the only NEC member to …", "… were amongst those to …": the named are the voters.
    private static bool OnlyOneTo(Token[] tokens, int from, int to)
    {
        if (to - from < 2 || to - from > 7 || tokens[from].Norm is not ("was" or "were") || tokens[to - 1].Norm != "to") return false;
        return tokens[from..to].Any(t => t.Norm is "only" or "first" or "last" or "among" or "amongst" or "one");
    }

    private static bool Connectives(string w) => w is "and" or "but" or "then" or "a" or "another" or "further" or "all" or "only" or "just";

    // The subject of a coordinated verb: the noun phrase that opens the clause, and any holders joined to it by
    // "and" or a comma, passing over an apposition set off by commas ("Laura McNeill, NEC Youth Rep, broke rank
    // and voted for …").
    private static List<Holder> Leading(Token[] tokens, List<(int S, int E, Holder? H, bool We)> items, int hs, ref string? apposition)
    {
        var first = hs;
        while (first < tokens.Length && (tokens[first].Kind == TokenKind.Punct || Connectives(tokens[first].Norm) || tokens[first].Norm is "however" or "interestingly" or "also")) first++;
        var ordered = items.OrderBy(x => x.S).ToList();
        var holders = new List<Holder>();
        if (ordered.Count == 0 || ordered[0].S > first + 1) return holders;
        holders.Add(ordered[0].H!);
        var pos = ordered[0].E;
        foreach (var item in ordered.Skip(1))
        {
            var gap = tokens[pos..item.S];
            if (!gap.All(t => t.Kind == TokenKind.Punct || t.Norm is "and" or "along" or "with" or "as" or "well")) break;
            holders.Add(item.H!);
            pos = item.E;
        }

        if (holders.Any(h => h.Kind == HolderKind.We) && holders.FirstOrDefault(h => h.Kind == HolderKind.Group) is { } g)
        {
            holders.Remove(g);
            apposition = g.Group;
        }

        return holders;
    }

    // "Ian Murray of the FBU and Nadia Jama": "of the FBU" after a name says where they sit.
    private static bool OrganisationAfterName(Sentence s, int k, int nameEnd)
    {
        var tokens = s.Tokens;
        if (k - nameEnd > 4) return false;
        var t = tokens[k];
        if (t.Norm is "of" or "the" or "from") return true;
        return t.Kind == TokenKind.Word && char.IsUpper(s.Text[t.Start]) && tokens[nameEnd].Norm is "of" or "from";
    }

    private static bool InParenthesis(Token[] tokens, int k, int from, int to)
    {
        var open = false;
        for (var i = from; i <= k && i < to; i++)
        {
            if (tokens[i].IsPunct('(')) open = true;
            if (tokens[i].IsPunct(')') && i < k) open = false;
        }

        return open || tokens[k].IsPunct(')');
    }

    /// <summary>"As left CLP reps we …" or "We, the left, …" at the start of a sentence: the group.</summary>
    public static string? SentenceApposition(Sentence s, List<NameMention> names)
    {
        var tokens = s.Tokens;
        if (tokens.Length < 4) return null;
        if (tokens[0].Norm == "as")
        {
            for (var k = 2; k < Math.Min(tokens.Length, 10); k++)
                if (tokens[k].Norm == "we")
                    return GroupPhrase(s, names, 1, k) is { } g ? g.Text : null;
        }

        if (tokens[0].Norm == "we" && tokens[1].IsPunct(','))
        {
            for (var k = 2; k < Math.Min(tokens.Length, 10); k++)
                if (tokens[k].IsPunct(','))
                    return GroupPhrase(s, names, 2, k) is { } g ? g.Text : null;
        }

        return null;
    }

    // "the suspension of Jeremy Corbyn", "a report from Ann Black": a name after "of"/"from"/"to" is not a holder.
    private static bool InsideOfPhrase(Token[] tokens, int start, int hs) =>
        start > hs && tokens[start - 1].Norm is "of" or "to" or "from" or "about" or "against" or "for" or "on" or "by";

    public static (int S, int E, string Text, int? Count, bool Other)? GroupPhrase(Sentence s, List<NameMention> names, int hs, int he)
    {
        var tokens = s.Tokens;
        var head = -1;
        for (var k = he - 1; k >= hs; k--)
        {
            if (tokens[k].Kind != TokenKind.Word || !Lexicon.GroupHeads.Contains(tokens[k].Norm)) continue;
            if (names.Any(n => k >= n.StartToken && k < n.EndToken)) continue;
            // "left" and "right" are heads only as nouns ("the left"), "trade" only before "unions".
            if (tokens[k].Norm is "left" or "right" && !(k > hs && tokens[k - 1].Norm == "the")) continue;
            if (tokens[k].Norm is "trade" or "union") continue;
            if (tokens[k].Norm is "majority" or "minority" or "leadership") continue;
            head = k;
            break;
        }

        if (head < 0) return null;
        var e = head + 1;
        // "… members of the NEC", "Momentum supporters on the NEC", "Colleagues from the unions".
        if (e < he && PrepositionsRight.Contains(tokens[e].Norm))
        {
            var k = e + 1;
            if (k < he && tokens[k].Norm == "the") k++;
            var words = 0;
            while (k < he && tokens[k].Kind == TokenKind.Word && words < 3 && !StopLeft.Contains(tokens[k].Norm))
            {
                k++;
                words++;
            }

            if (words > 0) e = k;
        }

        var st = head;
        while (st - 1 >= hs)
        {
            var t = tokens[st - 1];
            if (t.Kind == TokenKind.Number)
            {
                st--;
                continue;
            }

            // "left-wing NEC members": a hyphenated modifier.
            if (t.IsDash && !t.SpaceBefore && st - 2 >= hs && tokens[st - 2].Kind == TokenKind.Word && !tokens[st - 1 + 1].SpaceBefore)
            {
                st -= 2;
                continue;
            }

            if (t.Kind != TokenKind.Word) break;
            if (t.Norm == "and")
            {
                // "left and most trade union reps" joins modifiers; "I and the other … reps" joins holders.
                if (st - 2 >= hs && tokens[st - 2].Kind == TokenKind.Word && !StopLeft.Contains(tokens[st - 2].Norm) && tokens[st - 2].Norm is not ("i" or "we"))
                {
                    st--;
                    continue;
                }

                break;
            }

            if (StopLeft.Contains(t.Norm)) break;
            st--;
        }

        if (st < hs || st >= e) return null;
        // Leading quantifiers: "All 5 of the X", "10 members", "the other X".
        int? count = null;
        var other = false;
        var k2 = st;
        if (tokens[k2].Norm is "all" && k2 + 1 < e) k2++;
        if (TallyParser.TryNumber(tokens, k2, allowArticle: false, out var n, out var next, out _) && next < e)
        {
            var approximate = next + 1 < e && tokens[next].Norm == "or" && TallyParser.TryNumber(tokens, next + 1, false, out _, out _, out _);
            count = approximate ? null : n;
            if (!approximate && next < e && tokens[next].Norm == "of") next++;
            if (!approximate) st = next;
        }
        else if (tokens[k2].Norm is "the" && k2 + 1 < e && tokens[k2 + 1].Norm is "other")
        {
            other = true;
        }
        else if (tokens[k2].Norm is "other" or "fellow")
        {
            other = true;
        }

        // "A core group of ten members", "A further 12 NEC reps": a number just before the head counts them,
        // unless it is part of a name ("Grassroots Voice 5 CLP representatives").
        if (count is null)
        {
            for (var k = Math.Max(st, head - 3); k < head; k++)
            {
                if (!TallyParser.TryNumber(tokens, k, false, out var n2, out var after, out _) || after > head) continue;
                var prev = k > 0 ? tokens[k - 1] : default;
                if (k > 0 && prev.Kind == TokenKind.Word && char.IsUpper(s.Text[prev.Start]) && prev.Norm is not ("a" or "all" or "another")) continue;
                count = n2;
                break;
            }
        }

        var text = s.Text[tokens[st].Start..tokens[e - 1].End];
        // A single bare word ("members", "others") is too vague to be a group.
        var words2 = Enumerable.Range(st, e - st).Count(k => tokens[k].Kind == TokenKind.Word && tokens[k].Norm is not ("the" or "other" or "and" or "of" or "all"));
        if (words2 < 2 && count is null && tokens[head].Norm is not ("left" or "right" or "momentum" or "unions")) return null;
        if (tokens[head].Norm is "others" && words2 < 3) return null;
        return (st, e, text, count, other);
    }
}
