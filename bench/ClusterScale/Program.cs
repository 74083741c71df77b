using System.Diagnostics;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;
using Almab.Sim.Cluster.Workers;

// Usage: ClusterScale [workers=100000] [completions=10000000]
// One asynchronous run of a large simulated cluster (issue 18): log-normal worker clocks (sigma 0.5), Pareto task times
// (mean 1 s, shape 2.5: heavy-tailed stragglers), slowdown episodes (x4 for Exp(20 s) every Exp(500 s) per worker),
// crashes (Exp(2000 s) up, Exp(30 s) repair; a crashed task is requeued), until `completions` unit tasks are done.
// Prints events processed, CPU and wall seconds, events per CPU second, and memory: the process's peak working set
// and the largest managed heap seen during the run (sampled every 2^20 completions), each minus the same quantity
// after a small warm-up run, divided by the number of workers.
int workers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
long completions = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;

Run(1000, 100_000, out _); // Warm-up: JIT and tiering.
GC.Collect();
using var self = Process.GetCurrentProcess();
self.Refresh();
long baseRss = self.WorkingSet64;
long baseHeap = GC.GetTotalMemory(forceFullCollection: true);
double cpu0 = self.TotalProcessorTime.TotalSeconds;
var wall = Stopwatch.StartNew();
var report = Run(workers, completions, out long peakHeap);
double seconds = wall.Elapsed.TotalSeconds;
self.Refresh();
double cpu = self.TotalProcessorTime.TotalSeconds - cpu0;
long peakRss = self.PeakWorkingSet64;
Console.WriteLine(FormattableString.Invariant(
    $"workers {workers}, completions {report.TasksCompleted}, events {report.EventsProcessed}, abandoned attempts {report.AttemptsAbandoned}, makespan {report.MakespanSeconds:F1} s, utilization {report.Utilization:F3}"));
Console.WriteLine(FormattableString.Invariant(
    $"CPU {cpu:F2} s, wall {seconds:F2} s, events/s (CPU) {report.EventsProcessed / cpu:N0}, completions/s (CPU) {report.TasksCompleted / cpu:N0}"));
Console.WriteLine(FormattableString.Invariant(
    $"peak working set {peakRss / 1048576.0:F1} MiB (+{(peakRss - baseRss) / (double)workers:F0} B/worker over the warm-up process); largest managed heap {peakHeap / 1048576.0:F1} MiB (+{(peakHeap - baseHeap) / (double)workers:F0} B/worker)"));
return 0;

static ClusterReport Run(int workers, long completions, out long peakHeap)
{
    var config = new ClusterConfig
    {
        Workers = workers,
        Heterogeneity = new LogNormalSpeedProfile(0.5),
        TaskTime = ParetoDuration.FromMean(1.0, 2.5),
        Slowdown = new SlowdownModel(500.0, new ExponentialDuration(20.0), 4.0),
        Crash = new CrashModel(2000.0, new ExponentialDuration(30.0)),
    };
    var source = new UnitJobs(completions);
    var report = ClusterSimulator.Run(config, new Seed(18).Derive("cluster-scale"), source);
    peakHeap = source.PeakHeap;
    return report;
}

/// <summary>Unit-work jobs for every offered worker until the target number has been created; completion costs nothing.</summary>
internal sealed class UnitJobs(long target) : IJobSource
{
    private long _created;
    private long _completed;

    public long PeakHeap { get; private set; }

    public int MaxNextJobs => (int)Math.Min(int.MaxValue, target - _created);

    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        coordinatorSeconds = 0.0;
        int n = (int)Math.Min(idleWorkers.Length, target - _created);
        for (int i = 0; i < n; i++)
        {
            jobs[i] = new ClusterJob(_created++, 1.0);
        }

        return n;
    }

    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
    {
        if ((++_completed & ((1 << 20) - 1)) == 0)
        {
            PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(forceFullCollection: false));
        }

        return 0.0;
    }
}
