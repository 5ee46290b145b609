using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Positions: each stance is attached to the motion(s) it speaks of, and its holders are resolved to
/// members (the writer for "I", the writers for "we", roster names, declared groups at the meeting's date).</summary>
internal sealed partial class ReportReader
{
    private static readonly HashSet<string> VagueNouns = new(StringComparer.Ordinal) { "points", "issues", "items", "things", "occasions", "matters", "votes", "questions" };

    private void ReadStances()
    {
        for (var i = 0; i < _sentences.Count; i++)
        {
            var a = _sentences[i];
            if (_report.Positions.Count + _report.Groups.Count >= ReportExtractor.MaxFactsPerReport)
            {
                _report.TruncatedAt = a.S.Line;
                return;
            }

            foreach (var st in a.Stances) Resolve(i, a, st);
        }
    }

    private void Resolve(int i, Analysis a, Stance st)
    {
        var s = a.S;
        var tokens = s.Tokens;
        var objWords = Enumerable.Range(st.ObjectStart, Math.Max(0, st.ObjectEnd - st.ObjectStart))
            .Where(k => tokens[k].Kind == TokenKind.Word).Select(k => tokens[k].Norm).ToList();

        if (objWords.Any(w => w is "different" or "various" or "several") && objWords.Any(VagueNouns.Contains))
        {
            Reject(s, "position", s.Text, "not tied to one vote (\"different points\")");
            return;
        }

        // 1. Motions in the same clause or sentence.
        var clauses = Clauses.Split(tokens);
        var clause = Clauses.Of(clauses, st.VerbToken);
        if (st.Mode == StanceMode.Want)
        {
            var verb = tokens[st.ObjectStart].Norm;
            var target = a.Motions.FirstOrDefault(m => Tokenizer.Tokenize(m.Title).Any(t => Topic.Stem(t.Norm) == Topic.Stem(verb)))
                         ?? a.Motions.FirstOrDefault(m => m.Kind == MotionKind.Procedural);
            if (target is not null) AddPositions(st, target, Vote.For, st.Confidence, "wanted the step put to the vote");
            else Reject(s, "position", s.Text, "wanted a step, but no vote on it is reported");
            return;
        }

        var sameClause = a.Motions.Where(m => m.ClauseStart == clause.Start).ToList();
        var sentenceMotions = a.Motions.Where(m => !m.FromStance).ToList();
        if (sameClause.Count > 0 || (sentenceMotions.Count > 0 && PointsBackOrEmpty(objWords)))
        {
            foreach (var m in sameClause.Count > 0 ? sameClause : sentenceMotions)
                AddPositions(st, m, Inverted(st, m), st.Confidence, "the vote reported in the same sentence");
            return;
        }

        // A pointer or plural after a summary ("the NEC voted to proscribe four groups … I opposed this"): the
        // votes it sums up, wherever they are reported.
        var summaryHere = Summary(i);
        if (summaryHere is { } sum && (PointsBackOrEmpty(objWords) || PluralKind(objWords).Kind is not null))
        {
            var kindOfSummary = _sentences[Math.Max(0, i - 1)..(i + 1)].SelectMany(x => x.Summaries).Select(x => x.Kind).FirstOrDefault(k => k is not null);
            if (kindOfSummary is not null)
            {
                _report.Pending.Add(new PendingReference(_report, st, kindOfSummary, null, sum.Count, sum.Meeting, HolderMembers(st), HolderGroups(st)));
                return;
            }
        }

        // 2. A list: "I opposed the following changes: A; B; C; and D."
        var items = st.ObjectEnd > st.ObjectStart ? ListItems(s, st.ObjectStart) : [];
        if (items.Count >= 2 && st.Mode != StanceMode.Speech)
        {
            foreach (var item in items)
            {
                var m = StanceMotion(a, st, Phrases.Title(item), item);
                AddPositions(st, m, st.Vote, Min(st.Confidence, Confidence.Medium), "a list of items voted on");
            }

            return;
        }

        // 3. A plural of a kind: "the proscriptions", "all three proscriptions", "the proscribing".
        var (kind, quantity) = PluralKind(objWords);
        // "proscribing Resist": one named proscription, not "the proscriptions".
        if (kind is not null && NamesItsObject(s, st)) kind = null;
        if (kind is not null)
        {
            var summary = Summary(i);
            var ofKind = _report.Motions.Where(m => m.Kind == kind && !m.FromStance && m.MeetingOverride is null).ToList();
            if (summary is null && ofKind.Count > 0)
            {
                var chosen = ofKind.OrderBy(m => Math.Abs(m.Sentence.Index - i)).Take(quantity ?? ofKind.Count).ToList();
                foreach (var m in chosen) AddPositions(st, m, st.Vote, Min(st.Confidence, Confidence.Medium), $"one of the {KindWord(kind.Value)} the statement names");
                return;
            }

            if (st.Mode == StanceMode.Speech && summary is null && ofKind.Count == 0)
            {
                Reject(s, "position", s.Text, "a speech, and no vote on it is reported in this report");
                return;
            }

            _report.Pending.Add(new PendingReference(_report, st, kind, null, summary?.Count ?? quantity, summary?.Meeting, HolderMembers(st), HolderGroups(st)));
            return;
        }

        // 4. A pointer ("this rule change", "the motion", "this", nothing).
        var objText = st.ObjectText;
        var context = Topic.Of(objText + " " + ContextText(i));
        if (PointsBackOrEmpty(objWords))
        {
            var head = objWords.FirstOrDefault(w => Lexicon.MotionNouns.Contains(w) && w is not ("this" or "it" or "that" or "which"));
            var near = Nearby(i, head, context);
            if (near is not null)
            {
                AddPositions(st, near, st.Vote, Min(st.Confidence, Confidence.Medium), "the vote the statement refers to");
                return;
            }

            if (st.Mode == StanceMode.Speech)
            {
                Reject(s, "position", s.Text, "a speech, and no vote on it is reported nearby");
                return;
            }

            if (!MayStandAlone(st, objWords))
            {
                Reject(s, "position", s.Text, "a view, not a reported vote (no vote word, no motion named, no result)");
                return;
            }

            var (antecedent, phrase) = Antecedent(i, head, verbInitial: false);
            var text = antecedent is null ? objText : phrase;
            if (text.Length == 0)
            {
                Reject(s, "position", s.Text, "no vote found for this statement to refer to");
                return;
            }

            var made = StanceMotion(a, st, Phrases.Title(text), text + " " + s.Text);
            AddPositions(st, made, st.Vote, Min(st.Confidence, Confidence.Low), "a vote known only from this statement");
            return;
        }

        // 5. A description: the report's motion it matches best, else a motion of its own.
        var best = BestMatch(i, Topic.Of(objText));
        if (best is not null)
        {
            AddPositions(st, best, st.Vote, Min(st.Confidence, Confidence.Medium), "the vote whose subject the statement names");
            return;
        }

        if (st.Mode == StanceMode.Speech)
        {
            Reject(s, "position", s.Text, "a speech, and no vote on it is reported");
            return;
        }

        if (!MayStandAlone(st, objWords))
        {
            Reject(s, "position", s.Text, "a view, not a reported vote (no vote word, no motion named, no result)");
            return;
        }

        var own = StanceMotion(a, st, Phrases.Title(objText.Split(' ').Length >= 3 ? objText : ContextTitle(i, objText)), objText + " " + s.Text);
        AddPositions(st, own, st.Vote, Min(st.Confidence, Confidence.Low), "a vote known only from this statement");
    }

