using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Almab.Algorithms.MultiObjective.Indicators;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;

namespace MocoCompare;

/// <summary>
/// Reads the JSON written by compare_moco.py (point sets, reference points, a Bi-TSP instance), times
/// <see cref="Hypervolume.Compute"/> (best of the repeats, after a warm-up) and NSGA-II generations (population 100:
/// 100 asks, 100 evaluations, 100 tells, one environmental selection), and prints a JSON result on stdout.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var root = JsonDocument.Parse(File.ReadAllText(args[0])).RootElement;
        int repeats = root.GetProperty("repeats").GetInt32();
        var hv = new List<object>();
        foreach (var set in root.GetProperty("hv").EnumerateArray())
        {
            var pts = set.GetProperty("points").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var r = set.GetProperty("reference").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            int n = pts.Length / r.Length;
            double value = Hypervolume.Compute(pts, n, r);
            double best = double.PositiveInfinity;
            for (int k = 0; k < repeats; k++)
            {
                long t0 = Stopwatch.GetTimestamp();
                value = Hypervolume.Compute(pts, n, r);
                best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
            }

            hv.Add(new { name = set.GetProperty("name").GetString(), value, seconds = best });
        }

        var tsp = root.GetProperty("tsp");
        int cities = tsp.GetProperty("n").GetInt32();
        var coords = tsp.GetProperty("coordinates").EnumerateArray()
            .Select(a => a.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
        var problem = new TspProblem(MocoSpecs.Get(MocoProblemKind.BiTsp, cities), coords);
        int generations = root.GetProperty("generations").GetInt32();
        double perGeneration = double.PositiveInfinity;
        double cpuPerGeneration = double.PositiveInfinity;
        int[] frontSize = [0];
        for (int rep = 0; rep < 3; rep++)
        {
            var nsga = new Nsga2(problem, new Seed(1), new Seed((ulong)rep + 2));
            var obj = new double[2];
            for (int e = 0; e < 100; e++)
            {
                var x = nsga.Ask();
                problem.Evaluate(x, obj);
                nsga.Tell(x, obj);
            }

            long t0 = Stopwatch.GetTimestamp();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (int g = 0; g < generations * 100; g++)
            {
                var x = nsga.Ask();
                problem.Evaluate(x, obj);
                nsga.Tell(x, obj);
            }

            perGeneration = Math.Min(perGeneration, Stopwatch.GetElapsedTime(t0).TotalSeconds / generations);
            cpuPerGeneration = Math.Min(cpuPerGeneration, (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / generations);
            frontSize[0] = nsga.Generations;
        }

        Console.WriteLine(JsonSerializer.Serialize(new { hv, nsga2SecondsPerGeneration = perGeneration, nsga2CpuSecondsPerGeneration = cpuPerGeneration, generations = frontSize[0] }));
        _ = CultureInfo.InvariantCulture;
    }
}
