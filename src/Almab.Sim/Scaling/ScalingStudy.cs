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

        var (baseMean, baseVar) = MeanVariance(makespans, 0, replicates);
        var points = new List<ScalingPoint>(workers.Count);
        for (int i = 0; i < workers.Count; i++)
        {
            var (mean, variance) = MeanVariance(makespans, i, replicates);
            double speedup = baseMean / mean;
            // Delta method for a ratio of independent means.
            double relVar = baseVar / (replicates * baseMean * baseMean) + (i == 0 ? 0 : variance / (replicates * mean * mean));
            points.Add(new ScalingPoint(workers[i], mean, Math.Sqrt(variance), speedup, i == 0 ? 0 : speedup * Math.Sqrt(relVar)));
        }

        return points;
    }

    private static (double Mean, double Variance) MeanVariance(double[,] values, int row, int n)
    {
        double mean = 0;
        for (int r = 0; r < n; r++)
        {
            mean += values[row, r];
        }

        mean /= n;
        double ss = 0;
        for (int r = 0; r < n; r++)
        {
            ss += (values[row, r] - mean) * (values[row, r] - mean);
        }

        return (mean, ss / (n - 1));
    }
}