    // A stance that is the only evidence of a vote needs a vote verb, a side's win, a result ("unsuccessfully
    // opposed"), or a motion named as its object: "we opposed AUKUS" is a view, not a vote.
    private static bool MayStandAlone(Stance st, List<string> objWords)
    {
        // "… on the conference floor … we defeated X": a vote of another body.
        var words = st.Sentence.Tokens.Select(t => t.Norm).ToList();
        for (var k = 0; k + 1 < words.Count; k++)
            if (words[k] is "conference" && words[k + 1] is "floor" || words[k] is "at" && words[k + 1] is "conference")
                return false;

        if (st.Mode is StanceMode.Defeat or StanceMode.Want || st.Implied != Outcome.Unknown) return true;
        if (st.Holders.Any(h => h.Count is not null)) return true; // a counted statement reports a division
        var verb = st.Sentence.Tokens[st.VerbToken].Norm;
        if (verb is "voted" or "vote" or "voting" or "votes" or "abstained") return true;
        return objWords.Any(w => Lexicon.MotionNouns.Contains(w) && w is not ("it" or "this" or "that" or "which") || w is "paper" or "proposal" or "motion" or "amendment");
    }

    // A short object ("the CLPs") makes a poor title: the paragraph's subject says more.
    private string ContextTitle(int i, string fallback)
    {
        var (antecedent, phrase) = Antecedent(i, null, verbInitial: false);
        return antecedent is null ? fallback : phrase;
    }

