namespace Almab.Algorithms.Allocation;

/// <summary>
/// Per-round outcomes of a round-level allocation simulation (ATA paper, section 7 quantities).
/// </summary>
/// <param name="RuntimeSeconds">C(a_k) of eq. (1): per round, the largest per-worker sum of task times.</param>
/// <param name="TotalWorkerSeconds">Per round, the sum over workers of their busy time (for GTA including abandoned in-flight work).</param>
/// <param name="ProxyRegret">
/// Per round, l(a_k, mu) - l(a-bar, mu), the summand of the regret R_K of eq. (9) with a-bar = RAS(mu; B).
/// Empty for GTA, which has no allocation chosen in advance.
/// </param>
/// <param name="LastAllocation">The allocation a_K of the final round (for GTA: tasks completed per worker).</param>
public sealed record AllocationRun(
    double[] RuntimeSeconds,
    double[] TotalWorkerSeconds,
    double[] ProxyRegret,
    int[] LastAllocation);
