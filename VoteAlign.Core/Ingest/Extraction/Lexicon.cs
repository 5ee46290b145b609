using System.Collections.Frozen;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>The word lists the extraction grammar is written over. Each list is a class of words of the
/// language (vote words, outcome verbs, units that make a number a quantity rather than a vote count), not
/// phrases from any one report.</summary>
internal static class Lexicon
{
    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Number words, as a vote count may be written ("by 27 votes to nil", "one abstention").</summary>
    public static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["nil"] = 0, ["zero"] = 0, ["none"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Month names and their common abbreviations, to 1..12.</summary>
    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4,
        ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Day names to <see cref="DayOfWeek"/>.</summary>
    public static readonly FrozenDictionary<string, DayOfWeek> Days = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that make a bare "N-M" or "N to M" read as a vote count. "won" and "lost" are not among
    /// them: a team wins 3-1 too.</summary>
    public static readonly FrozenSet<string> VoteContext = Set(
        "vote", "votes", "voted", "voting", "tally", "tie", "tied", "recount", "passed", "passing", "carried",
        "defeated", "majority", "motion", "amendment", "proposal", "resolution", "division", "abstention",
        "abstentions", "nec", "approved", "rejected", "fell", "paper", "deferral", "proscription");

    /// <summary>Words that may follow the second number of a vote count ("16-12 on the paper", "15-15 tie").
    /// Any other word makes the pair a range of that word ("5-6 years", "1-10 helps").</summary>
    public static readonly FrozenSet<string> AfterTally = Set(
        "votes", "vote", "on", "in", "with", "to", "and", "against", "for", "tie", "but", "then", "after", "when",
        "as", "at", "by", "or", "so", "which", "that", "this", "the", "a", "an", "majority", "margin", "split",
        "decision", "defeat", "victory", "win", "loss", "result", "recount", "among", "amongst", "was", "were",
        "is", "without", "including", "abstention", "abstentions", "abstaining", "while", "meaning", "leaving",
        "vote", "of", "opposing", "supporting", "before", "once", "despite", "although", "though", "it", "we",
        "they", "he", "she", "i", "not", "votes", "nem", "unanimously", "ballot");

    /// <summary>Words before a pair of numbers that make it a range, not a vote ("from 8 to 11", "between 10-15").</summary>
    public static readonly FrozenSet<string> RangeBefore = Set(
        "from", "between", "scale", "range", "aged", "ages", "age", "out", "rated", "rating", "score", "scored",
        "scores", "pages", "page", "pp", "line", "lines", "chapter", "chapters", "clause", "clauses", "section",
        "sections", "article", "articles", "paragraph", "paragraphs", "para", "item", "items", "question",
        "questions", "room", "rooms", "no", "number", "numbers", "appendix", "covid", "year", "years", "ks",
        "key", "stage", "level", "levels", "grade", "grades", "size", "sizes", "band", "bands", "tier", "tiers",
        "week", "weeks", "day", "days", "phase", "step", "steps", "verse", "verses", "rule", "rules", "route",
        "platform", "platforms", "gate", "flat", "unit", "units", "junction", "channel", "round", "game", "games");

    /// <summary>Words that make a sentence about sport or polling rather than a vote of the body.</summary>
    public static readonly FrozenSet<string> ScoreContext = Set(
        "score", "scored", "scoreline", "goal", "goals", "match", "game", "games", "league", "cup", "innings",
        "wickets", "poll", "polls", "polling", "pollsters", "lead", "leads", "ahead", "survey", "swing", "sets",
        "final", "semi", "quarter", "fixture", "half", "points", "seeded");

    /// <summary>Words that show the motion, not a side, is the subject of "lost", "won".</summary>
    public static readonly FrozenSet<string> MotionNouns = Set(
        "motion", "motions", "amendment", "amendments", "proposal", "proposals", "paper", "papers", "resolution",
        "resolutions", "rule", "change", "changes", "it", "this", "that", "which", "recommendation",
        "recommendations", "report", "move", "deferral", "reference", "statement", "code", "proscription",
        "proscriptions", "policy", "plan", "nomination", "nominations", "item", "vote");

    /// <summary>Head nouns of a group of voters ("left CLP reps", "Momentum supporters", "the unions").</summary>
    public static readonly FrozenSet<string> GroupHeads = Set(
        "reps", "representatives", "representative", "members", "supporters", "colleagues", "candidates",
        "delegates", "unions", "left", "right", "officers", "councillors", "mps", "trade", "affiliates",
        "slate", "team", "caucus", "group", "bloc", "faction", "allies", "comrades", "others", "nominees",
        "momentum", "majority", "minority", "leadership", "frontbench", "frontbenchers", "union");

    /// <summary>Procedural moves whose vote is the reverse of a vote on the item they act on: to withdraw a
    /// paper is to oppose it.</summary>
    public static readonly FrozenSet<string> ProceduralVerbs = Set(
        "withdraw", "withdrawal", "defer", "deferral", "deferring", "delay", "delaying", "postpone", "postponing",
        "remit", "remitting", "refer", "reference", "adjourn", "adjournment", "withdrawing", "table", "shelve",
        "pause", "suspend");

    /// <summary>Words that mark a clause as hypothetical, future or wished-for rather than a report of a vote.</summary>
    public static readonly FrozenSet<string> Hypothetical = Set(
        "if", "would", "could", "should", "will", "might", "may", "must", "hope", "hoped", "hopes", "hopefully",
        "expect", "expected", "expects", "need", "needs", "needed", "unless", "whether", "shall", "wish", "want",
        "wants", "going", "plan", "plans", "planned", "intend", "intends", "can", "cannot", "reach", "aim", "aims");

    /// <summary>Negation.</summary>
    public static readonly FrozenSet<string> Negation = Set("not", "n't", "never", "no", "nor", "neither", "without", "didn't", "don't", "doesn't", "wasn't", "weren't", "couldn't", "wouldn't", "won't", "can't", "cannot", "haven't", "hadn't", "isn't");

    /// <summary>Subject pronouns that make a side, not the motion, the subject of "lost", "won".</summary>
    public static readonly FrozenSet<string> SidePronouns = Set("we", "i", "they", "us", "he", "she");

    /// <summary>Function words that are never the content of a topic.</summary>
    public static readonly FrozenSet<string> StopWords = Set(
        "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "but", "with", "by", "at", "from", "as", "is",
        "was", "were", "be", "been", "being", "are", "this", "that", "these", "those", "it", "its", "which", "who",
        "whom", "whose", "what", "when", "where", "why", "how", "there", "their", "they", "them", "we", "our", "us",
        "i", "my", "me", "he", "she", "his", "her", "him", "had", "has", "have", "having", "do", "does", "did",
        "not", "no", "so", "than", "then", "too", "very", "can", "could", "would", "should", "will", "shall",
        "may", "might", "must", "also", "any", "all", "some", "each", "every", "such", "into", "onto", "over",
        "under", "about", "after", "before", "up", "down", "out", "off", "again", "further", "once", "here",
        "only", "own", "same", "other", "more", "most", "just", "now", "both", "either", "neither", "nor", "if",
        "while", "because", "until", "through", "during", "against", "between", "above", "below", "via", "per",
        "vote", "votes", "voted", "voting", "passed", "passing", "pass", "defeated", "carried", "agreed", "approved",
        "motion", "paper", "proposal", "amendment", "nec", "meeting", "labour", "party", "members", "member",
        "unanimously", "unanimous", "nem", "con", "itself", "being", "put", "moved", "move", "new", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "abstention", "abstentions", "favour",
        "lost", "losing", "won", "went", "was", "proposed", "brought", "seconded", "supported", "opposed",
        "rule", "change", "changes", "rules", "decision", "decided", "accepted", "endorsed", "adopted");
}
