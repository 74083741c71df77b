using System.Diagnostics;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

// Replicate-runner scaling: the same grid cells run by ExperimentRunner (parallel replicates, one SQLite writer) with 1
// thread and with T threads, alternately, each into a fresh results database. A warm-up pass first JIT-compiles the
// whole path, so neither side is timed on tier-0 code. Prints every wall time, the CPU time of each pass, and the
// median ratio; the ratios come from the same run, side by side, because this machine's speed drifts.
//
// Each round also runs the 1-thread pass with the whole process held on one CPU (every thread pinned), so the 2-thread
// pass is compared with one core as well as with one compute thread whose writer has the second core to itself.
//
// usage: RunnerScaling <case> <methods,comma-separated> <replicates per K> [threads=2] [rounds=3]
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: RunnerScaling <case> <methods> <replicates per K> [threads=2] [rounds=3]");
    return 2;
}

string caseId = args[0];
string[] methods = args[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
int replicates = int.Parse(args[2], CultureInfo.InvariantCulture);
int threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
int rounds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3;

var registry = MethodRegistry.Default;
var definition = CaseLoader.Load(CaseCatalog.Default.Resolve(caseId), registry.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
var grid = new GridSpec(definition.Id, [.. methods], [.. definition.Cluster.Workers], [.. definition.Budget], [.. CaseLoader.NoiseLevels(definition)], replicates);
var cells = grid.Expand().ToList();
var cellRunner = new CaseCellRunner(new Dictionary<string, CaseDefinition> { [definition.Id] = definition }, registry, new Seed(20260101UL));
// Each cell's own thread CPU is summed, so a pass's CPU splits into compute and the rest (the writer, its waits and
// wake-ups, GC threads): the rest, per replicate, is what a second compute thread has to share a core with.
long computeTicks = 0;
var runner = new ExperimentRunner((cell, token) =>
{
    var t0 = ThreadCpu();
    var result = cellRunner.Run(cell, token);
    Interlocked.Add(ref computeTicks, (ThreadCpu() - t0).Ticks);
    return result;
});
string scratch = Path.Combine(Path.GetTempPath(), $"almab-runner-scaling-{Environment.ProcessId}");
Directory.CreateDirectory(scratch);

double Pass(int t, IReadOnlyList<CellKey> subset, string name, out double cpuSeconds, out string gcs)
{
    string db = Path.Combine(scratch, $"{name}.db");
    foreach (string f in Directory.GetFiles(scratch, $"{name}.db*"))
    {
        File.Delete(f);
    }

    using var store = ResultStore.Open(db, create: true);
    var process = Process.GetCurrentProcess();
    var cpu0 = process.TotalProcessorTime;
    int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
    long allocated = GC.GetTotalAllocatedBytes(precise: false);
    Interlocked.Exchange(ref computeTicks, 0);
    var paused = GC.GetTotalPauseDuration();
    var clock = Stopwatch.StartNew();
    runner.Run(subset, store, t, null, CancellationToken.None);
    clock.Stop();
    process.Refresh();
    cpuSeconds = (process.TotalProcessorTime - cpu0).TotalSeconds;
    double rest = cpuSeconds - TimeSpan.FromTicks(Interlocked.Read(ref computeTicks)).TotalSeconds;
    gcs = string.Create(CultureInfo.InvariantCulture,
        $"not in cells {1e3 * rest / subset.Count:F3} ms/replicate, gc pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms, gc {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1e6 / subset.Count:F2} MB/replicate");
    return clock.Elapsed.TotalSeconds;
}

Console.WriteLine($"{definition.Id}: {cells.Count} replicate runs ({string.Join(",", methods)} x K {{{string.Join(",", grid.Workers)}}} x {replicates}); {Environment.ProcessorCount} cores");
var warmup = cells.Where(c => c.Replicate < Math.Max(1, replicates / 10)).ToList();
Pass(threads, warmup, "warmup", out _, out _);
// Bytes allocated inside the cells per replicate and method (this thread only, the warm-up's cells run once more
// here): what the gen-0 budget and the caches see per replicate, before the result reaches the writer.
Console.WriteLine("allocated in cells per replicate: " + string.Join(", ", methods.Select(m =>
{
    var mine = warmup.Where(c => c.Method == m).ToList();
    long a0 = GC.GetAllocatedBytesForCurrentThread();
    foreach (var c in mine)
    {
        cellRunner.Run(c, CancellationToken.None);
    }

    return string.Create(CultureInfo.InvariantCulture, $"{m} {(GC.GetAllocatedBytesForCurrentThread() - a0) / 1024.0 / mine.Count:F1} KB");
})));
var ratios = new List<double>();
var coreRatios = new List<double>();
for (int r = 0; r < rounds; r++)
{
    double one = Pass(1, cells, "one", out double cpuOne, out string gcOne);
    double many = Pass(threads, cells, "many", out double cpuMany, out string gcMany);

    // The same 1-thread pass with every thread of the process (writer, GC, thread pool) held on CPU 0: one core
    // against the pass above, whose writer had the second core to itself.
    Affinity.PinAll(0);
    double oneCore;
    double cpuOneCore;
    try
    {
        oneCore = Pass(1, cells, "onecore", out cpuOneCore, out _);
    }
    finally
    {
        Affinity.UnpinAll();
    }

    ratios.Add(one / many);
    coreRatios.Add(oneCore / many);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {r + 1}: 1 thread {one:F2} s (cpu {cpuOne:F2} s, {1e3 * cpuOne / cells.Count:F2} ms/replicate, {gcOne}), {threads} threads {many:F2} s (cpu {cpuMany:F2} s, {1e3 * cpuMany / cells.Count:F2} ms/replicate, {gcMany}), speedup {one / many:F2}x; 1 thread on 1 core {oneCore:F2} s (cpu {cpuOneCore:F2} s), {oneCore / many:F2}x"));
}

ratios.Sort();
coreRatios.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median speedup 1 -> {threads} threads: {ratios[ratios.Count / 2]:F2}x over {rounds} rounds"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median speedup 1 core (every thread on CPU 0, 1 thread) -> {threads} threads on all cores: {coreRatios[coreRatios.Count / 2]:F2}x over {rounds} rounds"));

