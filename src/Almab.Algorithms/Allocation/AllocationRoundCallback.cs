namespace Almab.Algorithms.Allocation;

/// <summary>
/// Receives one simulated round of <see cref="AllocationRoundSimulator"/> (streaming form, so millions of rounds
/// need no per-round storage).
/// </summary>
/// <param name="round">Round index k, 1-based.</param>
/// <param name="allocation">a_k, valid only during the call.</param>
/// <param name="runtimeSeconds">C(a_k) of eq. (1).</param>
/// <param name="totalWorkerSeconds">Sum of all workers' busy time in the round.</param>
/// <param name="proxyRegret">l(a_k, mu) - l(a-bar, mu), the summand of eq. (9).</param>
public delegate void AllocationRoundCallback(
    long round,
    ReadOnlySpan<int> allocation,
    double runtimeSeconds,
    double totalWorkerSeconds,
    double proxyRegret);
