using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Finds vote counts in a sentence. The grammar is composed from a few parts of the language:
/// <list type="bullet">
/// <item>a number: digits (at most three) or a number word ("nil", "one" … "ninety", "twenty-one");</item>
/// <item>a pair: NUMBER [votes] (to | - | –) NUMBER [votes] ("16 votes to 11", "15-14", "21 to 10");</item>
/// <item>a labelled part: NUMBER [votes|members] (for | in favour | against | abstention[s] | abstained) and
/// (for | against | abstentions) ":" NUMBER; two or more labelled parts in a clause make a count;</item>
/// <item>abstentions joined to a pair ("with 1 abstention", "and one abstention");</item>
/// <item>the direction: an outcome word governing the count (passed, carried, approved, defeated, fell, lost,
/// "did not pass"), a purpose after it ("to oppose this", "to publish"), a side's loss or win ("we lost the
/// vote: 22-15"), or labels.</item>
/// </list>
/// A pair without the word "votes" needs a vote word in the sentence, and is rejected when it is a range: dates
/// ("21-23 July"), percentages, years and other long numbers, ordinals, a number joined to a word
/// ("Covid-19"), a range word before ("from", "between", "a scale of"), a counted noun after ("5-6 years"),
/// scores and polls, a hypothetical, or more votes than seats.</summary>
internal static class TallyParser
{
    private static readonly HashSet<string> PassWords = new(StringComparer.Ordinal)
    {
        "passed", "passing", "carried", "carrying", "approved", "approving", "adopted", "adopting", "endorsed", "endorsing",
        "accepted", "accepting", "agreed", "agreeing", "ratified", "upheld",
    };

    private static readonly HashSet<string> FailWords = new(StringComparer.Ordinal)
    {
        "defeated", "defeating", "fell", "failed", "rejected", "rejecting", "overturned", "refused",
    };

    private static readonly HashSet<string> SideWords = new(StringComparer.Ordinal)
    {
        "lost", "losing", "lose", "loses", "won", "winning", "win", "wins", "beaten",
    };

    private static readonly HashSet<string> OpposeVerbs = new(StringComparer.Ordinal)
    {
        "oppose", "reject", "block", "refuse", "resist", "deny", "defeat", "overturn", "veto", "vote",
    };

