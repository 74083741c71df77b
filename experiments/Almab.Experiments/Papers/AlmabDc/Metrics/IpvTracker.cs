using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Spaces;

namespace Almab.Experiments.Papers.AlmabDc.Metrics;

/// <summary>
/// Case 5's metric: integrated posterior variance over the grid under the true Matérn-3/2 kernel and noise,
/// given the locations observed so far (ALMAB-DC section 3.10). Values do not enter it.
/// </summary>
public sealed class IpvTracker : IMetricTracker
{
    private readonly SpatialFieldObjective _objective;
    private readonly FiniteGaussianPosterior _posterior;

    /// <summary>Creates the tracker for one replicate's field.</summary>
    public IpvTracker(SpatialFieldObjective objective)
    {
        _objective = objective;
        var points = objective.Points;
        _posterior = new FiniteGaussianPosterior(points.Count, (i, j) => objective.Kernel(points[i], points[j]), objective.NoiseSd * objective.NoiseSd);
    }

    /// <inheritdoc />
    public string Name => "ipv";

    /// <summary>IPV before any observation (the prior's, 1.0 for unit variance).</summary>
    public double Initial => _posterior.IntegratedVariance();

    /// <inheritdoc />
    public double Observe(Configuration configuration, Observation observation)
    {
        _posterior.Observe(_objective.IndexOf(configuration), observation.Value);
        return _posterior.IntegratedVariance();
    }
}
