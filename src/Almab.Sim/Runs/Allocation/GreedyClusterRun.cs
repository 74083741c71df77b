using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Workers;

namespace Almab.Sim.Runs.Allocation;

/// <summary>
/// Runs GTA (<see cref="GreedyTaskAllocation"/>, ATA paper section 1) on the simulated cluster: at the start of a round
/// every free worker gets a unit task and gets another as soon as its result has reached the coordinator, until B
/// results of the round have arrived; the round ends then and the tasks still in flight are abandoned.
/// </summary>
/// <remarks>
/// The cluster runs every job to completion (it has no preemption), so each round is its own cluster run from a clean
/// start: round k uses the streams of <c>seed/round/k</c>, and the tasks in flight at the round's end run out in that
/// run without delaying round k + 1, which is what abandoning them means. Worker speeds are drawn once, from
/// the run's seed as in <see cref="AllocationClusterRun"/>, and kept for every round (random speed profiles
/// describe the machines, not the round). Fault timelines (slowdowns, crashes) restart with each round.
/// Counting of abandoned work: a round's total worker time is the computing time of its attempts up to the round's
/// end, abandoned partial work included, the paper's counting (<see cref="GreedyTaskAllocation"/>); without latency
/// or faults every worker computes for the whole round, so it equals K times the round's runtime.
/// </remarks>
public static class GreedyClusterRun
{
    /// <summary>Runs <paramref name="rounds"/> GTA rounds of <paramref name="tasks"/> = B unit tasks on <paramref name="cluster"/>.</summary>
    public static GreedyClusterRunResult Run(ClusterConfig cluster, int tasks, int rounds, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Dispatch != DispatchMode.Asynchronous)
        {
            throw new ArgumentException($"Cluster.Dispatch must be Asynchronous for a GTA run, got {cluster.Dispatch}.", nameof(cluster));
        }

        if (tasks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tasks), tasks, "The task budget B must be >= 1.");
        }

        if (rounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "Need at least one round.");
        }

        var machines = cluster with { Heterogeneity = new FixedFactorsProfile(cluster.Heterogeneity.TimeFactors(cluster.Workers, seed)) };
        var runtime = new double[rounds];
        var worker = new double[rounds];
        var completed = new int[rounds][];
        var roundSeeds = seed.Derive("round");
        for (int k = 0; k < rounds; k++)
        {
            var source = new GreedyJobSource(cluster.Workers, tasks);
            ClusterSimulator.Run(machines, roundSeeds.Derive(k + 1), source);
            if (!source.Ended)
            {
                throw new InvalidOperationException($"GTA round {k + 1} ended with {source.Arrived} of {tasks} results.");
            }

            runtime[k] = source.RuntimeSeconds;
            worker[k] = source.ComputingSeconds;
            completed[k] = source.Completed;
        }

        return new GreedyClusterRunResult(runtime, worker, completed);
    }

    /// <summary>The time factors of one set of machines, fixed across the per-round runs.</summary>
    private sealed record FixedFactorsProfile : HeterogeneityProfile
    {
        private readonly double[] _factors;

        public FixedFactorsProfile(double[] factors) => _factors = factors;

        protected override void Fill(Span<double> factors, Seed seed) => _factors.CopyTo(factors);
    }
}
