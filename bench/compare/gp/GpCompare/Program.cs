using System.Diagnostics;
using System.Text.Json;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Kernels;

// Usage: GpCompare <datasets.json>. The file (written by compare_gp.py) holds the kernel settings and, per data
// set, X, y and the number of timing repeats. Prints one JSON line per data set: n, best fit seconds, LML and
// the fitted hyperparameters. A warm-up fit on the first data set runs first so JIT time is not counted.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: GpCompare <datasets.json>");
    return 2;
}

using var doc = JsonDocument.Parse(File.ReadAllText(args[0]));
var root = doc.RootElement;
var family = Enum.Parse<KernelFamily>(root.GetProperty("kernel").GetString()!);
int restarts = root.GetProperty("restarts").GetInt32();
bool normalize = root.GetProperty("normalizeY").GetBoolean();
(double, double) Bounds(string name) => (root.GetProperty(name)[0].GetDouble(), root.GetProperty(name)[1].GetDouble());

bool warmed = false;
foreach (var set in root.GetProperty("datasets").EnumerateArray())
{
    var x = new List<double[]>();
    foreach (var row in set.GetProperty("x").EnumerateArray())
    {
        var v = new double[row.GetArrayLength()];
        int j = 0;
        foreach (var e in row.EnumerateArray())
        {
            v[j++] = e.GetDouble();
        }

        x.Add(v);
    }

    var y = new List<double>();
    foreach (var e in set.GetProperty("y").EnumerateArray())
    {
        y.Add(e.GetDouble());
    }

    int d = x[0].Length;
    var options = new GaussianProcessOptions
    {
        Kernel = family,
        Mean = normalize ? GpMean.Constant : GpMean.Zero,
        Standardize = normalize,
        Restarts = restarts,
        LengthScaleBounds = Bounds("lengthScaleBounds"),
        SignalVarianceBounds = Bounds("signalVarianceBounds"),
        NoiseVarianceBounds = Bounds("noiseVarianceBounds"),
        InitialHyperparameters = GpHyperparameters.Isotropic(
            d, root.GetProperty("initialLengthScale").GetDouble(), root.GetProperty("initialSignalVariance").GetDouble(),
            root.GetProperty("initialNoiseVariance").GetDouble()),
        Seed = new Seed(set.GetProperty("seed").GetUInt64()),
    };

    if (!warmed)
    {
        new GaussianProcess(d, options).Fit(x, y, optimizeHyperparameters: true);
        warmed = true;
    }

    double best = double.PositiveInfinity;
    GaussianProcess? gp = null;
    int repeats = set.GetProperty("repeats").GetInt32();
    for (int r = 0; r < repeats; r++)
    {
        gp = new GaussianProcess(d, options);
        var sw = Stopwatch.StartNew();
        gp.Fit(x, y, optimizeHyperparameters: true);
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }

    var h = gp!.Hyperparameters;
    var ls = new double[d];
    for (int j = 0; j < d; j++)
    {
        ls[j] = h.LengthScales[j];
    }

    var line = new Dictionary<string, object>
    {
        ["n"] = x.Count,
        ["seconds"] = best,
        ["lml"] = gp.LogMarginalLikelihood,
        ["signalVariance"] = h.SignalVariance,
        ["noiseVariance"] = h.NoiseVariance,
        ["lengthScales"] = ls,
    };
    Console.WriteLine(JsonSerializer.Serialize(line));
}

return 0;
