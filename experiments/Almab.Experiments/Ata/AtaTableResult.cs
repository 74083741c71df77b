using Almab.Algorithms.Allocation;

namespace Almab.Experiments.Ata;

/// <summary>A table's rows plus seed 0's traces for the figures.</summary>
/// <param name="Rows">Ratios per n and method.</param>
/// <param name="Seed0Runs">Per n (table order), per method (<see cref="AtaTableExperiment.Methods"/> order): seed 0's per-round runtime and worker time.</param>
/// <param name="Seed0Suboptimality">f(x_k) − f* after each round of seed 0 (shared by every method: common random numbers).</param>
public sealed record AtaTableResult(IReadOnlyList<AtaTableRow> Rows, AllocationRun[][] Seed0Runs, double[] Seed0Suboptimality);
