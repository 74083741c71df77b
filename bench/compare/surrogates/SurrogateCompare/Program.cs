// Times Almab's RandomForestSurrogate and MlpEnsembleSurrogate (fit, then predict at the probes) on the data set
// written by compare_surrogates.py; prints one JSON line per model: best-of-repeats seconds (wall and process CPU)
// and the probe RMSE against the noise-free function values.
using System.Diagnostics;
using System.Text.Json;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Forest;
using Almab.Algorithms.Surrogates.Neural;

using var doc = JsonDocument.Parse(File.ReadAllText(args[0]));
var root = doc.RootElement;
double[][] Rows(string name) => root.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
var x = Rows("x");
var y = root.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
var probe = Rows("probe");
var truth = root.GetProperty("truth").EnumerateArray().Select(v => v.GetDouble()).ToArray();
int repeats = root.GetProperty("repeats").GetInt32();
int d = x[0].Length;
var models = new (string Name, Func<ISurrogate> Create)[]
{
    ("rf", () => new RandomForestSurrogate(d, new RandomForestOptions { Trees = root.GetProperty("trees").GetInt32() })),
    ("mlp", () => new MlpEnsembleSurrogate(d, new MlpEnsembleOptions
    {
        Members = root.GetProperty("members").GetInt32(), Hidden = [32, 32], Epochs = root.GetProperty("epochs").GetInt32(),
        LearningRate = 0.01, Alpha = 1e-4,
    })),
};
var mean = new double[probe.Length];
var variance = new double[probe.Length];
foreach (var (name, create) in models)
{
    create().Fit(x, y, false); // warm-up
    double bestWall = double.PositiveInfinity, bestCpu = double.PositiveInfinity, rmse = 0;
    for (int r = 0; r < repeats; r++)
    {
        var model = create();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        model.Fit(x, y, false);
        model.Predict(probe, mean, variance);
        watch.Stop();
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        bestWall = Math.Min(bestWall, watch.Elapsed.TotalSeconds);
        bestCpu = Math.Min(bestCpu, cpuSeconds);
        rmse = Math.Sqrt(mean.Select((m, i) => (m - truth[i]) * (m - truth[i])).Average());
    }

    Console.WriteLine(JsonSerializer.Serialize(new { model = name, seconds = bestWall, cpu = bestCpu, rmse }));
}
