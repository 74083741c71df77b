using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Spaces;

namespace Almab.Experiments.Papers.AlmabDc.Metrics;

/// <summary>
/// Case 4's metric: simple regret f* - f(x+) of the recommendation x+ = the dose with the largest posterior mean
/// under the paper's GP (kernel and noise from the case file, hyperparameters fixed, zero prior mean), conditioned on
/// every observed utility so far. Protocol note: the paper does not say how x+ is chosen; one recommender for all
/// methods keeps the comparison about where each method samples.
/// </summary>
public sealed class SimpleRegretTracker : IMetricTracker
{
    private readonly DoseResponseObjective _objective;
    private readonly FiniteGaussianPosterior _posterior;
    private readonly double[] _doses;

    /// <summary>Creates the tracker with an RBF kernel k(x, x') = variance exp(-(x - x')^2 / (2 lengthScale^2)).</summary>
    public SimpleRegretTracker(DoseResponseObjective objective, double lengthScale, double signalVariance, double noiseSd)
    {
        _objective = objective;
        _doses = [.. objective.Space.Parameters[0].Levels];
        _posterior = new FiniteGaussianPosterior(_doses.Length,
            (i, j) => signalVariance * Math.Exp(-0.5 * (_doses[i] - _doses[j]) * (_doses[i] - _doses[j]) / (lengthScale * lengthScale)),
            noiseSd * noiseSd);
    }

    /// <inheritdoc />
    public string Name => "simple-regret";

    /// <summary>The current recommendation x+.</summary>
    public double Recommendation => _doses[_posterior.ArgMaxMean()];

    /// <inheritdoc />
    public double Observe(Configuration configuration, Observation observation)
    {
        // Observations are stored negated (optimizers minimize); the GP models the utility y itself.
        _posterior.Observe(Array.IndexOf(_doses, configuration[0]), -observation.Value);
        return _objective.BestUtility - _objective.Utility(Recommendation);
    }
}