// The serial part: the same results computed once, then written by this thread alone in the writer's batches, with
// this thread's own CPU time; beside it the compute CPU per replicate on one thread. With W the write and C the compute
// CPU per replicate, two cores can run the grid at most 2C / (C + W) times faster than one compute thread beside the writer.
var computed = new List<ReplicateResult>(cells.Count);
var computeClock = ThreadCpu();
foreach (var cell in cells)
{
    computed.Add(cellRunner.Run(cell, CancellationToken.None));
}

double compute = (ThreadCpu() - computeClock).TotalSeconds;
var writes = new List<double>();
for (int r = 0; r < rounds; r++)
{
    string db = Path.Combine(scratch, $"write{r}.db");
    using var store = ResultStore.Open(db, create: true);
    var t0 = ThreadCpu();
    foreach (var chunk in computed.Chunk(100))
    {
        store.Write(chunk);
    }

    writes.Add((ThreadCpu() - t0).TotalSeconds);
}

writes.Sort();
double write = writes[writes.Count / 2];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"serial writer: compute {1e3 * compute / cells.Count:F3} ms/replicate, write {1e3 * write / cells.Count:F3} ms/replicate (median of {rounds}, batches of 100), W/C {write / compute:F3}, bound 2C/(C+W) {2 * compute / (compute + write):F2}x"));
Directory.Delete(scratch, recursive: true);
return 0;

static TimeSpan ThreadCpu()
{
    // CLOCK_THREAD_CPUTIME_ID: this thread's CPU time only, whatever else the process runs.
    Timespec ts;
    return clock_gettime(3, out ts) == 0 ? TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100) : throw new InvalidOperationException("clock_gettime failed");
}

[System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
static extern int clock_gettime(int clock, out Timespec time);

/// <summary>
/// Linux CPU affinity for every thread of this process: sched_setaffinity on a thread id sets that thread only, so each
/// entry of /proc/self/task is set; threads started later inherit their creator's mask.
/// </summary>
internal static class Affinity
{
    public static void PinAll(int cpu) => SetAll(1UL << cpu);

    public static void UnpinAll() => SetAll(Environment.ProcessorCount >= 64 ? ulong.MaxValue : (1UL << Environment.ProcessorCount) - 1);

    private static void SetAll(ulong mask)
    {
        foreach (string task in Directory.GetDirectories("/proc/self/task"))
        {
            int tid = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
            if (sched_setaffinity(tid, sizeof(ulong), ref mask) != 0)
            {
                int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                if (errno != 3) // ESRCH: the thread ended after the directory was listed
                {
                    throw new InvalidOperationException($"sched_setaffinity({tid}) failed, errno {errno}");
                }
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int sched_setaffinity(int pid, nint size, ref ulong mask);
}

internal struct Timespec
{
    public long Seconds;
    public long Nanoseconds;
}
