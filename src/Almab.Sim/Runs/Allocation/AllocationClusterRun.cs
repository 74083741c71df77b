using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Allocation;

/// <summary>
/// Drives an <see cref="IAllocationPolicy"/> (ATA, ATA-Empirical, OFTA, UTA) on the simulated cluster: each round the
/// policy allocates B unit tasks (a_i to worker i), the workers run them back to back in virtual time on their own
/// clocks (with whatever latency, decision overhead, slowdowns and crashes the cluster has), every task's duration is
/// observed by the policy as its result arrives, and the next round is allocated once all B results are in (ATA
/// paper, section 3.1 and Algorithm 1).
/// </summary>
/// <remarks>
/// A unit task on worker i takes c_i · X with X from <see cref="ClusterConfig.TaskTime"/>: with TaskTime = 29 + Exp(29)
/// and <c>SquareRootProfile</c> (or <c>LinearProfile</c>) this is the paper's section 7 (7.1) model, and worker i
/// draws from the stream seed/worker/i/task as <see cref="AllocationRoundSimulator"/> does, so with no latency and no
/// decision overhead the two produce the same rounds for the same seed (up to floating-point rounding). GTA is not
/// offered here: it abandons in-flight tasks at the end of a round, which the cluster does not model (jobs run to
/// completion); <see cref="GreedyClusterRun"/> runs it one round per cluster run. The cluster must dispatch asynchronously (tasks
/// of a worker follow each other without a barrier; the round barrier is the policy's).
/// </remarks>
public static class AllocationClusterRun
{
    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="tasks"/> = B tasks allocated by <paramref name="policy"/>.</summary>
    public static AllocationRunResult Run(ClusterConfig cluster, IAllocationPolicy policy, int tasks, int rounds, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(policy);
        if (cluster.Dispatch != DispatchMode.Asynchronous)
        {
            throw new ArgumentException($"Cluster.Dispatch must be Asynchronous for an allocation run, got {cluster.Dispatch}.", nameof(cluster));
        }

        if (policy.Workers != cluster.Workers)
        {
            throw new ArgumentException($"Policy has {policy.Workers} workers but the cluster has {cluster.Workers}.", nameof(policy));
        }

        if (tasks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tasks), tasks, "The task budget B must be >= 1.");
        }

        if (rounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "Need at least one round.");
        }

        var source = new AllocationJobSource(policy, tasks, rounds);
        var report = ClusterSimulator.Run(cluster, seed, source);
        if (source.RoundsCompleted != rounds)
        {
            throw new InvalidOperationException($"The cluster run ended after {source.RoundsCompleted} of {rounds} rounds.");
        }

        return new AllocationRunResult(source.Runtime, source.Worker, source.Allocations, report);
    }
}
