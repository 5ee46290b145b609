using System.Diagnostics;
using System.Globalization;

namespace VoteAlign.Cli.Rendering;

/// <summary>Shows, on standard error, which stage a long command is in: a live line with a bar (where the share done
/// is known) and the seconds so far, redrawn four times a second, only when standard error is a terminal and
/// <c>--quiet</c> was not given; and with <c>--timings</c>, one line per finished stage (<c>timing: STAGE 1.234 s</c>)
/// and the total, for benchmarks and scripts. Nothing reaches standard output.</summary>
internal sealed class StageDisplay : IProgress<string>, IDisposable
{
    private const int BarWidth = 24;

    private readonly TextWriter _error;
    private readonly bool _live;
    private readonly bool _timings;
    private readonly object _gate = new();
    private readonly Stopwatch _stageClock = Stopwatch.StartNew();
    private readonly Stopwatch _totalClock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private string? _stage;
    private Func<double>? _fraction;
    private bool _drawn;

    private StageDisplay(TextWriter error, bool live, bool timings)
    {
        _error = error;
        _live = live;
        _timings = timings;
        if (live) _timer = new Timer(_ => Draw(), null, 250, 250);
    }

    /// <summary>Whether the process's standard error is a terminal (set by <c>Program</c>; false in-process, as in tests).</summary>
    public static bool ErrorIsTerminal { get; set; }

    /// <summary>A display for one command run.</summary>
    public static StageDisplay Create(TextWriter error, bool quiet, bool timings) => new(error, ErrorIsTerminal && !quiet, timings);

    /// <summary>A stage starts (the previous one, if any, ends).</summary>
    public void Report(string value) => Start(value, null);

    /// <summary>A stage starts whose share done (0 to 1) <paramref name="fraction"/> can tell.</summary>
    public void Start(string stage, Func<double>? fraction)
    {
        lock (_gate)
        {
            Finish();
            _stage = stage;
            _fraction = fraction;
            _stageClock.Restart();
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            Finish();
            if (_timings) _error.WriteLine($"timing: total {Seconds(_totalClock.Elapsed)} s");
        }
    }

    private void Finish()
    {
        if (_stage is null) return;
        if (_drawn)
        {
            _error.Write("\r\u001b[K");
            _drawn = false;
        }

        if (_timings) _error.WriteLine($"timing: {_stage} {Seconds(_stageClock.Elapsed)} s");
        _stage = null;
        _fraction = null;
    }

    private void Draw()
    {
        lock (_gate)
        {
            if (_stage is null) return;
            try
            {
                DrawLine();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // A progress line is not worth a failed run: the stream it reads or writes went away.
            }
        }
    }

    private void DrawLine()
    {
        var bar = "";
        if (_fraction is { } f)
        {
            var done = Math.Clamp(f(), 0, 1);
            var filled = (int)Math.Round(done * BarWidth);
            bar = $" [{new string('#', filled)}{new string('.', BarWidth - filled)}] {done * 100:0}%";
        }

        _error.Write($"\r\u001b[K{_stage}{bar} {_stageClock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        _error.Flush();
        _drawn = true;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
