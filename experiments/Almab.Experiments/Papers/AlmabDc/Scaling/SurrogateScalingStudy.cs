using System.Diagnostics;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Papers.AlmabDc.Scaling;

/// <summary>
/// ALMAB-DC Appendix C on case 2 (Tables 8 and 9 analogue): ALMAB-DC (UCB) with a GP, RF or MLP surrogate at C CPUs,
/// read as C asynchronous workers (K = C) whose coordinator may use C threads inside the surrogate. Every cell runs
/// its runs for real at K = C with one thread, timing the surrogate's fits, predictions and fantasies separately
/// (<see cref="TimedSurrogate"/>); the rest of the run (pool, acquisition, bandit, simulation) is "other". Cells with
/// C up to <c>measureUpTo</c> are run again with C threads and their runtime is the measured one; above it the runtime
/// is modelled from the serial split: T(C) = other + fantasies + (fits + predictions) / min(C, u), u = the surrogate's
/// independent units (RF: its 100 trees, MLP: its 5 members, GP: 1, Almab's GP being single-threaded). Runs are
/// sequential, so the threads belong to one run, after one untimed warm-up run. Speed-ups T_1 / T_C compare the run at
/// K = 1 with the run at K = C, as the paper's table does; the coordinator's work itself changes with K (more pending
/// points to fantasize). Our reading: the paper does not say what runs on its CPUs.
/// </summary>
public sealed class SurrogateScalingStudy(CaseDefinition definition, Seed root)
{
    /// <summary>Independent units the surrogate's fit and predict split into.</summary>
    public static int Units(string surrogate) => surrogate switch { "rf" => 100, "mlp" => 5, _ => 1 };

    /// <summary>Runs one surrogate at every CPU count; <paramref name="progress"/> gets one line per cell.</summary>
    public IReadOnlyList<SurrogateScalingCell> Run(string surrogate, IReadOnlyList<int> cpus, int runs, int measureUpTo, TextWriter progress)
    {
        var cells = new List<SurrogateScalingCell>();
        foreach (int c in cpus)
        {
            var serial = Runs(surrogate, c, 1, runs);
            var drag = serial.Select(r => r.Drag).ToArray();
            var modelled = serial.Select(r => r.Other + r.Fantasy + (r.Fit + r.Predict) / Math.Min(c, Units(surrogate))).ToArray();
            bool measured = c <= measureUpTo;
            var runtime = c == 1 ? serial.Select(r => r.Wall).ToArray() : measured ? Runs(surrogate, c, c, runs).Select(r => r.Wall).ToArray() : modelled;
            cells.Add(new SurrogateScalingCell(surrogate, c, runs, drag.Average(), Sd(drag), runtime.Average(), Sd(runtime), measured,
                serial.Average(r => r.Fit), serial.Average(r => r.Predict), serial.Average(r => r.Fantasy), serial.Average(r => r.Other)));
            if (measured && c > 1)
            {
                cells.Add(cells[^1] with { RuntimeMean = modelled.Average(), RuntimeSd = Sd(modelled), Measured = false });
            }

            progress.WriteLine($"  {surrogate} C={c}: drag {drag.Average():G4}, runtime {runtime.Average():G4} s per run ({(measured ? "measured" : "modelled")})");
        }

        return cells;
    }

    private sealed record RunTimes(double Drag, double Wall, double Fit, double Predict, double Fantasy, double Other);

    private List<RunTimes> Runs(string surrogate, int cpus, int threads, int runs)
    {
        TimedSurrogate? last = null;
        var factory = SurrogateChoice.Factory(surrogate, threads);
        var registry = new MethodRegistry();
        // The method keeps ALMAB-DC (UCB)'s name, so its seeds are those of the case's main table.
        registry.Add(new("almab-dc-ucb", "Appendix C cell", context => AlmabDcMethods.Create(context, AlmabDcVariant.Ucb, (d, seed) =>
        {
            ISurrogate inner = factory is null
                ? new GaussianProcess(d, CaseSurrogate.GpOptions(context.Case.Surrogate, context.Space, seed))
                : factory(d, seed);
            last = new TimedSurrogate(inner);
            return last;
        })));
        var runner = new CaseCellRunner(new Dictionary<string, CaseDefinition> { [definition.Id] = definition }, registry, root);
        double noise = CaseLoader.NoiseLevels(definition)[0];
        var list = new List<RunTimes>(runs);
        // One untimed run first (replicate index = runs, not reported), so no timed run pays for JIT compilation.
        runner.Run(new CellKey(definition.Id, "almab-dc-ucb", cpus, definition.Budget[0], noise, runs), CancellationToken.None);
        for (int r = 0; r < runs; r++)
        {
            long start = Stopwatch.GetTimestamp();
            var result = runner.Run(new CellKey(definition.Id, "almab-dc-ucb", cpus, definition.Budget[0], noise, r), CancellationToken.None);
            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var t = last!;
            list.Add(new RunTimes(result.FinalMetric, wall, t.FitSeconds, t.PredictSeconds, t.FantasySeconds,
                Math.Max(0.0, wall - t.FitSeconds - t.PredictSeconds - t.FantasySeconds)));
        }

        return list;
    }

    private static double Sd(double[] v)
    {
        if (v.Length < 2)
        {
            return 0.0;
        }

        double m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
    }
}
