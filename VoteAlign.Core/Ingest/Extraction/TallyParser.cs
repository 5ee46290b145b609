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
internal static partial class TallyParser
{
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
}
