using Almab.Algorithms.Spaces;

namespace Almab.Sim.Runs;

/// <summary>One completed evaluation of an <see cref="OptimizationRun"/>; times in virtual seconds.</summary>
/// <param name="Index">Position in completion order (the order the optimizer was told), from 0.</param>
/// <param name="TrialId">The optimizer's <c>Trial.Id</c>.</param>
/// <param name="Worker">Worker (0-based) that completed it.</param>
/// <param name="CreatedSeconds">When the coordinator sent it (end of the asking decision).</param>
/// <param name="StartSeconds">When the successful attempt started on <paramref name="Worker"/>.</param>
/// <param name="EndSeconds">When that attempt finished.</param>
/// <param name="ToldSeconds">When the result reached the coordinator (its decision then tells the optimizer).</param>
/// <param name="Attempts">Attempts it took (&gt; 1 after crashes).</param>
/// <param name="ComputeSeconds">Real seconds spent in Ask (this trial's share) and Tell: measures the machine, not deterministic.</param>
/// <param name="Configuration">What was evaluated.</param>
/// <param name="Fidelity">Fidelity in (0, 1].</param>
/// <param name="Value">Observed (noisy) value, minimized.</param>
/// <param name="TrueValue">Noise-free value when the objective knows it.</param>
/// <param name="CostSeconds">Nominal work of the evaluation (the observation's cost on a reference worker).</param>
/// <param name="Failed">True when the evaluation crashed and produced no usable value.</param>
public sealed record EvaluationRecord(
    int Index,
    int TrialId,
    int Worker,
    double CreatedSeconds,
    double StartSeconds,
    double EndSeconds,
    double ToldSeconds,
    int Attempts,
    double ComputeSeconds,
    Configuration Configuration,
    double Fidelity,
    double Value,
    double? TrueValue,
    double CostSeconds,
    bool Failed);
