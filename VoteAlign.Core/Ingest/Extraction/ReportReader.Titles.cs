namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Titles: from the clause's own subject when it describes the motion, from the proposal or sentence
/// it points back to when it does not ("This was passed …", "Passed by 16 votes to 11." under a bullet), and
/// from a purpose or object when the body is the subject ("the NEC voted by 27 votes to nil to immediately
/// publish the Forde Report").</summary>
internal sealed partial class ReportReader
{
    private sealed record Titled(string Title, string Context, ProposalState? Proposal, Confidence Confidence);

    private Titled TitleForCount(Analysis a, TallyReading reading, int cs, int ce, ref ProposalState? open)
    {
        var tokens = a.S.Tokens;
        var cue = reading.CueToken >= cs && reading.CueToken < reading.StartToken ? reading.CueToken : reading.StartToken;
        var subject = Phrases.Subject(tokens, cs, cue);

        // "losing 15-14 on a move to withdraw the paper, and 16-12 on the paper itself"
        if (reading.NeedsSide || subject.Kind == Phrases.SubjectKind.Body || reading.StartToken == cs)
        {
            if (Phrases.OnPhrase(tokens, reading.EndToken, ce) is { } on)
            {
                var text = Span(a.S, on.Start, on.End);
                if (!PointsBack(text)) return new Titled(Phrases.Title(text), a.S.Text, null, Confidence.High);
                var stance = a.Stances.FirstOrDefault(x => x.ObjectEnd > x.ObjectStart);
                if (stance is not null) return new Titled(Phrases.Title(stance.ObjectText), a.S.Text, null, Confidence.Medium);
            }
        }

        // "The vote went 22 to 8 to oppose the rule change on branch boundaries": what was opposed or supported.
        if (reading.CueToken >= reading.EndToken && reading.CueToken < ce && Phrases.ObjectAfter(tokens, reading.CueToken, ce) is { } purposeObject
            && !PointsBack(Span(a.S, purposeObject.Start, purposeObject.End)))
            return new Titled(Phrases.Title(Span(a.S, purposeObject.Start, purposeObject.End)), a.S.Text, null, Confidence.High);

        if (subject.Kind == Phrases.SubjectKind.Relative)
            return new Titled(Phrases.Title(RelativeAntecedent(a, subject.Start, subject.End)), a.S.Text, null, Confidence.High);

        // "With 19 votes, the NEC voted to exclude …": the count comes first, the decision after it.
        if (subject.End == subject.Start && reading.StartToken <= cs + 1 && Phrases.Purpose(tokens, reading.EndToken, ce) is { } fronted)
            return new Titled(Phrases.Title(Span(a.S, fronted.Start, fronted.End)), a.S.Text, null, Confidence.High);

        switch (subject.Kind)
        {
            case Phrases.SubjectKind.Descriptive:
                return new Titled(Phrases.Title(Continued(a, Span(a.S, subject.Start, subject.End))), a.S.Text, null, Confidence.High);
            case Phrases.SubjectKind.Body:
            {
                if (Phrases.Purpose(tokens, reading.EndToken, ce) is { } p)
                    return new Titled(Phrases.Title(Span(a.S, p.Start, p.End)), a.S.Text, null, Confidence.High);
                for (var k = subject.End; k < reading.StartToken; k++)
                {
                    if (tokens[k].Norm is not ("agreeing" or "agreed" or "approved" or "approving" or "adopted" or "adopting" or "passed" or "passing" or "endorsed" or "endorsing")) continue;
                    if (Phrases.ObjectAfter(tokens, k, reading.StartToken) is { } o)
                        return new Titled(Phrases.Title(Span(a.S, o.Start, o.End)), a.S.Text, null, Confidence.High);
                }

                break;
            }
        }

        return PointBack(a, subject.Head, verbInitial: subject.End == subject.Start, ref open);
    }

    private static readonly HashSet<string> DecisionVerbs = new(StringComparer.Ordinal)
    {
        "agreed", "approved", "adopted", "accepted", "endorsed", "passed", "carried", "voted", "vote", "elected", "appointed", "agreeing", "approving",
    };

