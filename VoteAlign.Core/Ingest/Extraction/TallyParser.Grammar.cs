using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>The parts of the grammar: numbers, pairs, labelled parts, and the rules that reject a pair as a non-vote.</summary>
internal static partial class TallyParser
{
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
        if (EarlierMeeting(tokens, clauses, s)) return "a vote at an earlier meeting, recalled";
        return null;
    }

    // "At the last meeting the NEC had voted 20-10 to …": recalled, not reported.
    private static bool EarlierMeeting(Token[] tokens, List<(int Start, int End)> clauses, int s)
    {
        var (cs, ce) = Clauses.Of(clauses, s);
        for (var k = cs; k + 2 < ce; k++)
            if (tokens[k].Norm == "at" && tokens[k + 1].Norm == "the" && tokens[k + 2].Norm is "previous" or "last" or "earlier")
                return true;
        return false;
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