    private static bool NamesItsObject(Sentence s, Stance st)
    {
        var tokens = s.Tokens;
        for (var k = st.ObjectStart; k + 1 < st.ObjectEnd; k++)
            if (tokens[k].Norm is "proscribing" or "proscriptions" or "amendments" or "motions" or "papers" or "changes")
            {
                var j = k + 1;
                if (tokens[j].Norm is "of" or "the" && j + 1 < st.ObjectEnd) j++;
                if (tokens[j].Norm is "the" && j + 1 < st.ObjectEnd) j++;
                return tokens[j].Kind == TokenKind.Word && char.IsUpper(s.Text[tokens[j].Start]);
            }
        return false;
    }

    private static bool PointsBackOrEmpty(List<string> words) =>
        words.Count == 0 || words[0] is "this" or "it" or "that" or "these" or "them" ||
        words.Count <= 3 && words[0] is "the" or "our" or "their" && words.Skip(1).Any(w => Lexicon.MotionNouns.Contains(w)) ||
        words.Count == 1 && words[0] is "favour" or "favor";

    // A vote on a procedural move against an item (withdraw, defer the paper) is the reverse of the stance on the item.
    private static Vote Inverted(Stance st, MotionDraft m)
    {
        if (st.Mode == StanceMode.Want) return st.Vote;
        var motionProcedural = Tokenizer.Tokenize(m.Title).Any(t => Lexicon.ProceduralVerbs.Contains(t.Norm));
        var stanceProcedural = Tokenizer.Tokenize(st.ObjectText).Any(t => Lexicon.ProceduralVerbs.Contains(t.Norm));
        if (!motionProcedural || stanceProcedural) return st.Vote;
        return st.Vote switch { Vote.Against => Vote.For, Vote.For => Vote.Against, _ => st.Vote };
    }

    private static (MotionKind? Kind, int? Quantity) PluralKind(List<string> words)
    {
        int? quantity = null;
        for (var k = 0; k < words.Count; k++)
        {
            var w = words[k];
            if (w is "both") quantity = 2;
            if (w is "all" && k + 1 < words.Count && Lexicon.NumberWords.TryGetValue(words[k + 1], out var n)) quantity = n;
            if (w is "proscriptions" or "proscribing") return (MotionKind.Proscription, quantity);
            if (w is "amendments") return (MotionKind.Amendment, quantity);
            if (w is "changes" && k > 0 && words[k - 1] == "rule") return (MotionKind.RuleChange, quantity);
            if (w is "motions") return (MotionKind.Motion, quantity);
            if (w is "papers") return (MotionKind.Paper, quantity);
            if (k >= 3) break;
        }

        return (null, null);
    }

    private static string KindWord(MotionKind kind) => kind switch
    {
        MotionKind.Proscription => "proscriptions",
        MotionKind.Amendment => "amendments",
        MotionKind.RuleChange => "rule changes",
        MotionKind.Motion => "motions",
        MotionKind.Paper => "papers",
        _ => "votes",
    };

