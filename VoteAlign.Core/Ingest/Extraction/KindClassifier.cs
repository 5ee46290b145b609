using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Assigns a motion its kind from its title and the words around it: the head noun first ("the main
/// paper", "an amendment"), then what it does (withdraw or defer: procedural; proscribe; rule change; elect or
/// appoint).</summary>
internal static class KindClassifier
{
    public static MotionKind Classify(string title, string context)
    {
        var head = Tokenizer.Tokenize(title).Where(t => t.Kind == TokenKind.Word).Take(5).Select(t => t.Norm).ToList();
        var all = Tokenizer.Tokenize(title + " " + context).Where(t => t.Kind == TokenKind.Word).Select(t => t.Norm).ToList();
        var titleWords = Tokenizer.Tokenize(title).Where(t => t.Kind == TokenKind.Word).Select(t => t.Norm).ToList();

        if (titleWords.Any(w => Lexicon.ProceduralVerbs.Contains(w)) && !head.Contains("amendment")) return MotionKind.Procedural;
        if (head.Contains("amendment") || head.Contains("amendments")) return MotionKind.Amendment;
        if (head.Contains("paper") || head.Contains("papers") || head.Contains("code") || head.Contains("report") || head.Contains("structures"))
            return MotionKind.Paper;
        if (head.Contains("motion") || head.Contains("resolution")) return MotionKind.Motion;
        if (titleWords.Any(w => w.StartsWith("proscri", StringComparison.Ordinal))) return MotionKind.Proscription;
        if (HasRuleChange(titleWords) || head.Contains("rule")) return MotionKind.RuleChange;
        if (titleWords.Any(w => w is "elect" or "elected" or "election" or "appoint" or "appointed" or "appointment" or "chairs" or "co-convenor" or "convenor"))
            return MotionKind.Election;
        if (all.Any(w => w.StartsWith("proscri", StringComparison.Ordinal))) return MotionKind.Proscription;
        if (HasRuleChange(all)) return MotionKind.RuleChange;
        if (titleWords.Any(w => w is "paper" or "code" or "statement" or "recommendations" or "response" or "guidance" or "procedures" or "report" or "strategy" or "plan"))
            return MotionKind.Paper;
        if (all.Contains("amendment")) return MotionKind.Amendment;
        if (all.Contains("motion")) return MotionKind.Motion;
        if (all.Contains("paper")) return MotionKind.Paper;
        return MotionKind.Other;
    }

    private static bool HasRuleChange(List<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
            if (words[i] is "rule" && words[i + 1] is "change" or "changes") return true;
        return words.Contains("rulebook") || words.Contains("constitutional");
    }
}
