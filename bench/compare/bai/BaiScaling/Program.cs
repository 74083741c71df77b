using System.Diagnostics;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.Bai;

// `almab bai`'s grid runner (BaiGridRun: parallel cells, one SQLite writer, a cell per transaction) on the synthetic
// grid of cases/bai-synthetic.json with <trials> trials per cell, 1 thread and T threads alternately, each pass into a
// fresh store. A warm-up pass (2 trials per cell) JIT-compiles the path first. Prints wall and process CPU seconds
// of every pass and the median ratio (side by side, because the shared machine's speed drifts).
//
// usage: BaiScaling <trials per cell> [threads=2] [rounds=3]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: BaiScaling <trials per cell> [threads=2] [rounds=3]");
    return 2;
}

int trials = int.Parse(args[0], CultureInfo.InvariantCulture);
int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var spec = BaiGridSpec.Load(Path.Combine(AppContext.BaseDirectory, "cases", "bai-synthetic.json"));
var cells = spec.Cells();
var root = new Seed(20240502UL);
string scratch = Path.Combine(Path.GetTempPath(), $"almab-bai-scaling-{Environment.ProcessId}");
Directory.CreateDirectory(scratch);

double Pass(int t, int n, string name, out double cpuSeconds)
{
    foreach (string f in Directory.GetFiles(scratch, $"{name}.db*"))
    {
        File.Delete(f);
    }

    using var store = BaiStore.Open(Path.Combine(scratch, $"{name}.db"), create: true);
    var process = Process.GetCurrentProcess();
    var cpu0 = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    BaiGridRun.Run(spec, cells, n, root, t, store, null, CancellationToken.None);
    clock.Stop();
    process.Refresh();
    cpuSeconds = (process.TotalProcessorTime - cpu0).TotalSeconds;
    return clock.Elapsed.TotalSeconds;
}

Console.WriteLine($"bai grid: {cells.Count} cells x {trials} trials; {Environment.ProcessorCount} cores");
Pass(threads, 2, "warmup", out _);
var ratios = new List<double>();
for (int r = 0; r < rounds; r++)
{
    double one = Pass(1, trials, "one", out double cpuOne);
    double many = Pass(threads, trials, "many", out double cpuMany);
    ratios.Add(one / many);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {r + 1}: 1 thread {one:F2} s (cpu {cpuOne:F2} s), {threads} threads {many:F2} s (cpu {cpuMany:F2} s), speedup {one / many:F2}x"));
}

ratios.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median speedup 1 -> {threads} threads: {ratios[ratios.Count / 2]:F2}x over {rounds} rounds"));
Directory.Delete(scratch, recursive: true);
return 0;
