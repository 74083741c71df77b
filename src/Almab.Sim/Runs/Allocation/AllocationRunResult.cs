using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Allocation;

/// <summary>What an <see cref="AllocationClusterRun"/> recorded, per round and for the whole cluster.</summary>
/// <param name="RuntimeSeconds">
/// Per round k: virtual seconds from the start of the decision that allocated round k to the arrival of its last result
/// (the ATA paper's C(a_k) of eq. (1) when messages and decisions take no time).
/// </param>
/// <param name="TotalWorkerSeconds">Per round: the summed durations of the round's tasks (successful attempts).</param>
/// <param name="Allocations">Per round: the allocation a_k the policy chose.</param>
/// <param name="Cluster">The cluster's own report (makespan, busy/idle/down seconds per worker, decisions, faults).</param>
public sealed record AllocationRunResult(double[] RuntimeSeconds, double[] TotalWorkerSeconds, int[][] Allocations, ClusterReport Cluster);