    private Titled TitleForDecision(Analysis a, int cue, int cs, int ce, ref ProposalState? open)
    {
        var tokens = a.S.Tokens;
        // "without dissent", "unanimously": the subject is that of the decision verb nearest the word.
        if (!DecisionVerbs.Contains(tokens[cue].Norm))
        {
            var best = -1;
            for (var k = cs; k < ce; k++)
                if (DecisionVerbs.Contains(tokens[k].Norm) && (best < 0 || Math.Abs(k - cue) < Math.Abs(best - cue))) best = k;
            if (best >= 0) cue = best;
        }

        var subject = Phrases.Subject(tokens, cs, cue);
        var firstWord = subject.End > subject.Start ? tokens[subject.Start].Norm : "";
        var purposeAllowed = subject.Kind == Phrases.SubjectKind.Body || firstWord is "it" or "there";
        if (purposeAllowed && Phrases.Purpose(tokens, cue, ce) is { } p)
            return new Titled(Phrases.Title(Span(a.S, p.Start, p.End)), a.S.Text, null, Confidence.High);

        if (subject.Kind == Phrases.SubjectKind.Relative)
            return new Titled(Phrases.Title(RelativeAntecedent(a, subject.Start, subject.End)), a.S.Text, null, Confidence.High);

        // "it was decided that Shabana Mahmood MP should take Carol's place": what was decided.
        for (var k = cs; k + 2 < ce; k++)
            if (tokens[k].Norm is "decided" or "agreed" or "resolved" && tokens[k + 1].Norm == "that")
                return new Titled(Phrases.Title(Span(a.S, k + 2, ce)), a.S.Text, null, Confidence.High);

        if (subject.Kind == Phrases.SubjectKind.Descriptive && !tokens[subject.Start..subject.End].Any(t => t.Norm is "contested" or "vote"))
            return new Titled(Phrases.Title(Continued(a, Span(a.S, subject.Start, subject.End))), a.S.Text, null, Confidence.High);

        if (subject.Kind == Phrases.SubjectKind.Body || purposeAllowed || tokens[subject.Start..subject.End].Any(t => t.Norm is "contested") || tokens[cue].Norm is "voted")
        {
            // "we agreed the very important Code of Conduct …", "voted through the proposal to …", "appointed …".
            for (var k = cs; k < ce; k++)
            {
                var w = tokens[k].Norm;
                var byBody = k > cs && tokens[Math.Max(cs, k - 3)..k].Any(t => t.Norm is "we" or "nec" or "committee" or "meeting");
                var through = w is "through" or "down" && k > cs && tokens[k - 1].Norm == "voted";
                if (!(through || (w is "approved" or "agreed" or "appointed" or "elected" or "adopted" or "accepted" or "endorsed" && (byBody || k > cue)))) continue;
                if (Phrases.ObjectAfter(tokens, k, ce) is { } o && !PointsBack(Span(a.S, o.Start, o.End)))
                    return new Titled(Phrases.Title(Span(a.S, o.Start, o.End)), a.S.Text, null, Confidence.High);
            }
        }

        return PointBack(a, subject.Head, verbInitial: subject.End == subject.Start, ref open);
    }

