using System.Collections.Immutable;
using VoteAlign.Core.Data;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Extracts vote records from free-text reports of meetings (blog posts, newsletters, news articles,
/// aggregated feeds): the meetings reported, each motion with its tally or its unanimous / nem con decision,
/// and who is said to have voted how, each with the sentence it rests on. See <c>docs/extract.md</c>.</summary>
public static class ReportExtractor
{
    /// <summary>A report yielding more facts (motions and positions) than this is refused as bad input, naming the
    /// line where the limit is passed: no meeting report holds so many votes, so the text is most likely one page
    /// repeated or several reports run together, and the cap keeps the work bounded on hostile input.</summary>
    public const int MaxFactsPerReport = 600;

    /// <summary>A report longer than this many sentences is read only that far (with a warning).</summary>
    public const int MaxSentencesPerReport = 20_000;

    // A roster's lookups are built once per record set: callers extracting many small inputs with one roster
    // (the CLI's .txt inputs, the fuzz test) should not pay for them each time.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RecordSet, Roster> Rosters = new();

    private static readonly Lazy<RecordSet> BundledRoster = new(() =>
    {
        using var reader = BundledData.OpenNec();
        return RecordFileReader.Read(reader, BundledData.NecName).Records;
    });

    /// <summary>Extracts records from <paramref name="inputs"/>. Several reports of one meeting become one
    /// meeting; one vote reported twice becomes one motion with both sources.</summary>
    /// <param name="inputs">The texts, each with its display name.</param>
    /// <param name="options">Roster and overrides; <c>null</c> for the defaults.</param>
    /// <returns>A valid record set, the review and the warnings.</returns>
    /// <exception cref="InputException">An input is empty, binary, not valid text, too large, or a report in it holds
    /// more than <see cref="MaxFactsPerReport"/> facts.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is <c>null</c>.</exception>
    public static ExtractionResult Extract(IEnumerable<ReportInput> inputs, ExtractionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new ExtractionOptions();
        var rosterSet = options.Roster ?? BundledRoster.Value;
        var roster = Rosters.GetValue(rosterSet, r => new Roster(r.Members));
        var context = new ExtractionContext(roster, rosterSet.Seats);
        var reports = new List<ReportDraft>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input);
            var text = SourceText.Read(input.Reader, input.DisplayName, input.Document);
            var spans = ReportSplitter.Split(text.Lines);
            var wholeFile = spans.Count == 1 && spans[0].FeedAuthor is null;
            var fromThisFile = new List<ReportDraft>();
            foreach (var span in spans)
            {
                var draft = Prepare(text, span, options, roster, context, wholeFile, ids);
                if (draft is null) continue;
                if (Duplicate(draft, fromThisFile) is { } original)
                {
                    context.Warnings.Add(new InputError(text.Name, draft.TitleLine ?? span.FirstLine, null,
                        $"report '{draft.Title}' repeats report {original.Id} almost word for word: skipped."));
                    continue;
                }

                ReportReader.Read(context, draft);
                Cap(draft, input.DisplayName, context);
                fromThisFile.Add(draft);
                reports.Add(draft);
            }
        }

        var (records, review) = RecordAssembler.Assemble(context, reports, rosterSet.Body, rosterSet.Seats);
        var ordered = review
            .OrderBy(r => r.Document, StringComparer.Ordinal)
            .ThenBy(r => r.Line ?? 0)
            .ThenBy(r => r.Kind)
            .ToImmutableArray();
        return new ExtractionResult(records, ordered, [.. context.Warnings.Distinct()]);
    }

    private static ReportDraft? Prepare(SourceText text, ReportSpan span, ExtractionOptions options, Roster roster, ExtractionContext context, bool wholeFile, HashSet<string> ids)
    {
        if (span.LastLine < span.BodyFirstLine) return null;
        var sentences = SentenceSplitter.Split(text.Lines, span.BodyFirstLine, span.LastLine);
        if (sentences.Count == 0) return null;
        if (sentences.Count > MaxSentencesPerReport)
        {
            context.Warnings.Add(new InputError(text.Name, sentences[MaxSentencesPerReport].Line, null,
                $"the report runs to {sentences.Count} sentences, more than any meeting report: only the first {MaxSentencesPerReport} are read."));
            sentences.RemoveRange(MaxSentencesPerReport, sentences.Count - MaxSentencesPerReport);
        }
        var authors = options.Authors is { Count: > 0 } given ? [.. given] : AuthorFinder.Find(text.Lines, span, roster, wholeFile);
        var published = options.Published ?? span.FeedDate ?? LeadingDate(text.Lines, span);
        var meeting = MeetingDater.Date(span.Title, sentences, published);
        if (published is null && meeting.Date is { } md && sentences.Take(4).Any(s => s.Tokens.Any(t => t.Norm is "today")))
            published = md; // "met today, September 29th"
        if (meeting.Date is { } d && published is { } p && d.DayNumber > p.DayNumber + 1)
        {
            context.Warnings.Add(new InputError(text.Name, span.TitleLine ?? span.FirstLine, null,
                $"the meeting date {d:yyyy-MM-dd} is after the report was published ({p:yyyy-MM-dd}): the date is not used."));
            meeting = MeetingRef.Unknown(meeting.Body) with { Note = $"The text gives {d:yyyy-MM-dd}, after publication on {p:yyyy-MM-dd}." };
        }

        var authorMembers = authors.Select(a => roster.ByFullName(a) ?? context.MemberFor(a, text.Name, span.TitleLine)).ToList();
        var draft = new ReportDraft
        {
            Id = ReportId(authors, published, text.Name, ids),
            Document = text.Name,
            Authors = authors,
            AuthorMembers = authorMembers,
            Published = published,
            Title = span.Title,
            TitleLine = span.TitleLine,
            Meeting = meeting,
        };
        draft.Sentences.AddRange(sentences);
        return draft;
    }

    private static DateOnly? LeadingDate(string[] lines, ReportSpan span)
    {
        var seen = 0;
        for (var l = span.FirstLine; l <= span.LastLine && seen < 4; l++)
        {
            var t = lines[l - 1].Trim();
            if (t.Length == 0) continue;
            seen++;
            if (DateFinder.WholeLine(t) is { } d) return d;
        }

        return null;
    }

    // A post that repeats another almost word for word (a feed re-posting under a new title) adds nothing.
    private static ReportDraft? Duplicate(ReportDraft draft, List<ReportDraft> earlier)
    {
        if (draft.Sentences.Count < 5) return null;
        var mine = draft.Sentences.Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var other in earlier)
        {
            var theirs = other.Sentences.Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
            var shared = mine.Count(theirs.Contains);
            if (shared >= 0.6 * Math.Min(mine.Count, theirs.Count)) return other;
        }

        return null;
    }

    // Too many facts is an error (a user would rather be told than analyse 600 copies of one sentence); too many
    // rejected candidates only trims the review.
    private static void Cap(ReportDraft draft, string displayName, ExtractionContext context)
    {
        var facts = draft.Motions.Select(m => m.Sentence.Line).Concat(draft.Positions.Select(p => p.Sentence.Line)).ToList();
        if (draft.TruncatedAt is not null || facts.Count > MaxFactsPerReport)
        {
            facts.Sort();
            var line = draft.TruncatedAt ?? facts[MaxFactsPerReport];
            throw new InputException(new InputError(displayName, line, null,
                $"The report holds more than {MaxFactsPerReport} votes and positions by this line, more than any meeting report: " +
                "is it one page repeated, or several reports run together? Split it into one file per report."));
        }

        if (draft.Rejections.Count <= 4 * MaxFactsPerReport) return;
        draft.Rejections.RemoveRange(4 * MaxFactsPerReport, draft.Rejections.Count - 4 * MaxFactsPerReport);
        context.Warnings.Add(new InputError(draft.Document, draft.Sentences[0].Line, null,
            $"report {draft.Id} has more than {4 * MaxFactsPerReport} rejected candidates: the review lists only the first."));
    }

    private static string ReportId(IReadOnlyList<string> authors, DateOnly? published, string document, HashSet<string> ids)
    {
        string stem;
        if (authors.Count > 0)
        {
            var surnames = authors.Select(a => ExtractionContext.Slug(a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last(), 3));
            stem = string.Join('-', surnames);
        }
        else
        {
            stem = ExtractionContext.Slug(Path.GetFileNameWithoutExtension(document), 4);
        }

        if (published is { } p) stem += "-" + p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = stem;
        for (var n = 2; !ids.Add(id); n++) id = $"{stem}-{n}";
        return id;
    }
}
