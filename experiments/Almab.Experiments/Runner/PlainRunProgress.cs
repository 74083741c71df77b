using System.Globalization;

namespace Almab.Experiments.Runner;

/// <summary>
/// Progress for logs (stdout not a terminal: CI, a file, Slurm): a line each time a task crosses a multiple of the
/// step percentage ("  tpe K=4: 250/500 (50 %), 12.3/s, ETA 00:20"), the task's 100 % line, and one summary line.
/// A task's rate counts from the previous finished unit of the run when the task's first unit finished, which is when
/// the runner turned to it; its ETA is what remains at that rate ("-" while the task has run for under 0.1 s, as
/// results arrive in committed batches). Step 0 prints only the summary.
/// </summary>
internal sealed class PlainRunProgress : RunProgress
{
    /// <summary>Shortest span a rate is measured over: results are committed in batches, so shorter spans are noise.</summary>
    private const double MinSeconds = 0.1;

    private readonly IReadOnlyList<ProgressGroup> _groups;
    private readonly TextWriter _writer;
    private readonly int _step;
    private readonly string _unit;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly int[] _done;
    private readonly int[] _lastStep;
    private readonly long[] _groupStart;
    private readonly Lock _gate = new();
    private readonly int _total;
    private long _lastAdvance;
    private int _doneAll;

    public PlainRunProgress(IReadOnlyList<ProgressGroup> groups, TextWriter writer, int stepPercent, string unit, TimeProvider time)
    {
        _groups = groups;
        _writer = writer;
        _step = stepPercent;
        _unit = unit;
        _time = time;
        _start = _lastAdvance = time.GetTimestamp();
        _done = new int[groups.Count];
        _lastStep = new int[groups.Count];
        _groupStart = new long[groups.Count];
        _total = groups.Sum(g => g.Total);
    }

    public override IReadOnlyList<ProgressGroup> Groups => _groups;

    public override void Advance(int group)
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            if (_done[group] == 0)
            {
                _groupStart[group] = _lastAdvance;
            }

            _lastAdvance = now;
            int done = ++_done[group];
            _doneAll++;
            int total = _groups[group].Total;
            if (_step == 0 || total == 0)
            {
                return;
            }

            int percent = (int)Math.Min(100, (long)done * 100 / total);
            int step = percent / _step;
            if (step > _lastStep[group] || done == total)
            {
                _lastStep[group] = step;
                double seconds = _time.GetElapsedTime(_groupStart[group], now).TotalSeconds;
                double rate = seconds >= MinSeconds ? done / seconds : double.NaN;
                string eta = done == total ? "done" : double.IsNaN(rate) ? "ETA -" : "ETA " + FormatDuration(TimeSpan.FromSeconds((total - done) / rate));
                _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {_groups[group].Label}: {done}/{total} ({percent} %), {FormatRate(rate)}, {eta}"));
            }
        }
    }

    protected override void Finish()
    {
        lock (_gate)
        {
            _writer.WriteLine(Summary(_doneAll, _total, _unit, _time.GetElapsedTime(_start)));
        }
    }

    /// <summary>The final line: "done: 36/36 replicates (100 %) in 00:04, 9.00/s" (or "stopped: ..." when short).</summary>
    internal static string Summary(int done, int total, string unit, TimeSpan elapsed)
    {
        int percent = total == 0 ? 100 : (int)((long)done * 100 / total);
        string verb = done >= total ? "done" : "stopped";
        return string.Create(CultureInfo.InvariantCulture,
            $"{verb}: {done}/{total} {unit} ({percent} %) in {FormatDuration(elapsed)}, {FormatRate(done / Math.Max(elapsed.TotalSeconds, 1e-9))}");
    }
}
