namespace Almab.Reports.Tables;

/// <summary>The rows of one (case, K, budget, noise) cell of a <see cref="SummaryTable"/>.</summary>
/// <param name="Case">Case identifier.</param>
/// <param name="Workers">K, number of workers.</param>
/// <param name="Budget">Evaluation budget.</param>
/// <param name="Noise">Noise level.</param>
/// <param name="Comparisons">Number of tests against the reference (the correction's family size).</param>
/// <param name="Rows">One row per method, in order of first appearance in the input.</param>
public sealed record SummaryGroup(string Case, int Workers, int Budget, double Noise, int Comparisons, IReadOnlyList<SummaryRow> Rows);
