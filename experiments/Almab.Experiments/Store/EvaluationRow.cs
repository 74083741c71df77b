namespace Almab.Experiments.Store;

/// <summary>One evaluation of one replicate, as stored (table <c>evaluations</c>).</summary>
/// <param name="Index">Evaluation index within the replicate, from 0, in completion order.</param>
/// <param name="VirtualSeconds">Virtual time at which the result reached the coordinator.</param>
/// <param name="ComputeSeconds">Real seconds the coordinator spent deciding (not deterministic; excluded from identity checks).</param>
/// <param name="Worker">Worker that evaluated it.</param>
/// <param name="Configuration">The configuration, formatted by the search space.</param>
/// <param name="Observed">Observed value in the case's natural units and direction.</param>
/// <param name="TrueValue">Noise-free value when known, else NaN.</param>
/// <param name="BestSoFar">Best true value among the evaluations so far (natural direction).</param>
/// <param name="Metric">The case metric after this evaluation (e.g. simple regret, IPV).</param>
public sealed record EvaluationRow(
    int Index,
    double VirtualSeconds,
    double ComputeSeconds,
    int Worker,
    string Configuration,
    double Observed,
    double TrueValue,
    double BestSoFar,
    double Metric);