    // "At the NEC meeting on July 21st 2021, the NEC voted to proscribe four groups … I opposed this": a
    // summary in this sentence or the one before, with its count and meeting.
    private (int? Count, MeetingRef? Meeting)? Summary(int i)
    {
        for (var j = i; j >= Math.Max(0, i - 1); j--)
        {
            var a = _sentences[j];
            if (a.Summaries.Count > 0) return (a.Summaries[0].Decision.Summary, a.Override);
        }

        return null;
    }

    private string ContextText(int i)
    {
        var parts = new List<string>();
        for (var j = Math.Max(0, i - 2); j <= i; j++)
            if (_sentences[j].S.Line >= _sentences[i].S.Line - 1) parts.Add(_sentences[j].S.Text);
        return string.Join(' ', parts);
    }

    // The motion a pointer refers to: in the same line (before or after), else in the three lines before, else
    // the next line; several candidates are told apart by the words around the statement.
    private MotionDraft? Nearby(int i, string? head, HashSet<string> context)
    {
        var line = _sentences[i].S.Line;
        IEnumerable<MotionDraft> InLines(int from, int to) => _report.Motions.Where(m => m.Sentence.Line >= from && m.Sentence.Line <= to);
        var tiers = new[]
        {
            InLines(line, line).ToList(),
            InLines(line - 6, line - 1).Where(m => m.Sentence.Index >= i - 8).ToList(),
            InLines(line + 1, line + 2).Where(m => m.Sentence.Index <= i + 3).ToList(),
        };
        foreach (var tier in tiers)
        {
            var candidates = tier.Where(m => m.MeetingOverride is null && (head is null || Compatible(head, NounOf(m)))).ToList();
            if (candidates.Count == 0) continue;
            if (candidates.Count == 1) return candidates[0];
            var scored = candidates.Select(m => (m, Score: Topic.Similarity(m.Topic, context))).OrderByDescending(x => x.Score).ToList();
            if (scored[0].Score > scored[1].Score) return scored[0].m;
            // Equal: the nearest before the statement.
            return candidates.LastOrDefault(m => m.Sentence.Index <= i) ?? candidates[0];
        }

        return null;
    }

    private static string NounOf(MotionDraft m) => m.Kind switch
    {
        MotionKind.Amendment => "amendment",
        MotionKind.Motion => "motion",
        MotionKind.Paper => "paper",
        _ => "proposal",
    };

    // The motion a described object names: most of the object's words must be among the motion's ("the
    // cancellation of this year's Women's Conference" is not "the cancelling of equalities committees").
    private MotionDraft? BestMatch(int i, HashSet<string> topic)
    {
        if (topic.Count == 0) return null;
        var line = _sentences[i].S.Line;
        MotionDraft? best = null;
        var bestScore = 0.0;
        foreach (var m in _report.Motions)
        {
            if (m.MeetingOverride is not null) continue;
            var shared = Topic.Shared(m.Topic, topic);
            var coverage = (double)shared / topic.Count;
            var sameSentence = m.Sentence.Index == i;
            if (shared < Math.Min(2, topic.Count) || coverage < (sameSentence ? 0.3 : 0.6)) continue;
            var score = coverage - Math.Min(0.2, Math.Abs(m.Sentence.Line - line) / 200.0) + (sameSentence ? 0.5 : 0);
            if (score > bestScore)
            {
                best = m;
                bestScore = score;
            }
        }

        return best;
    }

    private MotionDraft StanceMotion(Analysis a, Stance st, string title, string context)
    {
        var m = new MotionDraft
        {
            Report = _report,
            Sentence = a.S,
            Title = title,
            Kind = KindClassifier.Classify(title, context),
            Tally = null,
            Outcome = st.Implied,
            Confidence = Confidence.Low,
            Topic = Topic.Of(title + " " + context),
            ClauseStart = Clauses.Of(Clauses.Split(a.S.Tokens), st.VerbToken).Start,
            FromStance = true,
        };
        m.Sources.Add((_report, a.S, a.S.Text, null, Confidence.Low, "a vote known only from a statement of how someone voted"));
        AddMotion(a, m);
        return m;
    }
}
