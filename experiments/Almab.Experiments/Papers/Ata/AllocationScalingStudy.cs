using System.Collections.Immutable;
using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Runs.Allocation;
using Almab.Sim.Scaling;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Papers.Ata;

/// <summary>What an allocation scaling study runs: the policy, B, R and the policies' constants.</summary>
/// <param name="Policy">One of <see cref="AllocationScalingStudy.Policies"/>.</param>
/// <param name="Tasks">Unit tasks per round, B (&gt;= 1).</param>
/// <param name="Rounds">Rounds per replicate, R (&gt;= 1).</param>
/// <param name="Replicates">Replicates per K (&gt;= 2).</param>
/// <param name="AtaAlphaFactor">ATA's Orlicz bound alpha as a multiple of the largest mean task time (section 7: 2).</param>
/// <param name="AtaEta">ATA-Empirical's coefficient-of-variation bound eta (section 7: 1).</param>
public sealed record AllocationScalingSettings(string Policy, int Tasks, int Rounds, int Replicates, double AtaAlphaFactor = 2.0, double AtaEta = 1.0);

/// <summary>One row of an allocation scaling study (one K), aggregated over replicates.</summary>
/// <param name="Workers">K.</param>
/// <param name="MeanRoundSeconds">Mean over replicates of the replicate's mean round makespan (virtual seconds).</param>
/// <param name="RoundSecondsSd">Standard deviation over replicates of the replicate's mean round makespan.</param>
/// <param name="TotalWorkerSeconds">Mean over replicates of the worker time summed over all R rounds.</param>
/// <param name="TotalWorkerSecondsSd">Standard deviation over replicates of that total.</param>
/// <param name="Speedup">Mean round makespan at K = 1 over that at K, same policy.</param>
/// <param name="SpeedupStandardError">Delta-method standard error of the speedup (0 at K = 1).</param>
/// <param name="OracleShare">Share of replicates whose last-round allocation equals OFTA's, RAS(mu; B).</param>
/// <param name="FinalAllocation">The last round's allocation of replicate 1 (GTA: the results each worker contributed).</param>
/// <param name="OracleAllocation">OFTA's allocation RAS(mu; B) for replicate 1's machines.</param>
public sealed record AllocationScalingPoint(
    int Workers,
    double MeanRoundSeconds,
    double RoundSecondsSd,
    double TotalWorkerSeconds,
    double TotalWorkerSecondsSd,
    double Speedup,
    double SpeedupStandardError,
    double OracleShare,
    ImmutableArray<int> FinalAllocation,
    ImmutableArray<int> OracleAllocation);

/// <summary>
/// Speedup of an allocation policy with the number of workers: for each K, R rounds of B unit tasks allocated by the
/// policy over K (heterogeneous) workers of the simulated cluster, through <see cref="AllocationClusterRun"/> (UTA, ATA,
/// ATA-Empirical, OFTA) or <see cref="GreedyClusterRun"/> (GTA, whose abandoned in-flight tasks need a preempting round).
/// </summary>
/// <remarks>
/// A unit task on worker i takes c_i X seconds, X from the cluster's task-time family and c_i its speed profile, so
/// mu_i = c_i E[X]; OFTA gets these true means, ATA alpha = factor * max_i mu_i (the ATA paper's section 7 uses 2 mu_n for
/// a + Exp(a) times), ATA-Empirical eta, UTA the stream <c>cell/uta</c>. Replicate r at K runs from seed
/// <c>seed.Derive(K).Derive(r)</c> (as <c>ScalingStudy</c>); cells run in parallel and are aggregated in order, so
/// the result does not depend on the thread count.
/// </remarks>
public static class AllocationScalingStudy
{
    /// <summary>The policy names <c>--allocation</c> accepts (besides <c>none</c>).</summary>
    public static readonly ImmutableArray<string> Policies = ["uta", "gta", "ata", "ata-empirical", "ofta"];

