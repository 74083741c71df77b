namespace Almab.Experiments.Papers.Ata;

/// <summary>A table's rows and every run's checkpointed curves.</summary>
/// <param name="Rows">Ratios per n and method.</param>
/// <param name="Curves">Per (n, seed, method) curve, in table order (n, then seed, then <see cref="AtaTableExperiment.Methods"/>).</param>
public sealed record AtaTableResult(IReadOnlyList<AtaTableRow> Rows, IReadOnlyList<AtaCurve> Curves);
