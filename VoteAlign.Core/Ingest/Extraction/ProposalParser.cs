namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Finds proposals being introduced: a mover verb (moved, proposed, seconded, tabled, brought,
/// submitted, put forward) with a proposal noun; "a motion|amendment|proposal|move from|by X"; "X's
/// proposal"; "There was a proposal|move … to …"; "presented|considered|debated a paper …"; "… was then
/// debated"; "seconded by X" adds a seconder.</summary>
internal static class ProposalParser
{
    private static readonly HashSet<string> MoverVerbs = new(StringComparer.Ordinal)
    {
        "moved", "proposed", "seconded", "tabled", "brought", "submitted", "put", "moving", "proposing", "tabling",
    };

    private static readonly HashSet<string> TopicVerbs = new(StringComparer.Ordinal)
    {
        "presented", "introduced", "considered", "discussed", "debated", "received", "consider", "discuss",
        "agreed", "approved", "adopted", "endorsed", "accepted", "agreeing", "approving", "heard",
    };

    private static readonly HashSet<string> Nouns = new(StringComparer.Ordinal)
    {
        "motion", "amendment", "amendments", "proposal", "resolution", "paper", "move", "motions", "proposals",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "their", "our", "my", "his", "her", "its", "this", "another", "two", "both",
    };

    public static List<ProposalIntro> Parse(Sentence s, List<NameMention> names)
    {
        var tokens = s.Tokens;
        var found = new List<ProposalIntro>();
        foreach (var (cs, ce) in Clauses.Split(tokens))
        {
            for (var k = cs; k < ce; k++)
            {
                var w = tokens[k].Norm;
                if (tokens[k].Kind != TokenKind.Word) continue;

                // X moved/proposed/brought [and seconded] a motion …
                if (MoverVerbs.Contains(w) && !(k > 0 && tokens[k - 1].Norm is "was" or "were" or "been" or "be" or "being"))
                {
                    var j = k + 1;
                    if (w == "put" && j < ce && tokens[j].Norm == "forward") j++;
                    if (j + 1 < ce && tokens[j].Norm == "and" && MoverVerbs.Contains(tokens[j + 1].Norm)) j += 2;
                    if (NounPhrase(tokens, j, ce) is { } np)
                    {
                        var movers = HolderReader.Read(s, names, cs, k, out _);
                        found.Add(new ProposalIntro(s, j, End(tokens, np.Noun, ce), np.Word, movers));
                        k = np.Noun;
                        continue;
                    }
                }

                // a motion / an amendment / a move from|by X [to …]
                if (Nouns.Contains(w) && k + 1 < ce && tokens[k + 1].Norm is "from" or "by" && k > cs && Determiners.Contains(tokens[k - 1].Norm))
                {
                    var stop = k + 2;
                    while (stop < ce && !(tokens[stop].Norm is "to" or "that" or "which" or "calling" or "seeking" or "on" or "was" or "were") && !tokens[stop].IsPunct(',')) stop++;
                    var movers = HolderReader.Read(s, names, k + 2, stop, out _);
                    found.Add(new ProposalIntro(s, k - 1, End(tokens, k, ce), w, movers));
                    continue;
                }

                // "The motion, moved by X and seconded by Y, …", "an amendment put forward by X": movers after the noun.
                if (Nouns.Contains(w) && k > cs && Determiners.Contains(tokens[k - 1].Norm) && MoverAfter(tokens, k, ce) is { } v)
                {
                    if (v + 1 < ce)
                    {
                        var by = v + 1;
                        if (by < ce && tokens[by].Norm is "forward" or "in") by++;
                        if (by < ce && tokens[by].Norm == "by")
                        {
                            var stop = by + 1;
                            while (stop < ce && !tokens[stop].IsPunct(',') && tokens[stop].Norm is not ("was" or "were" or "which" or "to" or "that" or "calling" or "seconded")
                                   && !(tokens[stop].Norm == "and" && stop + 1 < ce && tokens[stop + 1].Norm == "seconded")) stop++;
                            var movers = HolderReader.Read(s, names, by + 1, stop, out _);
                            found.Add(new ProposalIntro(s, k - 1, End(tokens, k, ce), w, movers));
                            k = stop - 1;
                            continue;
                        }
                    }
                }

                // Ann's proposal / Yasmine Dar's amendment
                if (w is "proposal" or "amendment" or "motion" or "resolution" && k > cs && tokens[k - 1].Norm.EndsWith("'s", StringComparison.Ordinal))
                {
                    var owner = names.FirstOrDefault(n => n.EndToken == k);
                    if (owner is not null)
                    {
                        found.Add(new ProposalIntro(s, owner.StartToken, End(tokens, k, ce), w, [new Holder(HolderKind.Named, Name: owner)]));
                        continue;
                    }
                }

                // There was a proposal / a move (by X) to …
                if (w is "there" && k + 2 < ce && tokens[k + 1].Norm is "was" or "were" && NounPhrase(tokens, k + 2, ce) is { } tp && tokens[tp.Noun].Norm is not "paper")
                {
                    var movers = new List<Holder>();
                    var by = tp.Noun + 1;
                    if (by < ce && tokens[by].Norm is "by" or "from")
                    {
                        var stop = by + 1;
                        while (stop < ce && tokens[stop].Norm is not ("to" or "that" or "which")) stop++;
                        movers = HolderReader.Read(s, names, by + 1, stop, out _);
                    }

                    found.Add(new ProposalIntro(s, k + 2, End(tokens, tp.Noun, ce), tp.Word, movers));
                    k = tp.Noun;
                    continue;
                }

                // presented / considered / debated a paper …
                if (TopicVerbs.Contains(w) && NounPhrase(tokens, k + 1, ce) is { } topic)
                {
                    found.Add(new ProposalIntro(s, k + 1, End(tokens, topic.Noun, ce), topic.Word, []));
                    k = topic.Noun;
                    continue;
                }

                // A paper was presented …; An extensive rewrite of the membership rules … was then debated.
                if (w is "was" or "were" && k > cs)
                {
                    var j = k + 1;
                    if (j < ce && tokens[j].Norm == "then") j++;
                    if (j < ce && (TopicVerbs.Contains(tokens[j].Norm) || tokens[j].Norm is "tabled" or "moved" or "proposed" or "brought" || tokens[j].Norm is "put" && j + 1 < ce && tokens[j + 1].Norm == "forward"))
                    {
                        var subject = Phrases.Subject(tokens, cs, k);
                        if (subject.Kind == Phrases.SubjectKind.Descriptive && subject.End - subject.Start >= 2)
                        {
                            var noun = subject.Head ?? "proposal";
                            var movers = new List<Holder>();
                            // "Amendments were put forward by Mish Rahman"
                            var by = j + 1;
                            if (by < ce && tokens[by].Norm == "forward") by++;
                            if (by < ce && tokens[by].Norm == "by") movers = HolderReader.Read(s, names, by + 1, ce, out _);
                            // The phrase runs on past the verb when it says what the item is ("A paper was brought
                            // to the NEC which outlined a proposal for …").
                            found.Add(new ProposalIntro(s, subject.Start, subject.End - subject.Start <= 3 ? ce : subject.End, noun, movers));
                        }
                    }
                }
            }
        }

        // "…, seconded by socialist societies rep James Asser": the seconder of the proposal before it.
        for (var k = 0; k + 1 < tokens.Length; k++)
        {
            if (tokens[k].Norm != "seconded" || tokens[k + 1].Norm != "by" || found.Count == 0) continue;
            var seconder = names.FirstOrDefault(n => n.StartToken > k + 1 && n.StartToken <= k + 8);
            if (seconder is null) continue;
            var last = found[^1];
            if (last.Movers.Any(m => m.Name == seconder)) continue;
            found[^1] = last with { Movers = [.. last.Movers, new Holder(HolderKind.Named, Name: seconder)] };
        }

        return found;
    }

    // ", moved by", ", proposed by" within a few words after the noun ("The motion on X, moved by Y").
    private static int? MoverAfter(Token[] tokens, int noun, int ce)
    {
        for (var v = noun + 1; v < Math.Min(ce, noun + 14); v++)
        {
            if (tokens[v].Norm is "was" or "were" or "which") return null;
            if (tokens[v].Norm is "moved" or "proposed" or "tabled" or "brought" or "submitted" or "put" && (v == noun + 1 || tokens[v - 1].IsPunct(',')))
                return v;
        }

        return null;
    }

    private static (int Noun, string Word)? NounPhrase(Token[] tokens, int j, int ce)
    {
        if (j >= ce || !Determiners.Contains(tokens[j].Norm)) return null;
        for (var k = j + 1; k < Math.Min(ce, j + 4); k++)
        {
            if (tokens[k].Kind != TokenKind.Word) return null;
            if (tokens[k].Norm == "rule" && k + 1 < ce && tokens[k + 1].Norm is "change" or "changes") return (k + 1, "rule change");
            if (Nouns.Contains(tokens[k].Norm)) return (k, tokens[k].Norm);
        }

        return null;
    }

    private static int End(Token[] tokens, int noun, int ce)
    {
        var e = noun + 1;
        while (e < ce && !tokens[e].IsPunct('(') && !(tokens[e].IsPunct(',') && e + 1 < ce && tokens[e + 1].Norm is "seconded" or "which" or "and")) e++;
        while (e > noun + 1 && tokens[e - 1].Kind == TokenKind.Punct) e--;
        return e;
    }
}
