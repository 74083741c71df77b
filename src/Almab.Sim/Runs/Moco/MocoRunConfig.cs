using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Moco;

/// <summary>
/// How a multi-objective search is driven on the simulated cluster: K workers and their clocks
/// (<see cref="Cluster"/>), the evaluation budget, the nominal virtual seconds of one evaluation, and optional Gaussian
/// noise on the objectives the method is told (sd as a fraction of the [ideal, reference] range per objective; the
/// archive and every metric use the noise-free values) — the "expensive, noisy evaluation" regime of the D&amp;L paper.
/// </summary>
public sealed record MocoRunConfig
{
    public required ClusterConfig Cluster { get; init; }

    /// <summary>Evaluations (≥ 1).</summary>
    public required int Budget
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Budget), value, $"MOCO budget must be >= 1, got {value}.");
    }

    /// <summary>Nominal work of one evaluation in virtual seconds (finite, ≥ 0; default 1).</summary>
    public double EvaluationSeconds
    {
        get;
        init => field = double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(EvaluationSeconds), value, "EvaluationSeconds must be finite and >= 0.");
    } = 1.0;

    /// <summary>Objective noise sd relative to the [ideal, reference] range (finite, ≥ 0; default 0).</summary>
    public double NoiseFraction
    {
        get;
        init => field = double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(NoiseFraction), value, "NoiseFraction must be finite and >= 0.");
    }
}
