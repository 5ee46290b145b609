using System.Collections.Frozen;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Finds people's names in a sentence: roster full names and aliases (longest first), first names and
/// one-word aliases the roster knows, and unknown capitalised two- or three-word names that look like a person
/// ("Harry Donaldson"), which are kept so they are never silently dropped.</summary>
internal static class NameFinder
{
    private static readonly FrozenSet<string> NotNameWords = new[]
    {
        "labour", "party", "conference", "committee", "report", "secretary", "general", "annual", "national",
        "executive", "council", "women", "women's", "policy", "forum", "code", "conduct", "nec", "group", "board",
        "boards", "the", "a", "an", "this", "that", "we", "i", "it", "as", "at", "on", "in", "of", "for", "and",
        "but", "with", "from", "by", "to", "our", "my", "their", "along", "other", "all", "both", "some", "left",
        "right", "momentum", "grassroots", "voice", "five", "chair", "vice", "deputy", "leader", "chief", "whip",
        "director", "unit", "legal", "governance", "equalities", "equality", "disabled", "members", "member",
        "reps", "rep", "rule", "change", "changes", "motion", "amendment", "paper", "proposal", "campaign",
        "improvement", "away", "day", "socialist", "societies", "society", "trade", "union", "unions", "young",
        "students", "student", "organisation", "organization", "regional", "region", "office", "house", "commons",
        "lords", "government", "minister", "prime", "shadow", "cabinet", "mp", "mps", "inquiry", "review",
        "process", "act", "bill", "network", "alliance", "appeal", "resist", "against", "witch", "hunt",
        "exile", "liberty", "workers", "worker", "stakeholder", "officer", "officers", "team", "task", "force",
        "forces", "panel", "panels", "election", "elections", "selection", "selections", "branch", "branches",
        "constituency", "north", "south", "east", "west", "central", "london", "scotland", "wales", "england",
        "scottish", "welsh", "english", "british", "britain", "uk", "tory", "tories", "conservative", "liberal",
        "green", "greens", "lib", "dem", "dems", "snp", "reform", "new", "deal", "programme", "strategy", "fund",
        "anniversary", "award", "awards", "best", "practice", "action", "plan", "statement", "structures",
        "working", "standing", "orders", "rulebook", "chapter", "clause", "section", "constitutional",
        "arrangements", "thank", "thanks", "dear", "please", "see", "read", "more", "also", "then", "there",
        "however", "finally", "first", "second", "third", "last", "next", "after", "before", "during", "since",
        "when", "while", "where", "what", "who", "why", "how", "if", "not", "no", "yes", "mr", "mrs", "ms",
        "dr", "cllr", "sir", "dame", "lord", "lady", "baroness", "rt", "hon", "professor", "prof", "comrade",
        "comrades", "colleague", "colleagues", "following", "under", "over", "about", "into", "upon", "share",
        "facebook", "twitter", "email", "print", "reply", "leave", "comment", "comments", "blog", "post",
        "interestingly", "importantly", "notably", "meanwhile", "additionally", "crucially", "unfortunately", "fortunately",
        "sadly", "similarly", "separately", "subsequently", "earlier", "later", "instead", "nevertheless", "nonetheless",
        "indeed", "clearly", "surprisingly", "predictably", "inevitably", "again", "yesterday", "today", "tonight",
    }.Concat(Lexicon.Months.Keys).Concat(Lexicon.Days.Keys).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OrganisationWords = new[]
    {
        "union", "unions", "party", "committee", "council", "network", "alliance", "group", "association", "society",
        "federation", "trust", "foundation", "movement", "campaign", "forum", "league", "front", "board", "club",
        "institute", "commission", "office", "unit", "team", "brigade", "congress", "assembly", "parliament",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<NameMention> Find(string text, Token[] tokens, Roster roster)
    {
        var result = new List<NameMention>();
        var i = 0;
        while (i < tokens.Length)
        {
            if (!IsCapitalised(text, tokens[i]))
            {
                i++;
                continue;
            }

            // A run of capitalised words; "Winbourne-Iddrissi" (hyphen, no spaces) is one word.
            var words = new List<(int S, int E, string Key, string Raw)>();
            var j = i;
            while (j < tokens.Length && IsCapitalised(text, tokens[j]))
            {
                var s = j;
                var e = j + 1;
                while (e + 1 < tokens.Length && tokens[e].IsDash && !tokens[e].SpaceBefore && !tokens[e + 1].SpaceBefore && IsCapitalised(text, tokens[e + 1])) e += 2;
                var raw = text[tokens[s].Start..tokens[e - 1].End];
                words.Add((s, e, Roster.Key(raw), raw));
                j = e;
            }

            ScanRun(text, tokens, words, roster, result);
            i = j;
        }

        return result;
    }

    private static void ScanRun(string text, Token[] tokens, List<(int S, int E, string Key, string Raw)> words, Roster roster, List<NameMention> result)
    {
        var w = 0;
        while (w < words.Count)
        {
            var matched = false;
            for (var len = Math.Min(roster.MaxNameWords, words.Count - w); len >= 2; len--)
            {
                var key = string.Join(' ', words.Skip(w).Take(len).Select(x => x.Key));
                var member = roster.ByFullName(key);
                if (member is null) continue;
                result.Add(new NameMention(words[w].S, words[w + len - 1].E, text[tokens[words[w].S].Start..tokens[words[w + len - 1].E - 1].End], member, true));
                w += len;
                matched = true;
                break;
            }

            if (matched) continue;

            // An unknown full name: two or three name-like words.
            var run = 0;
            while (w + run < words.Count && run < 3 && LooksLikeNamePart(words[w + run].Key, words[w + run].Raw)) run++;
            // "Fire Brigade Union", "Labour Women's Network": a run that an organisation word closes is no person.
            var organisation = w + run < words.Count && OrganisationWords.Contains(words[w + run].Key);
            if (run >= 2 && !organisation && (w + run >= words.Count || !LooksLikeNamePart(words[w + run].Key, words[w + run].Raw)))
            {
                result.Add(new NameMention(words[w].S, words[w + run - 1].E, text[tokens[words[w].S].Start..tokens[words[w + run - 1].E - 1].End], null, true));
                w += run;
                continue;
            }

            // A first name or one-word alias the roster knows ("Ann's proposal", "Keir said").
            if (roster.ByShortName(words[w].Key).Count > 0)
                result.Add(new NameMention(words[w].S, words[w].E, words[w].Raw, null, false));
            w++;
        }
    }

    private static bool IsCapitalised(string text, Token t) =>
        t.Kind == TokenKind.Word && t.Length >= 2 && char.IsUpper(text[t.Start]);

    private static bool LooksLikeNamePart(string key, string raw)
    {
        if (raw.Length < 2 || NotNameWords.Contains(key)) return false;
        // Acronyms (CLP, FBU, GMB) are organisations, not people.
        var upper = raw.Count(char.IsUpper);
        var letters = raw.Count(char.IsLetter);
        return !(upper == letters && letters > 1);
    }
}
