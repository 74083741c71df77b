namespace Almab.Algorithms.Objectives;

/// <summary>
/// The outcome of one evaluation. Optimizers minimize <see cref="Value"/>; objectives that maximize
/// (accuracy, return) report the negated quantity and say so in their documentation.
/// </summary>
/// <param name="Value">Observed (noisy) value, to be minimized.</param>
/// <param name="TrueValue">Noise-free value when the objective knows it (simulators), else null.</param>
/// <param name="CostSeconds">Virtual seconds the evaluation takes on a unit-speed worker.</param>
/// <param name="Failed">True when the evaluation crashed and produced no usable value.</param>
public sealed record Observation(double Value, double? TrueValue = null, double CostSeconds = 1.0, bool Failed = false)
{
    /// <summary>Throws when an optimizer is told a value it cannot use (NaN or infinite, not failed).</summary>
    public void EnsureUsable()
    {
        if (!Failed && !double.IsFinite(Value))
        {
            throw new ArgumentException($"observation value must be finite, got {Value}");
        }

        if (!double.IsFinite(CostSeconds) || CostSeconds < 0)
        {
            throw new ArgumentException($"observation cost must be finite and non-negative, got {CostSeconds}");
        }
    }
}
