using System.Diagnostics;
using System.Globalization;
using SimCompare;

// Usage: SimCompare <model1Tasks> <model2Customers> <repeats> [holdPending,... [holdEvents]] (0 tasks / 0 customers skip that
// model; compare_simpy.py runs each group in a process of its own). Runs each model once at full size to warm the JIT, then
// `repeats` timed samples at full size (each `inner` back-to-back runs, ~0.4-1 CPU s, see Report), and prints one
// JSON line per model: processed events of one run, the median wall and CPU seconds per run,
// and a model statistic (virtual end time / mean wait) as a sanity check against the SimPy side. Times are given both
// as wall seconds and as CPU seconds of the process (the machine is shared: CPU time excludes time spent descheduled).
// The hold model (pending counts, comma-separated) runs `repeats` steady-state segments of about holdEvents events each
// and prints the median segment (events, CPU and wall seconds), once on the process kernel (hold-N, with the plain
// PriorityQueue loop's CPU seconds beside it) and once on the event-scheduling front end (hold-typed-N).
if (args.Length is < 3 or > 5)
{
    Console.Error.WriteLine("usage: SimCompare <model1Tasks> <model2Customers> <repeats> [holdPending,... [holdEvents]]");
    return 2;
}

int tasks = int.Parse(args[0], CultureInfo.InvariantCulture);
int customers = int.Parse(args[1], CultureInfo.InvariantCulture);
int repeats = int.Parse(args[2], CultureInfo.InvariantCulture);

if (args.Length >= 4)
{
    double holdEvents = args.Length == 5 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 2e6;
    foreach (var part in args[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
    {
        int pending = int.Parse(part, CultureInfo.InvariantCulture);
        var mid = Median(Models.Hold(pending, holdEvents / pending, repeats, 3000));
        var pq = Enumerable.Range(0, repeats).Select(_ => Models.HoldPriorityQueue(pending, mid.Events, 3001)).Order().ElementAt(repeats / 2);
        FormattableString hold = $"{{\"model\":\"hold-{pending}\",\"events\":{mid.Events},\"wall\":{mid.Wall:R},\"cpu\":{mid.Cpu:R},\"pq_cpu\":{pq:R},\"stat\":{pending}}}";
        Console.WriteLine(hold.ToString(CultureInfo.InvariantCulture));
        var typed = Median(Models.HoldTyped(pending, holdEvents / pending, repeats, 3000));
        FormattableString typedHold = $"{{\"model\":\"hold-typed-{pending}\",\"events\":{typed.Events},\"wall\":{typed.Wall:R},\"cpu\":{typed.Cpu:R},\"stat\":{pending}}}";
        Console.WriteLine(typedHold.ToString(CultureInfo.InvariantCulture));
    }
}

if (tasks > 0)
{
    Report("dispatch", repeats, r => Models.Dispatch(tasks, 1000 + (ulong)Math.Max(r, 0)));
}

if (customers > 0)
{
    Report("mm4", repeats, r => Models.MM4(customers, 2000 + (ulong)Math.Max(r, 0)));
}
return 0;

static (long Events, double Cpu, double Wall) Median(List<(long Events, double Cpu, double Wall)> rows) =>
    rows.OrderBy(r => r.Cpu / r.Events).ElementAt(rows.Count / 2);

static void Report(string name, int repeats, Func<int, (long Events, double Stat)> run)
{
    // Warm-up: JIT and tiering; a second warm-up run's CPU time sets how many back-to-back runs of the same size and seed one timed sample
    // takes (inner), so a sample lasts about SampleCpuTarget even when one run is short (dispatch at 200000 tasks is
    // ~0.05 s, where scheduler noise on the shared machine is a large share). Events and the statistic are those of one run.
    const double SampleCpuTarget = 1.0; // Warm-up runs are slower than timed ones: samples come out at ~0.4-1 s.
    using var self = Process.GetCurrentProcess();
    run(-1);
    self.Refresh();
    var warm0 = self.TotalProcessorTime;
    run(-1); // Second warm-up, timed without the JIT: the calibration.
    self.Refresh();
    double warm = (self.TotalProcessorTime - warm0).TotalSeconds;
    int inner = (int)Math.Clamp(Math.Ceiling(SampleCpuTarget / Math.Max(warm, 1e-3)), 1, 100);
    var seconds = new double[repeats];
    var cpu = new double[repeats];
    (long Events, double Stat) last = default;
    for (int r = 0; r < repeats; r++)
    {
        GC.Collect();
        self.Refresh();
        var cpu0 = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (int k = 0; k < inner; k++)
        {
            var one = run(r);
            if (k > 0 && one != last)
            {
                throw new InvalidOperationException($"{name}: repeated run of the same seed differs");
            }

            last = one;
        }

        seconds[r] = sw.Elapsed.TotalSeconds / inner;
        self.Refresh();
        cpu[r] = (self.TotalProcessorTime - cpu0).TotalSeconds / inner;
    }

    Array.Sort(seconds);
    Array.Sort(cpu);
    FormattableString line = $"{{\"model\":\"{name}\",\"events\":{last.Events},\"wall\":{seconds[repeats / 2]:R},\"cpu\":{cpu[repeats / 2]:R},\"stat\":{last.Stat:R},\"inner\":{inner}}}";
    Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
