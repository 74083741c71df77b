namespace Almab.Experiments.Papers.Bai;

/// <summary>All trials of one cell, stored in one transaction.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Rows">Its trials in trial order.</param>
/// <param name="ComputeSeconds">Real CPU-thread seconds the cell took (measures the machine, not the experiment).</param>
public sealed record BaiCellResult(BaiCell Cell, BaiTrialRow[] Rows, double ComputeSeconds);
