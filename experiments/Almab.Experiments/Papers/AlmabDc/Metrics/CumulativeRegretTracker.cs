using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Experiments.Papers.AlmabDc.Metrics;

/// <summary>
/// The illustrative example's metric: cumulative regret per decision, sum over iterations of mu* - mu(a_t).
/// With K averaging agents an iteration's K pulls of one arm are one decision, so each pull adds 1/K of its
/// regret (for K = 1 this is the usual pull regret).
/// </summary>
/// <param name="optimalValue">The objective's optimal (minimized) value.</param>
/// <param name="pullsPerDecision">K, the number of agents averaging each decision.</param>
public sealed class CumulativeRegretTracker(double optimalValue, int pullsPerDecision) : IMetricTracker
{
    private double _sum;

    /// <inheritdoc />
    public string Name => "cumulative-regret";

    /// <inheritdoc />
    public double Observe(Configuration configuration, Observation observation)
    {
        double truth = observation.TrueValue ?? throw new InvalidOperationException("cumulative regret needs the true value");
        _sum += (truth - optimalValue) / pullsPerDecision;
        return _sum;
    }
}
