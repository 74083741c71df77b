using System.Collections.Concurrent;
using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Sgd;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Claims;

namespace Almab.Experiments.Papers.Ata;

/// <summary>
/// ATA paper Tables 1 (section 7, times 29√i + Exp(29√i)) and 2 (section 7.1, 29i + Exp(29i)): B = 23 gradients per
/// round, SGD on <see cref="TridiagonalQuadratic"/> until f − f* &lt; 1e−5 (<see cref="AtaSgdSettings"/>), and for each
/// method the total worker time and the runtime over those rounds. Ratios against GTA as the paper defines them
/// (worker: GTA / method; runtime: method / GTA), per seed (all methods of a seed share the gradient noise and each
/// worker's clock), then mean and 95 % t CI. ATA uses α = 2 max_i μ_i (the paper's 4·29√n and 4·29n), ATA-Empirical
/// η = 1, as in section 7.
/// </summary>
/// <remarks>
/// Round ends (section 7): ATA, ATA-E, OFTA, UTA when all allocated tasks finish (C(a_k) of eq. 1, worker time = the
/// sum of the allocated task times); GTA when B tasks have finished, in-flight work abandoned and counted up to the
/// round end (worker time n·C_k, <see cref="GreedyTaskAllocation"/>). Seeds: root/ata-table/model/{sgd|asgd}/s for the
/// noise, .../clock/n/s for the worker clocks (shared by every method of the cell), .../uta/n/s for UTA's draws.
/// Cells (n, seed, method) run in parallel and are aggregated in cell order, so results do not depend on threads.
/// </remarks>
public static class AtaTableExperiment
{
    /// <summary>Methods in table order; GTA is the reference.</summary>
    public static readonly string[] Methods = ["GTA", "ATA", "ATA-E", "OFTA", "UTA"];

    /// <summary>Runs one table (<paramref name="model"/> "sqrt" = Table 1, "linear" = Table 2).</summary>
    public static AtaTableResult Run(string model, IReadOnlyList<int> workerCounts, int seeds, Seed root, int threads, AtaSgdSettings sgd)
    {
        ArgumentNullException.ThrowIfNull(sgd);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        var table = root.Derive("ata-table").Derive(model);
        long[] grid = Checkpoints(sgd.MaxRounds);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var problem = new TridiagonalQuadratic(sgd.Dimension);

        // Synchronous SGD: the trajectory depends on the seed only, so it is run once per seed and shared. The trajectories
        // are the first work items of the same parallel loop as the cells (not a phase of their own, where 3 seeds on
        // 2 threads left one idle): cells of a seed whose trajectory is still running wait for it, which the order below
        // makes rare (all cells of a seed come after the cells of the seeds before it at the same n).
        var trajectories = new Lazy<SgdTrajectory>?[seeds];
        if (!sgd.Asynchronous)
        {
            for (int s = 0; s < seeds; s++)
            {
                var seed = table.Derive("sgd").Derive(s);
                trajectories[s] = new Lazy<SgdTrajectory>(() => SgdTrajectory.Run(problem, sgd, seed, grid), LazyThreadSafetyMode.ExecutionAndPublication);
            }
        }

        int methods = Methods.Length;
        var curves = new AtaCurve[workerCounts.Count * seeds * methods];
        // Largest n first, one cell at a time (cells differ ~10x in cost): keeps the last cells short so no thread idles
        // long at the end. Each cell writes only its own slot, so the order does not affect the results.
        int[] order = [.. Enumerable.Range(0, curves.Length).OrderByDescending(c => workerCounts[c / methods / seeds]).ThenBy(c => c)];
        int first = sgd.Asynchronous ? 0 : seeds;
        Parallel.ForEach(Partitioner.Create(0, first + order.Length, 1), options, range =>
        {
            for (int j = range.Item1; j < range.Item2; j++)
            {
                if (j < first)
                {
                    _ = trajectories[j]!.Value;
                    continue;
                }

                int cell = order[j - first];
                int m = cell % methods, s = cell / methods % seeds, ni = cell / methods / seeds;
                curves[cell] = RunCell(model, workerCounts[ni], m, s, table, grid, problem, sgd, trajectories[s]?.Value);
            }
        });

        var rows = new List<AtaTableRow>();
        for (int ni = 0; ni < workerCounts.Count; ni++)
        {
            for (int m = 1; m < methods; m++)
            {
                var worker = new double[seeds];
                var runtime = new double[seeds];
                double rounds = 0;
                for (int s = 0; s < seeds; s++)
                {
                    var gta = curves[((ni * seeds) + s) * methods];
                    var own = curves[(((ni * seeds) + s) * methods) + m];
                    worker[s] = gta.WorkerSeconds[^1] / own.WorkerSeconds[^1];
                    runtime[s] = own.RuntimeSeconds[^1] / gta.RuntimeSeconds[^1];
                    rounds += own.Rounds[^1];
                }

                var w = IntervalEstimates.Mean(worker);
                var r = IntervalEstimates.Mean(runtime);
                rows.Add(new AtaTableRow(model, workerCounts[ni], Methods[m], w.Mean, w.Lower, w.Upper, r.Mean, r.Lower, r.Upper, rounds / seeds));
            }
        }

        return new AtaTableResult(rows, curves);
    }

