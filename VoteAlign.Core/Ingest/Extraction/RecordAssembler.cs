using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Turns the drafts of every report into one record set: reports of one meeting become one meeting
/// (dates a day apart are one meeting, the date most reports give wins; a report dated only by month joins
/// the one meeting of that month), reports of one vote become one motion with every source (disagreeing
/// tallies are kept and flagged), positions are attached to the merged motions, and the result is checked
/// with <see cref="RecordValidator"/>.</summary>
internal sealed partial class RecordAssembler
{
    private readonly ExtractionContext _context;
    private readonly List<ReportDraft> _reports;
    private readonly int? _seats;
    private readonly List<ReviewItem> _review = [];
    private readonly Dictionary<string, MeetingBuild> _meetings = new(StringComparer.Ordinal);
    private readonly Dictionary<MeetingRef, string> _keyOf = new(ReferenceEqualityComparer.Instance);

    private RecordAssembler(ExtractionContext context, List<ReportDraft> reports, int? seats)
    {
        _context = context;
        _reports = reports;
        _seats = seats;
    }

    private sealed class MeetingBuild(string key)
    {
        public string Key { get; } = key;

        public DateOnly? Date { get; set; }

        public string Body { get; set; } = "NEC";

        public List<string> Notes { get; } = [];

        public List<(ReportDraft Report, MeetingRef Ref)> Refs { get; } = [];

        public List<MotionDraft> Motions { get; } = [];

        public string Id { get; set; } = key;
    }

    public static (RecordSet Records, List<ReviewItem> Review) Assemble(ExtractionContext context, List<ReportDraft> reports, string? body, int? seats)
    {
        var a = new RecordAssembler(context, reports, seats);
        a.BuildMeetings();
        a.MergeMotions();
        a.ResolvePending();
        return a.Output(body);
    }

    private static bool Nec(string body) => body is "NEC" or "NEC Away Day";

    private void BuildMeetings()
    {
        var refs = new List<(ReportDraft Report, MeetingRef Ref)>();
        foreach (var r in _reports)
        {
            refs.Add((r, r.Meeting));
            foreach (var m in r.Motions)
                if (m.MeetingOverride is { } o) refs.Add((r, o));
        }

        // 1. Exact dates: one cluster per run of dates at most a day apart (same kind of body).
        var exact = refs.Where(x => x.Ref.Date is not null).OrderBy(x => x.Ref.Date).ToList();
        var clusters = new List<List<(ReportDraft Report, MeetingRef Ref)>>();
        foreach (var x in exact)
        {
            var home = clusters.FirstOrDefault(c => c.Any(y => Nec(y.Ref.Body) == Nec(x.Ref.Body) && (Nec(x.Ref.Body) || y.Ref.Body == x.Ref.Body)
                && Math.Abs(y.Ref.Date!.Value.DayNumber - x.Ref.Date!.Value.DayNumber) <= 1));
            if (home is null) clusters.Add([x]);
            else home.Add(x);
        }

        foreach (var c in clusters)
        {
            // The date most reports give; ties go to the earliest.
            var date = c.GroupBy(x => x.Ref.Date!.Value).OrderByDescending(g => g.Select(x => x.Report).Distinct().Count()).ThenBy(g => g.Key).First().Key;
            var body = c.GroupBy(x => x.Ref.Body).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            if (c.Any(x => x.Ref.Body == "NEC Away Day")) body = "NEC Away Day";
            var key = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (Nec(body) ? "" : "-" + ExtractionContext.Slug(body, 4));
            var build = Meeting(key);
            build.Date = date;
            build.Body = body;
            var others = c.Select(x => x.Ref.Date!.Value).Distinct().Where(d => d != date).ToList();
            if (others.Count > 0)
            {
                var text = $"Reports disagree on the date: {string.Join(", ", c.Select(x => $"{x.Report.Id} gives {x.Ref.Date:yyyy-MM-dd}").Distinct())}; the date most reports give is used.";
                build.Notes.Add(text);
                _context.Warnings.Add(new InputError(c[0].Report.Document, c[0].Ref.EvidenceLine ?? c[0].Report.TitleLine, null, $"meeting {key}: {text}"));
            }

            foreach (var x in c)
            {
                build.Refs.Add(x);
                _keyOf[x.Ref] = key;
            }
        }

        // 2. Month or span of days: the one meeting of the same kind in it, else a meeting of its own.
        foreach (var x in refs.Where(x => x.Ref.Date is null))
        {
            string key;
            if (x.Ref.Month is { } month && x.Ref.Year is { } year)
            {
                var inMonth = _meetings.Values.Where(b => b.Date is { } d && d.Year == year && d.Month == month && Nec(b.Body) == Nec(x.Ref.Body)
                    && (x.Ref.FirstDay is null || d.Day >= x.Ref.FirstDay && d.Day <= x.Ref.LastDay)).ToList();
                if (inMonth.Count == 1)
                {
                    key = inMonth[0].Key;
                    inMonth[0].Notes.Add($"{x.Report.Id} gives only {(x.Ref.FirstDay is null ? "the month" : "a span of days")}; it is the only meeting then.");
                }
                else
                {
                    key = x.Ref.FirstDay is null ? $"{year:D4}-{month:D2}" : $"{year:D4}-{month:D2}-{x.Ref.FirstDay:D2}-to-{x.Ref.LastDay:D2}";
                    if (!Nec(x.Ref.Body)) key += "-" + ExtractionContext.Slug(x.Ref.Body, 4);
                    var b = Meeting(key);
                    b.Body = x.Ref.Body;
                    if (b.Notes.Count == 0) b.Notes.Add(x.Ref.FirstDay is null ? "Only the month is known." : $"Between {x.Ref.FirstDay} and {x.Ref.LastDay} of the month; the day is not known.");
                }
            }
            else
            {
                key = "undated-" + x.Report.Id;
                var b = Meeting(key);
                b.Body = x.Ref.Body;
                if (b.Notes.Count == 0) b.Notes.Add("No date found in the report: give --date (the publication date) to resolve relative dates.");
            }

            _meetings[key].Refs.Add(x);
            _keyOf[x.Ref] = key;
        }

        foreach (var r in _reports)
            foreach (var m in r.Motions)
            {
                m.MeetingKey = _keyOf[m.MeetingOverride ?? r.Meeting];
                _meetings[m.MeetingKey].Motions.Add(m);
            }
    }

    private MeetingBuild Meeting(string key)
    {
        if (!_meetings.TryGetValue(key, out var b)) _meetings[key] = b = new MeetingBuild(key);
        return b;
    }
}