    // A subject that points back: the open proposal when it fits, else the sentence it refers to.
    private Titled PointBack(Analysis a, string? head, bool verbInitial, ref ProposalState? open)
    {
        var i = a.Index;
        // "Colleagues … wanted to defer this decision … but that was defeated", "… voted for a motion to defer
        // the strategy, but the deferral was defeated": what the earlier clause of the sentence names.
        var named = a.Stances.FirstOrDefault(x => x.ObjectEnd > x.ObjectStart && (x.Mode == StanceMode.Want ||
            x.ObjectEnd - x.ObjectStart >= 3 && !PointsBack(x.ObjectText) && x.Sentence.Tokens[x.ObjectStart..x.ObjectEnd].Any(t => Lexicon.MotionNouns.Contains(t.Norm) && t.Norm is not ("it" or "this" or "that" or "which"))));
        if (named is not null) return new Titled(Phrases.Title(named.ObjectText), a.S.Text, null, Confidence.Medium);

        // The proposal last introduced, if no other vote came in between.
        if (open is not null && i - open.Index <= 30 && Compatible(head, open.Intro.Noun) && _report.Motions.Count == open.MotionsBefore + open.Motions.Count)
        {
            open.Rejected = false;
            var intro = open.Intro;
            var title = Phrases.Title(intro.Phrase);
            if (title.Split(' ').Length <= 2 && Heading(open.Index) is { } heading) title = Phrases.Title(heading);
            return new Titled(title, intro.Sentence.Text + " " + a.S.Text, open, Confidence.Medium);
        }

        var (antecedent, phrase) = Antecedent(i, head, verbInitial);
        if (antecedent is null) return new Titled(Phrases.Title(_sentences[i].S.Text), a.S.Text, null, Confidence.Low);
        return new Titled(Phrases.Title(phrase), antecedent.S.Text + " " + a.S.Text, null, Confidence.Medium);
    }

    // The noun phrase a "which" refers back to: the object of a stance in the sentence when it ends there.
    private static string RelativeAntecedent(Analysis a, int start, int end)
    {
        var stance = a.Stances.LastOrDefault(x => x.ObjectEnd <= end + 1 && x.ObjectEnd > x.ObjectStart && x.ObjectStart >= start - 6);
        return stance is not null && stance.ObjectEnd >= end ? stance.ObjectText : Span(a.S, start, end);
    }

    private string? Heading(int i)
    {
        for (var j = i - 1; j >= Math.Max(0, i - 15); j--)
            if (_sentences[j].Heading) return _sentences[j].S.Text;
        return null;
    }

    private static bool Compatible(string? head, string noun)
    {
        if (head is null) return true;
        static string Family(string w) => w switch
        {
            "motion" or "motions" or "resolution" or "resolutions" => "motion",
            "amendment" or "amendments" => "amendment",
            "paper" or "papers" or "report" or "code" or "statement" or "recommendations" => "paper",
            "proposal" or "proposals" or "move" or "rule" or "change" or "changes" or "rule change" or "deferral" or "proscription" or "nomination" or "item" or "plan" or "policy" => "proposal",
            _ => w,
        };
        var h = Family(head);
        var n = Family(noun);
        return h == n || h == "proposal" || n == "proposal" && h != "paper";
    }

    /// <summary>The sentence a reference at sentence <paramref name="i"/> points to, with the phrase to title
    /// it by: a proposal introduced there, a sentence naming the same noun, or (for "Passed by …" under a
    /// bullet) the first sentence of the line, else the previous sentence.</summary>
    private (Analysis? Sentence, string Phrase) Antecedent(int i, string? head, bool verbInitial)
    {
        var found = AntecedentOf(i, head, verbInitial);
        // A bare "A paper" or "the motion" says little: the section heading above says what it is about.
        if (found.Sentence is not null && Phrases.Title(found.Phrase).Split(' ').Length <= 3 && Heading(found.Sentence.Index + 1) is { } heading)
            return (found.Sentence, heading);
        return found;
    }