    private static readonly HashSet<string> NotAVerbAfterTo = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our", "my", "its", "be", "date",
        "nil", "none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "it", "them",
    };

    /// <summary>Tries to read vote counts from <paramref name="text"/>.</summary>
    /// <param name="text">One sentence.</param>
    /// <param name="seats">The body's seats, if known: a count adding up to more is rejected.</param>
    /// <param name="readings">The counts found, in sentence order.</param>
    /// <param name="rejections">Number patterns rejected, with why.</param>
    /// <returns>Whether at least one count was found.</returns>
    public static bool TryParse(string text, int? seats, out IReadOnlyList<TallyReading> readings, out IReadOnlyList<TallyRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (r, j) = Parse(Tokenizer.Tokenize(text), seats);
        readings = r;
        rejections = j;
        return r.Count > 0;
    }

    /// <summary>Reads vote counts from a tokenised sentence.</summary>
    public static (List<TallyReading> Readings, List<TallyRejection> Rejections) Parse(Token[] tokens, int? seats)
    {
        var readings = new List<TallyReading>();
        var rejections = new List<TallyRejection>();
        if (tokens.Length < 3) return (readings, rejections);
        var clauses = Clauses.Split(tokens);
        var hasVoteWord = tokens.Any(t => t.Kind == TokenKind.Word && Lexicon.VoteContext.Contains(t.Norm));
        var strongVoteWord = tokens.Any(t => t.Kind == TokenKind.Word && t.Norm is "vote" or "votes" or "voted" or "motion" or "amendment" or "abstention" or "abstentions");
        var scoreWord = tokens.Any(t => t.Kind == TokenKind.Word && Lexicon.ScoreContext.Contains(t.Norm));

        // Pass 1: pairs and labelled parts, left to right, never overlapping.
        var pairs = new List<(int S, int E, int A, int B, bool VotesWord, bool Digits)>();
        var roles = new List<(int S, int E, Vote Role, int N)>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (TryRolePrefix(tokens, i, out var pe, out var prole, out var pn))
            {
                roles.Add((i, pe, prole, pn));
                i = pe - 1;
                continue;
            }

            if (!TryNumber(tokens, i, allowArticle: true, out var a, out var next, out var aDigits)) continue;
            if (TryPair(tokens, i, a, next, aDigits, out var pair))
            {
                pairs.Add(pair);
                i = pair.E - 1;
                continue;
            }

            if (TryRole(tokens, next, out var re, out var role))
            {
                roles.Add((i, re, role, a));
                i = re - 1;
            }
        }

        // Pass 2: labelled parts grouped per clause into counts; a lone abstention joins a pair before it.
        var used = new bool[roles.Count];
        for (var p = 0; p < pairs.Count; p++)
        {
            var pair = pairs[p];
            var (cs, ce) = Clauses.Of(clauses, pair.S);
            int? abstain = null;
            var end = pair.E;
            for (var r = 0; r < roles.Count; r++)
            {
                if (used[r] || roles[r].Role != Vote.Abstain || roles[r].S < pair.E || roles[r].S >= ce || roles[r].S - pair.E > 6) continue;
                if (p + 1 < pairs.Count && roles[r].S > pairs[p + 1].S) continue;
                abstain = roles[r].N;
                end = roles[r].E;
                used[r] = true;
                break;
            }

            var reason = RejectPair(tokens, pair.S, pair.E, pair.A, pair.B, pair.VotesWord, pair.Digits, hasVoteWord, strongVoteWord, scoreWord, clauses, seats, abstain);
            if (reason is not null)
            {
                rejections.Add(new TallyRejection(tokens[pair.S].Start, tokens[end - 1].End, reason));
                continue;
            }

            var prev = readings.Count > 0 ? readings[^1] : null;
            readings.Add(Direct(tokens, clauses, pair.S, end, pair.A, pair.B, abstain, pair.VotesWord, prev));
        }

        var group = new List<int>();
        for (var r = 0; r <= roles.Count; r++)
        {
            var flush = r == roles.Count || used[r];
            // "…, with one abstention" after a labelled count and a long object still belongs to it.
            if (!flush && group.Count >= 2 && roles[r].Role == Vote.Abstain && roles[r].S > 0 && tokens[roles[r].S - 1].Norm is "with" or "and"
                && !group.Any(g => roles[g].Role == Vote.Abstain) && Clauses.Of(clauses, roles[group[^1]].S) == Clauses.Of(clauses, roles[r].S) && roles[r].S - roles[group[^1]].E <= 16)
            {
                group.Add(r);
                continue;
            }

            if (!flush && group.Count > 0)
            {
                var last = roles[group[^1]];
                var sameClause = Clauses.Of(clauses, last.S) == Clauses.Of(clauses, roles[r].S);
                var repeats = group.Any(g => roles[g].Role == roles[r].Role);
                flush = !sameClause || repeats || roles[r].S - last.E > 4;
            }

            if (flush && group.Count > 0)
            {
                EmitRoles(tokens, clauses, roles, group, seats, readings, rejections);
                group.Clear();
            }

            if (r < roles.Count && !used[r]) group.Add(r);
        }

        // "With 19 votes, the NEC voted to …": how many voted for, and nothing else.
        for (var i = 0; i + 2 < tokens.Length; i++)
        {
            if (tokens[i].Norm != "with" || !TryNumber(tokens, i + 1, false, out var n, out var next, out var digits) || next >= tokens.Length || tokens[next].Norm != "votes") continue;
            if (next + 1 < tokens.Length && tokens[next + 1].Norm is "to" or "against" or "for" or "in" or "each") continue;
            if (readings.Any(r => r.StartToken <= next && r.EndToken > i)) continue;
            var (cs, ce) = Clauses.Of(clauses, i);
            var passing = false;
            for (var k = cs; k < tokens.Length && k < ce + 12; k++)
                if (tokens[k].Norm is "voted" or "agreed" or "passed" or "approved" or "carried" or "adopted") passing = true;
            if (!passing || n == 0 || seats is { } max && n > max) continue;
            readings.Add(new TallyReading(tokens[i].Start, tokens[next].End, n, 0, new Tally(n, null, null), null, TallyDirection.Roles, Outcome.Passed, false,
                Confidence.Medium, "with", i, i, next + 1));
        }

        readings.Sort((x, y) => x.Start.CompareTo(y.Start));
        return (readings, rejections);
    }

    private static void EmitRoles(Token[] tokens, List<(int Start, int End)> clauses, List<(int S, int E, Vote Role, int N)> roles,
        List<int> group, int? seats, List<TallyReading> readings, List<TallyRejection> rejections)
    {
        int? f = null, a = null, b = null;
        foreach (var g in group)
        {
            switch (roles[g].Role)
            {
                case Vote.For: f = roles[g].N; break;
                case Vote.Against: a = roles[g].N; break;
                default: b = roles[g].N; break;
            }
        }

        var s = roles[group[0]].S;
        var e = roles[group[^1]].E;
        // One labelled number ("won 3 for the first time", "22 against") is not a count.
        if (group.Count < 2 || (f is null && a is null)) return;
        var tally = new Tally(f, a, b);
        if (seats is { } max && tally.KnownTotal > max)
        {
            rejections.Add(new TallyRejection(tokens[s].Start, tokens[e - 1].End, $"adds up to {tally.KnownTotal}, more than the {max} seats"));
            return;
        }

        if (IsHypothetical(tokens, clauses, s))
        {
            rejections.Add(new TallyRejection(tokens[s].Start, tokens[e - 1].End, "a hypothetical or future vote, not a result"));
            return;
        }

        var (cs, ce) = Clauses.Of(clauses, s);
        var (stated, cueIndex) = FindStated(tokens, cs, ce, s, e);
        var confidence = Confidence.High;
        if (stated != Outcome.Unknown && f is { } ff && a is { } aa && (ff > aa ? Outcome.Passed : ff < aa ? Outcome.Defeated : Outcome.Tied) != stated)
            confidence = Confidence.Medium;
        readings.Add(new TallyReading(tokens[s].Start, tokens[e - 1].End, f ?? 0, a ?? 0, tally, b, TallyDirection.Roles, stated, false,
            confidence, cueIndex >= 0 ? tokens[cueIndex].Norm : null, cueIndex, s, e));
    }

    private static (Outcome Outcome, int Cue) FindStated(Token[] tokens, int cs, int ce, int s, int e)
    {
        for (var k = s - 1; k >= cs; k--)
            if (OutcomeWord(tokens, k) is { } o) return (o, k);
        for (var k = e; k < ce; k++)
            if (OutcomeWord(tokens, k) is { } o) return (o, k);
        return (Outcome.Unknown, -1);
    }

    private static Outcome? OutcomeWord(Token[] tokens, int k)
    {
        var w = tokens[k].Norm;
        if (tokens[k].Kind != TokenKind.Word) return null;
        var negated = Negated(tokens, k);
        if (w is "pass" or "passed" or "carried" && negated) return Outcome.Defeated;
        if (PassWords.Contains(w)) return negated ? null : Outcome.Passed;
        if (FailWords.Contains(w)) return negated ? null : Outcome.Defeated;
        if (w is "through" && k > 0 && tokens[k - 1].Norm is "voted" or "went" or "got") return Outcome.Passed;
        if (w is "down" && k > 0 && tokens[k - 1].Norm is "voted") return Outcome.Defeated;
        return null;
    }

    private static bool Negated(Token[] tokens, int k)
    {
        for (var j = k - 1; j >= Math.Max(0, k - 2); j--)
            if (tokens[j].Norm is "not" or "didn't" or "never" or "n't" or "wasn't" or "weren't") return true;
        return false;
    }

    // The direction of an unlabelled pair, from the nearest cue: an outcome word before it in its clause, else a
    // purpose or outcome after it, else the cue of the count before it in the same sentence ("losing 15-14 on
    // X, and 16-12 on Y"), else a bare "voted … to VERB", else word order.
    private static TallyReading Direct(Token[] tokens, List<(int Start, int End)> clauses, int s, int e, int a, int b, int? abstain, bool votesWord, TallyReading? previous)
    {
        var (cs, ce) = Clauses.Of(clauses, s);
        var tie = false;
        for (var k = cs; k < ce; k++)
            if (tokens[k].Norm is "tie" or "tied" or "deadlock" or "deadlocked") tie = true;
        TallyReading Make(TallyDirection d, Outcome stated, Confidence c, int cue) =>
            new(tokens[s].Start, tokens[e - 1].End, a, b, null, abstain, d, stated, tie && a == b, c, cue >= 0 ? tokens[cue].Norm : null, cue, s, e);
        var conf = votesWord ? Confidence.High : Confidence.Medium;
        var lowerBound = previous is not null && previous.EndToken > cs ? previous.EndToken : cs;

        for (var k = s - 1; k >= lowerBound; k--)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            if (SideWords.Contains(tokens[k].Norm))
                return SideOrMotion(tokens, clauses, k, cs, Make, conf);
            if (OutcomeWord(tokens, k) is { } o)
                return Make(o == Outcome.Passed ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, o, conf, k);
        }

        for (var k = e; k < ce; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            if (tokens[k].Norm == "to" && k + 1 < ce)
            {
                var v = k + 1;
                while (v < ce && tokens[v].Norm.EndsWith("ly", StringComparison.Ordinal) && tokens[v].Norm.Length > 3) v++;
                if (v < ce && tokens[v].Kind == TokenKind.Word && !NotAVerbAfterTo.Contains(tokens[v].Norm))
                {
                    return OpposeVerbs.Contains(tokens[v].Norm)
                        ? Make(TallyDirection.WinnersAgainst, Outcome.Defeated, Confidence.High, v)
                        : Make(TallyDirection.WinnersFor, Outcome.Passed, conf, v);
                }
            }

            // "16-11 in favour", "16 to 9 against the proposal": the first number is that side.
            if (k <= e + 1 && tokens[k].Norm == "in" && k + 1 < ce && tokens[k + 1].Norm is "favour" or "favor")
                return Make(a >= b ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, a >= b ? Outcome.Passed : Outcome.Defeated, conf, k + 1);
            if (k <= e + 1 && tokens[k].Norm == "against")
                return Make(a >= b ? TallyDirection.WinnersAgainst : TallyDirection.WinnersFor, a >= b ? Outcome.Defeated : Outcome.Passed, conf, k);
            if (SideWords.Contains(tokens[k].Norm))
                return SideOrMotion(tokens, clauses, k, cs, Make, conf);
            if (OutcomeWord(tokens, k) is { } o)
                return Make(o == Outcome.Passed ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, o, conf, k);
        }

        if (previous is not null && previous.Direction != TallyDirection.Roles)
            return Make(previous.Direction, previous.Stated, previous.Confidence == Confidence.High ? Confidence.Medium : previous.Confidence, previous.CueToken);

        if (tie && a == b) return Make(TallyDirection.Assumed, Outcome.Tied, conf, -1);
        return Make(TallyDirection.Assumed, Outcome.Unknown, Confidence.Low, -1);
    }

    // "lost"/"won": the motion's outcome when the motion is its subject ("the amendment was lost"), a side's
    // loss or win when a person or group is ("we lost the vote", "… reps vote against …, losing 15-14").
    private static TallyReading SideOrMotion(Token[] tokens, List<(int Start, int End)> clauses, int k, int cs,
        Func<TallyDirection, Outcome, Confidence, int, TallyReading> make, Confidence conf)
    {
        var won = tokens[k].Norm is "won" or "winning" or "win" or "wins";
        for (var j = k - 1; j >= Math.Max(cs, k - 5); j--)
        {
            var w = tokens[j].Norm;
            if (tokens[j].IsPunct(',')) break; // "… voted against the paper, losing 18-11": the paper is not the subject
            if (Lexicon.SidePronouns.Contains(w) || Lexicon.GroupHeads.Contains(w))
                return make(won ? TallyDirection.SideWon : TallyDirection.SideLost, Outcome.Unknown, Confidence.Medium, k);
            if (Lexicon.MotionNouns.Contains(w))
                return make(won ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, won ? Outcome.Passed : Outcome.Defeated, conf, k);
        }

        // A participle with no subject of its own ("…, losing 15-14 on a move") speaks for the sentence's subject.
        if (tokens[k].Norm is "losing" or "winning")
            return make(won ? TallyDirection.SideWon : TallyDirection.SideLost, Outcome.Unknown, Confidence.Medium, k);
        return make(won ? TallyDirection.WinnersFor : TallyDirection.WinnersAgainst, won ? Outcome.Passed : Outcome.Defeated, Confidence.Medium, k);
    }

    private static string? RejectPair(Token[] tokens, int s, int e, int a, int b, bool votesWord, bool digits, bool hasVoteWord,
        bool strongVoteWord, bool scoreWord, List<(int Start, int End)> clauses, int? seats, int? abstain)
    {
        var before = s > 0 ? tokens[s - 1] : default;
        var after = e < tokens.Length ? tokens[e] : default;
        // The second number's own token is the last numeric token of the pair.
        if (s > 0 && !tokens[s].SpaceBefore && (before.Kind == TokenKind.Word || before.IsDash || before.IsPunct('/') || before.IsPunct('.')))
            return "a number joined to a word or another number (a code or name such as Covid-19)";
        if (e < tokens.Length && !after.SpaceBefore && (after.IsDash || after.IsPunct('/') || after.Kind == TokenKind.Number))
            return "part of a longer run of numbers (a date or a code)";
        if (e < tokens.Length && (after.IsPunct('%') || after.Norm is "percent" or "per" or "pc"))
            return "a percentage range";
        if (Near(tokens, s - 3, s, t => Lexicon.Months.ContainsKey(t.Norm) && t.Kind == TokenKind.Word) ||
            Near(tokens, e, e + 2, t => Lexicon.Months.ContainsKey(t.Norm) && t.Kind == TokenKind.Word && t.Norm != "may"))
            return "a date range (a month name beside the numbers)";
        if (e < tokens.Length && after.Is("may") && e + 1 < tokens.Length && tokens[e + 1].Kind == TokenKind.Number)
            return "a date range (a month name beside the numbers)";
        if (s > 0 && (before.IsPunct('£') || before.IsPunct('$') || before.IsPunct('€') || before.IsPunct('#')))
            return "an amount of money or a reference number";
        if (s > 0 && before.Kind == TokenKind.Word && Lexicon.RangeBefore.Contains(before.Norm))
            return $"a range (\"{before.Norm}\" before the numbers)";
        if (s > 1 && before.Is("of") && tokens[s - 2].Kind == TokenKind.Word && Lexicon.RangeBefore.Contains(tokens[s - 2].Norm))
            return $"a range (\"{tokens[s - 2].Norm} of\" before the numbers)";
        if (e < tokens.Length && after.Kind == TokenKind.Word && !votesWord && !Lexicon.AfterTally.Contains(after.Norm))
            return $"a range of a quantity (\"{after.Norm}\" after the numbers)";
        if (!votesWord && !hasVoteWord)
            return "no vote word in the sentence";
        if (!votesWord && !digits)
            return "number words without \"votes\"";
        if (scoreWord && !strongVoteWord || Near(tokens, s - 4, e + 3, t => t.Kind == TokenKind.Word && Lexicon.ScoreContext.Contains(t.Norm)))
            return "a score or poll figure, not a vote";
        var total = a + b + (abstain ?? 0);
        if (total == 0) return "no votes on either side";
        if (seats is { } max && total > max) return $"adds up to {total}, more than the {max} seats";
        if (IsHypothetical(tokens, clauses, s)) return "a hypothetical or future vote, not a result";
        return null;
    }

    private static bool Near(Token[] tokens, int from, int to, Func<Token, bool> test)
    {
        for (var k = Math.Max(0, from); k < Math.Min(tokens.Length, to); k++)
            if (test(tokens[k])) return true;
        return false;
    }

    // "If the motion passed 20-10 …", "would have won 16-14": a clause that opens with "if" or has a modal
    // before the count reports no result.
    private static bool IsHypothetical(Token[] tokens, List<(int Start, int End)> clauses, int s)
    {
        var (cs, _) = Clauses.Scope(tokens, clauses, s);
        for (var k = cs; k < s; k++)
        {
            var w = tokens[k].Norm;
            if (tokens[k].Kind != TokenKind.Word) continue;
            if (w is "if" or "unless" or "would" or "could" or "should" or "will" or "might" or "shall") return true;
        }

        return false;
    }

    // NUMBER [votes|vote] (to | dash) NUMBER [votes]; "to" with "against" too when "votes" is written.
    private static bool TryPair(Token[] tokens, int i, int a, int next, bool aDigits, out (int S, int E, int A, int B, bool VotesWord, bool Digits) pair)
    {
        pair = default;
        var k = next;
        var votesWord = false;
        if (k < tokens.Length && tokens[k].Norm is "votes" or "vote")
        {
            votesWord = true;
            k++;
        }

        if (k >= tokens.Length) return false;
        var sep = tokens[k];
        var dash = sep.IsDash;
        if (!(sep.Is("to") || dash || (votesWord && sep.Is("against")))) return false;
        if (tokens[i].Kind == TokenKind.Word && dash) return false;
        if (!TryNumber(tokens, k + 1, allowArticle: false, out var b, out var end, out var bDigits)) return false;
        if (dash && !bDigits) return false;
        if (end < tokens.Length && tokens[end].Norm is "votes" or "vote")
        {
            votesWord = true;
            end++;
        }

        pair = (i, end, a, b, votesWord, aDigits && bDigits);
        return true;
    }

    // NUMBER [NEC] [members|votes|people] [voted|voting|were] (for | against | in favour | opposing | supporting |
    // abstention[s] | abstained | abstaining): "5 votes for", "23 NEC members opposing", "14 voting in favour".
    private static bool TryRole(Token[] tokens, int k, out int end, out Vote role)
    {
        end = k;
        role = default;
        if (k < tokens.Length && tokens[k].Norm is "nec" or "committee" or "board" or "council") k++;
        if (k < tokens.Length && tokens[k].Norm is "votes" or "vote" or "members" or "member" or "people" or "councillors" or "delegates") k++;
        var verb = k < tokens.Length && tokens[k].Norm is "voted" or "voting" or "were" or "was";
        if (verb) k++;
        if (k >= tokens.Length || tokens[k].Kind != TokenKind.Word) return false;
        switch (tokens[k].Norm)
        {
            case "for":
                role = Vote.For;
                end = k + 1;
                return true;
            case "against" or "opposing" or "opposed":
                role = Vote.Against;
                end = k + 1;
                return true;
            case "supporting" when !verb:
                role = Vote.For;
                end = k + 1;
                return true;
            case "abstention" or "abstentions" or "abstained" or "abstaining" or "abstain" or "abstainers":
                role = Vote.Abstain;
                end = k + 1;
                return true;
            case "in" when k + 1 < tokens.Length && tokens[k + 1].Norm is "favour" or "favor":
                role = Vote.For;
                end = k + 2;
                return true;
            default:
                return false;
        }
    }

    // "For: 19, Against: 9, Abstentions: 1" (a label, a colon or equals sign, then the number).
    private static bool TryRolePrefix(Token[] tokens, int i, out int end, out Vote role, out int n)
    {
        end = i;
        role = default;
        n = 0;
        if (tokens[i].Kind != TokenKind.Word) return false;
        Vote r;
        switch (tokens[i].Norm)
        {
            case "for" or "yes" or "ayes": r = Vote.For; break;
            case "against" or "no" or "noes": r = Vote.Against; break;
            case "abstentions" or "abstention" or "abstain": r = Vote.Abstain; break;
            default: return false;
        }

        if (i + 2 >= tokens.Length || !(tokens[i + 1].IsPunct(':') || tokens[i + 1].IsPunct('='))) return false;
        if (!TryNumber(tokens, i + 2, allowArticle: false, out n, out end, out _)) return false;
        role = r;
        return true;
    }

    /// <summary>Reads a vote count at token <paramref name="i"/>: digits (at most three, not an ordinal, not a
    /// decimal or a thousands group) or a number word ("twenty-one"); with <paramref name="allowArticle"/>, also
    /// "a single" / "an" before "abstention".</summary>
    public static bool TryNumber(Token[] tokens, int i, bool allowArticle, out int value, out int next, out bool digits)
    {
        value = 0;
        next = i;
        digits = false;
        if (i >= tokens.Length) return false;
        var t = tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            if (t.Value < 0 || t.Digits > 3) return false;
            if (i + 1 < tokens.Length && !tokens[i + 1].SpaceBefore && tokens[i + 1].Kind == TokenKind.Word) return false;
            value = t.Value;
            next = i + 1;
            digits = true;
            return true;
        }

        if (t.Kind != TokenKind.Word) return false;
        if (allowArticle && t.Norm is "a" or "an" && i + 1 < tokens.Length)
        {
            var j = i + 1;
            if (tokens[j].Norm == "single") j++;
            if (j < tokens.Length && tokens[j].Norm is "abstention")
            {
                value = 1;
                next = j;
                return true;
            }

            return false;
        }

        if (!Lexicon.NumberWords.TryGetValue(t.Norm, out value)) return false;
        next = i + 1;
        if (value is >= 20 and < 100 && value % 10 == 0 && i + 1 < tokens.Length)
        {
            var j = i + 1;
            if (tokens[j].IsDash && !tokens[j].SpaceBefore) j++;
            if (j < tokens.Length && Lexicon.NumberWords.TryGetValue(tokens[j].Norm, out var unit) && unit is >= 1 and <= 9)
            {
                value += unit;
                next = j + 1;
            }
        }

        return true;
    }
}
