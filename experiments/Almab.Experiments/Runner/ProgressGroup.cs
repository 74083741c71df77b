namespace Almab.Experiments.Runner;

/// <summary>One task of a run's progress display: a label (e.g. "tpe K=4") and how many units (replicates) it holds.</summary>
/// <param name="Label">What the row shows.</param>
/// <param name="Total">Units of work in the group, &gt;= 0.</param>
public sealed record ProgressGroup(string Label, int Total);
