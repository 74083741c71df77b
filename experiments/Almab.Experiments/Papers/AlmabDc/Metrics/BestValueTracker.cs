using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Experiments.Papers.AlmabDc.Metrics;

/// <summary>
/// Cases 1-3: the best noise-free value among evaluated configurations, in the objective's natural direction
/// (accuracy and return maximized, drag minimized). Uses the true value, so noise does not flatter a method.
/// </summary>
/// <param name="maximize">True when the natural quantity is the negated minimized value.</param>
public sealed class BestValueTracker(bool maximize) : IMetricTracker
{
    private double _bestMinimized = double.PositiveInfinity;

    /// <inheritdoc />
    public string Name => "best-value";

    /// <inheritdoc />
    public double Observe(Configuration configuration, Observation observation)
    {
        _bestMinimized = Math.Min(_bestMinimized, observation.TrueValue ?? observation.Value);
        return maximize ? -_bestMinimized : _bestMinimized;
    }
}
