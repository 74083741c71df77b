using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Scaling;

/// <summary>
/// Measures speedup on the simulated cluster: the same fixed workload (<see cref="FixedWorkloadSource"/>) runs on
/// K workers for each K, <c>replicates</c> times, and the speedup is mean makespan at K = 1 over mean makespan at K.
/// Replicate r at K uses seed <c>seed.Derive(K).Derive(r)</c>; cells run in parallel and are aggregated in order,
/// so the result does not depend on the thread count.
/// </summary>
public static class ScalingStudy
{
    /// <summary>Runs the study. <paramref name="cluster"/> gives everything but the worker count.</summary>
    /// <param name="cluster">Cluster template; its <c>Workers</c> is replaced by each K.</param>
    /// <param name="workers">Worker counts, ascending; must include 1 (the speedup baseline).</param>
    /// <param name="tasks">Tasks in the workload.</param>
    /// <param name="workSeconds">Nominal work per task.</param>
    /// <param name="decisionSeconds">Serial coordinator seconds per absorbed result.</param>
    /// <param name="replicates">Replicates per K.</param>
    /// <param name="seed">Root seed.</param>
    /// <param name="threads">Parallel cells.</param>
    /// <param name="onCellDone">Called after each finished cell (thread-safe callers only).</param>
    public static IReadOnlyList<ScalingPoint> Run(ClusterConfig cluster, IReadOnlyList<int> workers, int tasks, double workSeconds,
        double decisionSeconds, int replicates, Seed seed, int threads = 1, Action? onCellDone = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count == 0 || workers[0] != 1)
        {
            throw new ArgumentException("the worker list must start with K = 1, the speedup baseline");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _ = new FixedWorkloadSource(tasks, workSeconds, decisionSeconds); // validates the workload up front
        var makespans = new double[workers.Count, replicates];
        Parallel.For(0, workers.Count * replicates, new ParallelOptions { MaxDegreeOfParallelism = threads }, cell =>
        {
            int i = cell / replicates, r = cell % replicates;
            var config = cluster with { Workers = workers[i] };
            var source = new FixedWorkloadSource(tasks, workSeconds, decisionSeconds);
            makespans[i, r] = ClusterSimulator.Run(config, seed.Derive(workers[i]).Derive(r), source).MakespanSeconds;
            onCellDone?.Invoke();
        });

        var (baseMean, baseVar) = MeanVariance(Row(makespans, 0));
        var points = new List<ScalingPoint>(workers.Count);
        for (int i = 0; i < workers.Count; i++)
        {
            var (mean, variance) = MeanVariance(Row(makespans, i));
            double speedup = baseMean / mean;
            points.Add(new ScalingPoint(workers[i], mean, Math.Sqrt(variance), speedup,
                i == 0 ? 0 : SpeedupStandardError(baseMean, baseVar, mean, variance, replicates)));
        }

        return points;
    }

    /// <summary>
    /// Delta-method standard error of the speedup baseMean / mean, the two means from independent samples of
    /// <paramref name="replicates"/> each with the given (unbiased) variances.
    /// </summary>
    public static double SpeedupStandardError(double baseMean, double baseVariance, double mean, double variance, int replicates)
    {
        double relVar = baseVariance / (replicates * baseMean * baseMean) + variance / (replicates * mean * mean);
        return baseMean / mean * Math.Sqrt(relVar);
    }

    /// <summary>Sample mean and unbiased variance (n - 1) of at least two values.</summary>
    public static (double Mean, double Variance) MeanVariance(ReadOnlySpan<double> values)
    {
        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double ss = 0;
        foreach (double v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return (mean, ss / (values.Length - 1));
    }

    private static double[] Row(double[,] values, int row)
    {
        var r = new double[values.GetLength(1)];
        for (int j = 0; j < r.Length; j++)
        {
            r[j] = values[row, j];
        }

        return r;
    }
}