    /// <summary>Runs the study. <paramref name="cluster"/> gives everything but the worker count.</summary>
    /// <param name="cluster">Cluster template (asynchronous dispatch); its <c>Workers</c> is replaced by each K.</param>
    /// <param name="workers">Worker counts, ascending, starting with 1 (the speedup baseline).</param>
    /// <param name="settings">Policy, B, R, replicates and the policies' constants.</param>
    /// <param name="seed">Root seed.</param>
    /// <param name="threads">Parallel cells.</param>
    /// <param name="onCellDone">Called after each finished cell (must be thread-safe).</param>
    public static IReadOnlyList<AllocationScalingPoint> Run(
        ClusterConfig cluster, IReadOnlyList<int> workers, AllocationScalingSettings settings, Seed seed, int threads = 1, Action? onCellDone = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(settings);
        if (workers.Count == 0 || workers[0] != 1)
        {
            throw new ArgumentException("the worker list must start with K = 1, the speedup baseline", nameof(workers));
        }

        if (!Policies.Contains(settings.Policy))
        {
            throw new ArgumentException($"unknown allocation policy '{settings.Policy}'; one of {string.Join(", ", Policies)}", nameof(settings));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Tasks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Rounds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Replicates, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int reps = settings.Replicates;
        var cells = new Cell[workers.Count * reps];
        Parallel.For(0, cells.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            int k = workers[c / reps];
            cells[c] = RunCell(cluster with { Workers = k }, settings, seed.Derive(k).Derive(c % reps));
            onCellDone?.Invoke();
        });

        var points = new List<AllocationScalingPoint>(workers.Count);
        var (baseMean, baseVar) = ScalingStudy.MeanVariance(Values(cells.AsSpan(0, reps), x => x.MeanRoundSeconds));
        for (int i = 0; i < workers.Count; i++)
        {
            var row = cells.AsSpan(i * reps, reps);
            var (mean, variance) = ScalingStudy.MeanVariance(Values(row, x => x.MeanRoundSeconds));
            var (work, workVariance) = ScalingStudy.MeanVariance(Values(row, x => x.TotalWorkerSeconds));
            double speedup = baseMean / mean;
            int matches = 0;
            foreach (var cell in row)
            {
                matches += cell.Final.AsSpan().SequenceEqual(cell.Oracle) ? 1 : 0;
            }

            points.Add(new AllocationScalingPoint(
                workers[i], mean, Math.Sqrt(variance), work, Math.Sqrt(workVariance), speedup, i == 0 ? 0 : ScalingStudy.SpeedupStandardError(baseMean, baseVar, mean, variance, reps),
                (double)matches / reps, [.. row[0].Final], [.. row[0].Oracle]));
        }

        return points;
    }

    /// <summary>The true mean task time mu_i = c_i E[X] of each worker of <paramref name="cluster"/> run from <paramref name="seed"/>.</summary>
    public static double[] MeanTaskSeconds(ClusterConfig cluster, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        double[] means = cluster.Heterogeneity.TimeFactors(cluster.Workers, seed);
        for (int i = 0; i < means.Length; i++)
        {
            means[i] *= cluster.TaskTime.Mean;
        }

        return means;
    }

    private static Cell RunCell(ClusterConfig config, AllocationScalingSettings settings, Seed seed)
    {
        double[] means = MeanTaskSeconds(config, seed);
        var oracle = new int[config.Workers];
        new RecursiveAllocationSelection().Solve(means, settings.Tasks, oracle);
        double[] runtime, worker;
        int[] final;
        if (settings.Policy == "gta")
        {
            var run = GreedyClusterRun.Run(config, settings.Tasks, settings.Rounds, seed);
            (runtime, worker, final) = (run.RuntimeSeconds, run.TotalWorkerSeconds, run.Completed[^1]);
        }
        else
        {
            IAllocationPolicy policy = settings.Policy switch
            {
                "uta" => new UtaPolicy(config.Workers, seed.Derive("uta")),
                "ata" => new AtaPolicy(config.Workers, settings.AtaAlphaFactor * means.Max()),
                "ata-empirical" => new AtaEmpiricalPolicy(config.Workers, settings.AtaEta),
                _ => new OftaPolicy(means),
            };
            var run = AllocationClusterRun.Run(config, policy, settings.Tasks, settings.Rounds, seed);
            (runtime, worker, final) = (run.RuntimeSeconds, run.TotalWorkerSeconds, run.Allocations[^1]);
        }

        return new Cell(runtime.Average(), worker.Sum(), final, oracle);
    }

    private static double[] Values(ReadOnlySpan<Cell> cells, Func<Cell, double> value)
    {
        var values = new double[cells.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = value(cells[i]);
        }

        return values;
    }

    private sealed record Cell(double MeanRoundSeconds, double TotalWorkerSeconds, int[] Final, int[] Oracle);
}
