using System.Diagnostics;
using Spectre.Console;

namespace WireTrace.Cli.Commands;

/// <summary>
/// Progress of the scan stages: on a terminal, one Spectre.Console bar per stage with its rate and the time
/// remaining; when the output is redirected, a plain line per stage every few seconds (rate and ETA) and one
/// when it ends, once it has run for a while; nothing when quiet. Stages may be advanced from any thread.
/// </summary>
internal sealed class ScanProgress
{
    /// <summary>A stage shorter than this prints no plain line at all.</summary>
    private static readonly TimeSpan QuietBelow = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan LineEvery = TimeSpan.FromSeconds(10);

    private readonly ProgressContext? _context;
    private readonly TextWriter? _lines;

    private ScanProgress(ProgressContext? context, TextWriter? lines)
    {
        _context = context;
        _lines = lines;
    }

    /// <summary>No progress at all.</summary>
    public static ScanProgress None { get; } = new(null, null);

    /// <summary>Plain lines on <paramref name="lines"/>.</summary>
    public static ScanProgress Lines(TextWriter lines) => new(null, lines);

    /// <summary>Runs <paramref name="work"/> with bars on <paramref name="console"/> (a terminal).</summary>
    public static T WithBars<T>(IAnsiConsole console, Func<ScanProgress, T> work)
    {
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => result = work(new ScanProgress(context, null)));
        return result;
    }

    /// <summary>Starts a stage of <paramref name="total"/> units (<paramref name="unit"/> names them in the rate).</summary>
    public Stage Begin(string name, long total, string unit) => new(this, name, Math.Max(1, total), unit);

    /// <summary>One stage: advance it as work is done, complete it at the end.</summary>
    public sealed class Stage
    {
        private readonly ScanProgress _owner;
        private readonly string _name;
        private readonly string _unit;
        private readonly ProgressTask? _task;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly TimeSpan _pausedAtStart = GC.GetTotalPauseDuration();
        private readonly object _gate = new();
        private long _done;
        private long _total;
        private TimeSpan _lastLine;

        internal Stage(ScanProgress owner, string name, long total, string unit)
        {
            _owner = owner;
            _name = name;
            _unit = unit;
            _total = total;
            _task = owner._context?.AddTask(Markup.Escape(name), maxValue: total);
        }

        /// <summary>Units done so far.</summary>
        public long Done => Interlocked.Read(ref _done);

        /// <summary>Changes the total (when it was an estimate).</summary>
        public void SetTotal(long total)
        {
            Interlocked.Exchange(ref _total, Math.Max(1, total));
            if (_task != null) _task.MaxValue = Math.Max(1, total);
        }

        public void Advance(long units)
        {
            long done = Interlocked.Add(ref _done, units);
            if (_task != null)
            {
                _task.Value = Math.Min(done, _task.MaxValue);
                _task.Description = Markup.Escape($"{_name} {Rate(done):N0} {_unit}/s");
                return;
            }
            if (_owner._lines == null || _clock.Elapsed < QuietBelow || _clock.Elapsed - _lastLine < LineEvery) return;
            lock (_gate)
            {
                if (_clock.Elapsed - _lastLine < LineEvery) return;
                _lastLine = _clock.Elapsed;
                long total = Interlocked.Read(ref _total);
                double rate = Rate(done);
                var eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - done) / rate) : TimeSpan.Zero;
                _owner._lines.WriteLine($"wiretrace: {_name}: {Math.Min(100, 100.0 * done / total):N0} % ({done:N0} of {total:N0} {_unit}), {rate:N0} {_unit}/s, ETA {eta:hh\\:mm\\:ss}");
            }
        }

        /// <summary>Marks the stage done (the bar full) and reports its duration, the process CPU time and the garbage-collection pauses it took.</summary>
        public void Complete()
        {
            _clock.Stop();
            long done = Done;
            if (_task != null)
            {
                _task.MaxValue = Math.Max(1, Math.Max(done, 1));
                _task.Value = _task.MaxValue;
                _task.Description = Markup.Escape($"{_name} {Rate(done):N0} {_unit}/s");
                _task.StopTask();
            }
            else if (_owner._lines != null && _clock.Elapsed >= QuietBelow)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
                var paused = GC.GetTotalPauseDuration() - _pausedAtStart;
                _owner._lines.WriteLine($"wiretrace: {_name}: done, {done:N0} {_unit} in {_clock.Elapsed.TotalSeconds:N1} s ({Rate(done):N0} {_unit}/s; CPU {cpu.TotalSeconds:N1} s, garbage-collection pauses {paused.TotalSeconds:N1} s)");
            }
        }

        /// <summary>Seconds the stage has run.</summary>
        public double Seconds => _clock.Elapsed.TotalSeconds;

        private double Rate(long done) => done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
    }
}
