using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Claims;

namespace Almab.Experiments.Ata;

/// <summary>
/// ATA paper Tables 1 (section 7, times 29√i + Exp(29√i)) and 2 (section 7.1, 29i + Exp(29i)): B = 23 gradients per
/// round, SGD on <see cref="AtaQuadratic"/> until f − f* &lt; 1e−5, and for each method the total worker time and the
/// runtime over those rounds. Ratios against GTA as the paper defines them (worker: GTA / method; runtime: method /
/// GTA), per seed (all methods of a seed share the gradient noise and each worker's clock), then mean and 95 % t CI.
/// ATA uses α = 2 max_i μ_i (the paper's 4·29√n and 4·29n), ATA-Empirical η = 1, as in section 7.
/// </summary>
public static class AtaTableExperiment
{
    /// <summary>Methods in table order; GTA is the reference.</summary>
    public static readonly string[] Methods = ["GTA", "ATA", "ATA-E", "OFTA", "UTA"];

    /// <summary>Runs one table.</summary>
    /// <param name="model">"sqrt" (Table 1) or "linear" (Table 2).</param>
    /// <param name="workerCounts">n values.</param>
    /// <param name="seeds">Replicates.</param>
    /// <param name="root">Root seed.</param>
    /// <param name="threads">Parallel cells.</param>
    /// <param name="quadratic">The SGD problem.</param>
    public static IReadOnlyList<AtaTableRow> Run(string model, IReadOnlyList<int> workerCounts, int seeds, Seed root, int threads, AtaQuadratic quadratic) =>
        RunWithTraces(model, workerCounts, seeds, root, threads, quadratic).Rows;

    /// <summary>As <see cref="Run"/>, also keeping seed 0's per-round times and suboptimality for the figures.</summary>
    public static AtaTableResult RunWithTraces(string model, IReadOnlyList<int> workerCounts, int seeds, Seed root, int threads, AtaQuadratic quadratic)
    {
        const int batch = 23;
        var table = root.Derive("ata-table").Derive(model);
        int[] rounds = new int[seeds];
        Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = threads },
            s => rounds[s] = quadratic.RoundsToTolerance(batch, table.Derive("sgd").Derive(s)));

        // cells[n index, seed] -> per-method (runtime, worker time)
        var cells = new (double Runtime, double Worker)[workerCounts.Count, seeds, Methods.Length];
        var traces = new AllocationRun[workerCounts.Count][];
        Parallel.For(0, workerCounts.Count * seeds, new ParallelOptions { MaxDegreeOfParallelism = threads }, cell =>
        {
            int ni = cell / seeds, s = cell % seeds;
            int n = workerCounts[ni];
            var times = Times(model, n);
            double alpha = 2 * times.Means().Max();
            var simulator = new AllocationRoundSimulator(times, batch, table.Derive("clock").Derive(n).Derive(s));
            int k = rounds[s];
            var runs = new[]
            {
                simulator.RunGreedy(k),
                simulator.Run(new AtaPolicy(n, alpha), k),
                simulator.Run(new AtaEmpiricalPolicy(n, 1.0), k),
                simulator.Run(new OftaPolicy(times.Means()), k),
                simulator.Run(new UtaPolicy(n, table.Derive("uta").Derive(n).Derive(s)), k),
            };
            for (int m = 0; m < runs.Length; m++)
            {
                cells[ni, s, m] = (runs[m].RuntimeSeconds.Sum(), runs[m].TotalWorkerSeconds.Sum());
            }

            if (s == 0)
            {
                traces[ni] = runs;
            }
        });

        var rows = new List<AtaTableRow>();
        for (int ni = 0; ni < workerCounts.Count; ni++)
        {
            for (int m = 1; m < Methods.Length; m++)
            {
                var worker = new double[seeds];
                var runtime = new double[seeds];
                for (int s = 0; s < seeds; s++)
                {
                    worker[s] = cells[ni, s, 0].Worker / cells[ni, s, m].Worker;
                    runtime[s] = cells[ni, s, m].Runtime / cells[ni, s, 0].Runtime;
                }

                var w = IntervalEstimates.Mean(worker);
                var r = IntervalEstimates.Mean(runtime);
                rows.Add(new AtaTableRow(model, workerCounts[ni], Methods[m], w.Mean, w.Lower, w.Upper, r.Mean, r.Lower, r.Upper, rounds.Average()));
            }
        }

        return new AtaTableResult(rows, traces, quadratic.Trajectory(batch, table.Derive("sgd").Derive(0)));
    }

    /// <summary>The paper's time model: "sqrt" = 29√i + Exp(29√i), "linear" = 29i + Exp(29i).</summary>
    public static ShiftedExponentialTaskTimes Times(string model, int n) => model switch
    {
        "sqrt" => ShiftedExponentialTaskTimes.SquareRoot(n),
        "linear" => ShiftedExponentialTaskTimes.Linear(n),
        _ => throw new ArgumentException($"unknown ATA time model '{model}' (sqrt or linear)"),
    };
}
