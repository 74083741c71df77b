namespace Almab.Sim.Runs.Allocation;

/// <summary>What a <see cref="GreedyClusterRun"/> recorded per round.</summary>
/// <param name="RuntimeSeconds">
/// Per round: virtual seconds from the start of the decision that opened the round to the arrival of its B-th result.
/// </param>
/// <param name="TotalWorkerSeconds">
/// Per round: computing seconds of the round's attempts up to the round's end, the abandoned in-flight work included.
/// </param>
/// <param name="Completed">Per round: the results each worker contributed to the B (GTA's de-facto allocation).</param>
public sealed record GreedyClusterRunResult(double[] RuntimeSeconds, double[] TotalWorkerSeconds, int[][] Completed);