    private (Analysis? Sentence, string Phrase) AntecedentOf(int i, string? head, bool verbInitial)
    {
        var here = _sentences[i];
        if (verbInitial && !here.S.IsFirstInLine)
        {
            for (var j = i - 1; j >= 0; j--)
                if (_sentences[j].S.Line == here.S.Line && _sentences[j].S.IsFirstInLine)
                    return (_sentences[j], PhraseOf(_sentences[j]));
        }

        if (head is not null)
        {
            // A named noun ("the paper", "this amendment"): the proposal of that kind introduced last, else the
            // last sentence that names the noun.
            for (var j = i - 1; j >= Math.Max(0, i - 40); j--)
            {
                var b = _sentences[j];
                if (b.Heading && j < i - 1) break;
                var intro = b.Intros.LastOrDefault(x => Compatible(head, x.Noun) && x.Noun != "proposal");
                if (intro is not null) return (b, intro.Phrase);
            }

            for (var j = i - 1; j >= Math.Max(0, i - 6); j--)
            {
                var b = _sentences[j];
                if (b.Heading) break;
                if (b.S.Tokens.Any(t => t.Norm == head) && b.Stances.Count == 0) return (b, PhraseOf(b));
            }

            // "The paper itself was passed …" after an amendment: the item under debate, introduced without a mover.
            for (var j = i - 1; j >= Math.Max(0, i - 12); j--)
            {
                var intro = _sentences[j].Intros.LastOrDefault(x => x.Movers.Count == 0);
                if (intro is not null) return (_sentences[j], intro.Phrase);
            }
        }

        // The sentence before, passing over statements of how someone voted or spoke ("I argued in favour of this").
        for (var j = i - 1; j >= 0 && j >= i - 3; j--)
        {
            var b = _sentences[j];
            if (b.Heading) return (b, b.S.Text);
            if (b.S.Line < here.S.Line - 2) break;
            if (b.Stances.Count > 0 && b.Intros.Count == 0 && j > i - 3) continue;
            return (b, PhraseOf(b));
        }

        // A heading above names what the section is about.
        for (var j = i - 1; j >= Math.Max(0, i - 15); j--)
            if (_sentences[j].Heading) return (_sentences[j], _sentences[j].S.Text);
        return (null, "");
    }

    private static string PhraseOf(Analysis b)
    {
        var intro = b.Intros.LastOrDefault();
        if (intro is not null) return intro.Phrase;
        var tokens = b.S.Tokens;
        if (tokens.Length == 0) return b.S.Text;
        var clauses = Clauses.Split(tokens);
        // "the Chair and the General Secretary proposed [that] the NEC formally publish the Report": what was proposed.
        for (var k = 0; k + 3 < tokens.Length; k++)
        {
            if (tokens[k].Norm is not ("proposed" or "suggested" or "recommended")) continue;
            var j = k + 1;
            if (tokens[j].Norm == "that") j++;
            if (j + 1 < tokens.Length && tokens[j].Norm == "the" && tokens[j + 1].Norm is "nec" or "committee" or "party") j += 2;
            else if (j < tokens.Length && tokens[j].Norm is "we") j++;
            var (_, end) = Clauses.Of(clauses, j);
            if (end - j >= 3) return Span(b.S, j, end);
        }

        var (cs, ce) = clauses[0];
        var subject = Phrases.Subject(tokens, cs, ce);
        if (subject.Kind == Phrases.SubjectKind.Descriptive && subject.End - subject.Start >= 3) return Span(b.S, subject.Start, subject.End);
        return b.S.Text;
    }

    // A title phrase that starts in lower case continues the previous line ("… on a" / "contractual/rule-based
    // footing was passed …"): join them.
    private string Continued(Analysis a, string text)
    {
        if (text.Length == 0 || !char.IsLower(text[0]) || !a.S.IsFirstInLine) return text;
        var i = a.Index;
        if (i > 0 && _sentences[i - 1].S.Line == a.S.Line - 1)
        {
            var prev = _sentences[i - 1].S.Text;
            if (prev.Length > 0 && prev[^1] is not ('.' or '!' or '?' or ':')) return prev + " " + text;
        }

        return text;
    }

    private static bool PointsBack(string phrase)
    {
        var words = Tokenizer.Tokenize(phrase).Where(t => t.Kind == TokenKind.Word).Select(t => t.Norm).ToList();
        return words.Count == 0 || words.Count <= 4 && (words.Contains("itself") || words[0] is "this" or "it" or "that") ||
               words.Count <= 3 && words[0] is "the" && Lexicon.MotionNouns.Contains(words[^1]);
    }

    private static string Span(Sentence s, int start, int end) =>
        end > start ? s.Text[s.Tokens[start].Start..s.Tokens[end - 1].End] : "";
}
