using Spectre.Console;

namespace Almab.Experiments.Runner;

/// <summary>
/// The live display for an interactive terminal: a Spectre.Console progress with an "all" row and one row per task
/// (description, bar, percentage, done/total, rate, ETA, elapsed), redrawn in place on a display thread of its own.
/// Runner threads only bump counters; the display thread reads them every 100 ms, adds a task's row when its first
/// unit finishes (rows appear in the order the runner reaches the tasks) and, at the end, leaves the final frame (every
/// finished row at 100 %) on screen before the summary line. When the rows would not fit the terminal's height,
/// finished rows are hidden, so the running ones stay visible, and the display is cleared at the end (the summary
/// line then carries the final 100 %).
/// </summary>
internal sealed class LiveRunProgress : RunProgress
{
    /// <summary>How often the display reads the counters and redraws.</summary>
    internal static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly IReadOnlyList<ProgressGroup> _groups;
    private readonly IAnsiConsole _console;
    private readonly TextWriter _writer;
    private readonly string _unit;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly int[] _done;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _display;
    private Exception? _displayError;

    public LiveRunProgress(IReadOnlyList<ProgressGroup> groups, IAnsiConsole console, TextWriter writer, string unit, TimeProvider time)
    {
        _groups = groups;
        _console = console;
        _writer = writer;
        _unit = unit;
        _time = time;
        _start = time.GetTimestamp();
        _done = new int[groups.Count];
        _display = new Thread(Show) { IsBackground = true, Name = "almab progress" };
        _display.Start();
    }

    public override IReadOnlyList<ProgressGroup> Groups => _groups;

    public override void Advance(int group) => Interlocked.Increment(ref _done[group]);

    protected override void Finish()
    {
        _stop.Set();
        _display.Join();
        _stop.Dispose();
        int done = _done.Sum();
        _writer.WriteLine(PlainRunProgress.Summary(done, _groups.Sum(g => g.Total), _unit, _time.GetElapsedTime(_start)));
        if (_displayError is not null)
        {
            _writer.WriteLine($"(the live progress display failed: {_displayError.Message})");
        }
    }

    private void Show()
    {
        try
        {
            bool overflow = _groups.Count + 1 > Math.Max(4, _console.Profile.Height - 6);
            _console.Progress()
                .AutoClear(overflow)
                .HideCompleted(overflow)
                .AutoRefresh(false)
                .Columns(
                    new TaskDescriptionColumn { Alignment = Justify.Left },
                    new ProgressBarColumn { Width = 30 },
                    new PercentageColumn(),
                    new CountColumn(),
                    new RateColumn(),
                    new RemainingTimeColumn(),
                    new ElapsedTimeColumn())
                .Start(Loop);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            _displayError = e;
        }
    }

    private void Loop(ProgressContext context)
    {
        var all = context.AddTask("all", maxValue: Math.Max(1, _groups.Sum(g => g.Total)));
        var rows = new ProgressTask?[_groups.Count];
        while (true)
        {
            bool stopping = _stop.Wait(Tick);
            int sum = 0;
            for (int g = 0; g < rows.Length; g++)
            {
                int done = Volatile.Read(ref _done[g]);
                sum += done;
                if (done > 0 && rows[g] is null)
                {
                    rows[g] = context.AddTask(Markup.Escape(_groups[g].Label), maxValue: Math.Max(1, _groups[g].Total));
                }

                if (rows[g] is { } row && row.Value != done)
                {
                    row.Value = done;
                    if (done >= _groups[g].Total)
                    {
                        row.StopTask(); // freezes its elapsed time and so its final rate
                    }
                }
            }

            if (all.Value != sum)
            {
                all.Value = sum;
            }

            if (stopping)
            {
                all.StopTask();
                context.Refresh();
                return;
            }

            context.Refresh();
        }
    }
}
