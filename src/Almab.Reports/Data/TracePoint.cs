namespace Almab.Reports.Data;

/// <summary>
/// One evaluation of one replicate in completion order: the tidy row behind convergence figures
/// (best so far against evaluations or virtual wall-clock, ALMAB-DC section 4 figures) and regret curves.
/// </summary>
/// <param name="Case">Case identifier (e.g. "case1-cifar").</param>
/// <param name="Method">Method name as it should appear in figures and tables.</param>
/// <param name="Workers">K, number of parallel workers.</param>
/// <param name="Budget">Evaluation budget of the run.</param>
/// <param name="Noise">Observation-noise level of the cell (case units).</param>
/// <param name="Replicate">Replicate index within the cell.</param>
/// <param name="Evaluation">Index of the evaluation within the replicate, from 0, in completion order.</param>
/// <param name="VirtualSeconds">Virtual time (simulated seconds) at which the result reached the coordinator.</param>
/// <param name="Observed">Observed (noisy) value in the case's natural units and direction.</param>
/// <param name="BestSoFar">Best value so far in the case's natural direction; NaN when unknown.</param>
/// <param name="Metric">The case metric after this evaluation (e.g. simple regret); NaN when undefined.</param>
public sealed record TracePoint(
    string Case,
    string Method,
    int Workers,
    int Budget,
    double Noise,
    int Replicate,
    int Evaluation,
    double VirtualSeconds,
    double Observed,
    double BestSoFar,
    double Metric);
