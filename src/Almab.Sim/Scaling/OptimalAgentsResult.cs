namespace Almab.Sim.Scaling;

/// <summary>Result of a numerical K* search.</summary>
/// <param name="ContinuousWorkers">Real-valued minimizer of the wall-clock model.</param>
/// <param name="IntegerWorkers">Best integer K in range.</param>
/// <param name="RelativeTime">Model time T_K / W at <paramref name="IntegerWorkers"/>.</param>
/// <param name="Interior">False when the minimum lies at the end of the searched range (no finite optimum found).</param>
/// <param name="Assumption">The model's statement, for reports.</param>
public sealed record OptimalAgentsResult(double ContinuousWorkers, int IntegerWorkers, double RelativeTime, bool Interior, string Assumption);
