using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs;

/// <summary>
/// Drives an <see cref="IOptimizer"/> on an <see cref="IObjective"/> over a simulated cluster in virtual time
/// (ALMAB-DC section 2, "Query Dispatcher and Parallel Workers"), asynchronous or synchronous per the cluster
/// config, until <see cref="OptimizationRunConfig.Budget"/> evaluations have been told. Each asked trial is
/// evaluated when it is dispatched (its cost is the job's nominal work) and revealed to the optimizer when the
/// job's result reaches the coordinator; tells happen in that arrival order.
/// </summary>
public static class OptimizationRun
{
    /// <summary>
    /// Runs once. <paramref name="clusterSeed"/> drives worker clocks, faults and latency;
    /// <paramref name="noiseSeed"/> drives objective noise (evaluation i uses <c>noiseSeed.Derive(i)</c>). Pass
    /// seeds derived from the replicate, not from the method, for common random numbers across methods.
    /// The optimizer is consumed (it keeps its state). With the default modelled coordinator time, the result is a
    /// pure function of the inputs except <see cref="EvaluationRecord.ComputeSeconds"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The objective returned a NaN/infinite value or cost, or the optimizer broke its contract.</exception>
    public static OptimizationRunResult Execute(
        OptimizationRunConfig config, IOptimizer optimizer, IObjective objective, Seed clusterSeed, Seed noiseSeed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(objective);
        var source = new OptimizerJobSource(config, optimizer, objective, noiseSeed);
        var report = ClusterSimulator.Run(config.Cluster, clusterSeed, source);
        return new OptimizationRunResult(source.TakeRecords(), report);
    }
}
