namespace Almab.Reports.Data;

/// <summary>
/// The traces of one (case, K, budget, noise) cell as arrays indexed [method][replicate][evaluation], the
/// shape the convergence and regret figure builders take. Built by <see cref="TraceSet.Group"/>.
/// </summary>
/// <param name="Case">Case identifier.</param>
/// <param name="Workers">K, number of workers.</param>
/// <param name="Budget">Evaluation budget.</param>
/// <param name="Noise">Noise level.</param>
/// <param name="Methods">Method names in order of first appearance in the input.</param>
/// <param name="Replicates">Replicate indices per method, ascending (the second array index).</param>
/// <param name="VirtualSeconds">Completion times (virtual seconds), non-decreasing along each replicate.</param>
/// <param name="Observed">Observed values.</param>
/// <param name="BestSoFar">Best-so-far values as recorded (NaN where unknown).</param>
/// <param name="Metric">Case metric after each evaluation (NaN where undefined).</param>
public sealed record TraceCell(
    string Case,
    int Workers,
    int Budget,
    double Noise,
    IReadOnlyList<string> Methods,
    IReadOnlyList<IReadOnlyList<int>> Replicates,
    double[][][] VirtualSeconds,
    double[][][] Observed,
    double[][][] BestSoFar,
    double[][][] Metric);