    /// <summary>The paper's time model: "sqrt" = 29√i + Exp(29√i), "linear" = 29i + Exp(29i).</summary>
    public static ShiftedExponentialTaskTimes Times(string model, int n) => model switch
    {
        "sqrt" => ShiftedExponentialTaskTimes.SquareRoot(n),
        "linear" => ShiftedExponentialTaskTimes.Linear(n),
        _ => throw new ArgumentException($"unknown ATA time model '{model}' (sqrt or linear)"),
    };

    /// <summary>The allocation policy of method <paramref name="method"/> (not GTA) for the cell's n and seed.</summary>
    public static IAllocationPolicy Policy(string method, ShiftedExponentialTaskTimes times, Seed utaSeed) => method switch
    {
        "ATA" => new AtaPolicy(times.Workers, 2 * Max(times.Means())),
        "ATA-E" => new AtaEmpiricalPolicy(times.Workers, 1.0),
        "OFTA" => new OftaPolicy(times.Means()),
        "UTA" => new UtaPolicy(times.Workers, utaSeed),
        _ => throw new ArgumentException($"unknown allocation method '{method}' (ATA, ATA-E, OFTA, UTA)", nameof(method)),
    };

    /// <summary>Checkpoint rounds 1, 2, … growing by about 5 % up to <paramref name="maxRounds"/>.</summary>
    public static long[] Checkpoints(long maxRounds)
    {
        var list = new List<long>();
        for (long k = 1; k <= maxRounds; k = Math.Max(k + 1, (long)(k * 1.05)))
        {
            list.Add(k);
        }

        return [.. list];
    }

    private static AtaCurve RunCell(string model, int n, int m, int s, Seed table, long[] grid, TridiagonalQuadratic problem, AtaSgdSettings sgd, SgdTrajectory? trajectory)
    {
        var times = Times(model, n);
        var simulator = new AllocationRoundSimulator(times, sgd.Batch, table.Derive("clock").Derive(n).Derive(s));
        double gap = double.NaN;
        var recorder = new AtaCurveRecorder(grid, k => trajectory is null ? gap : trajectory.GapAt(k));
        AllocationRoundCallback onRound = (k, _, c, w, r) => recorder.Add(k, c, w, r);
        AllocationTasksCallback? onTasks = null;
        long rounds = trajectory?.Rounds ?? sgd.MaxRounds;
        if (sgd.Asynchronous)
        {
            var asgd = new AsynchronousSgd(problem, sgd.StepSize / sgd.Batch, sgd.NoiseSd, table.Derive("asgd").Derive(s));
            onTasks = (k, a, x) =>
            {
                gap = asgd.RunRound(a, x);
                return gap >= sgd.Tolerance;
            };
        }

        if (m == 0)
        {
            simulator.RunGreedy(rounds, onRound, onTasks);
        }
        else
        {
            var policy = Policy(Methods[m], times, table.Derive("uta").Derive(n).Derive(s));
            if (onTasks is null)
            {
                simulator.Run(policy, rounds, onRound);
            }
            else
            {
                simulator.Run(policy, rounds, onRound, onTasks);
            }
        }

        return recorder.ToCurve(model, n, Methods[m], s);
    }

    private static double Max(double[] values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
