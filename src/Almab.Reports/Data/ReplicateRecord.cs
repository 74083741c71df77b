namespace Almab.Reports.Data;

/// <summary>
/// One finished replicate of one method in one grid cell: the tidy row every Reports table reads.
/// Producers (the experiment runner or anything else) map their results to it.
/// </summary>
/// <param name="Case">Case identifier (e.g. "case1-cifar").</param>
/// <param name="Method">Method name as it should appear in tables.</param>
/// <param name="Workers">K, number of parallel workers.</param>
/// <param name="Budget">Evaluation budget of the run.</param>
/// <param name="Noise">Observation-noise level of the cell (case units).</param>
/// <param name="Replicate">Replicate index within the cell.</param>
/// <param name="FinalMetric">The case metric at the end of the run (e.g. final accuracy, simple regret).</param>
/// <param name="CumulativeRegret">Cumulative regret R_T (ALMAB-DC section 4 metric i); NaN when undefined for the case.</param>
/// <param name="VirtualSeconds">Simulated wall-clock time of the run (virtual seconds).</param>
/// <param name="ComputeSeconds">Real compute time spent by the method (seconds of the host machine).</param>
public sealed record ReplicateRecord(
    string Case,
    string Method,
    int Workers,
    int Budget,
    double Noise,
    int Replicate,
    double FinalMetric,
    double CumulativeRegret,
    double VirtualSeconds,
    double ComputeSeconds);
