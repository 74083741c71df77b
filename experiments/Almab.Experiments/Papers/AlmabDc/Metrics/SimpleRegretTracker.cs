using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Spaces;
using Almab.Experiments.Papers.AlmabDc.Cases;

namespace Almab.Experiments.Papers.AlmabDc.Metrics;

/// <summary>
/// Case 4's metric: simple regret f* - f(x+) of the recommendation x+, by the case's <see cref="RecommendationRule"/>:
/// (a) the dose with the largest posterior mean under the paper's GP (kernel and noise from the case file,
/// hyperparameters fixed, zero prior mean), conditioned on every observed utility so far; (b) the observed dose of
/// best true utility; (c) the observed dose of the best single noisy utility (ties: the earliest). Protocol note: the
/// paper does not say how x+ is chosen; one recommender for all methods keeps the comparison about where each method
/// samples.
/// </summary>
public sealed class SimpleRegretTracker : IMetricTracker
{
    private readonly FiniteGaussianPosterior _posterior;
    private readonly double[] _doses;
    private readonly RecommendationRule _rule;
    private readonly double _lengthScale;
    private readonly double _signalVariance;
    private readonly double _noiseSd;
    private DoseResponseObjective _objective;
    private double _bestTrue = double.NegativeInfinity;
    private double _bestNoisy = double.NegativeInfinity;
    private double _noisyDose = double.NaN;

    /// <summary>Creates the tracker with an RBF kernel k(x, x') = variance exp(-(x - x')^2 / (2 lengthScale^2)).</summary>
    public SimpleRegretTracker(DoseResponseObjective objective, double lengthScale, double signalVariance, double noiseSd,
        RecommendationRule rule = RecommendationRule.PosteriorMean)
    {
        _objective = objective;
        _rule = rule;
        _lengthScale = lengthScale;
        _signalVariance = signalVariance;
        _noiseSd = noiseSd;
        _doses = [.. objective.Space.Parameters[0].Levels];
        _posterior = new FiniteGaussianPosterior(_doses.Length,
            (i, j) => signalVariance * Math.Exp(-0.5 * (_doses[i] - _doses[j]) * (_doses[i] - _doses[j]) / (lengthScale * lengthScale)),
            noiseSd * noiseSd, resettable: true);
    }

    /// <summary>
    /// Starts over for a new replicate on <paramref name="objective"/> when it has the same doses and the settings are
    /// these (then exactly as a new tracker would, without rebuilding the 33 x 33 prior); false, unchanged, otherwise.
    /// </summary>
    public bool TryReset(DoseResponseObjective objective, double lengthScale, double signalVariance, double noiseSd, RecommendationRule rule)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var levels = objective.Space.Parameters[0].Levels;
        if (rule != _rule || !lengthScale.Equals(_lengthScale) || !signalVariance.Equals(_signalVariance) || !noiseSd.Equals(_noiseSd)
            || !levels.AsSpan().SequenceEqual(_doses))
        {
            return false;
        }

        _objective = objective;
        _posterior.Reset();
        _bestTrue = double.NegativeInfinity;
        _bestNoisy = double.NegativeInfinity;
        _noisyDose = double.NaN;
        return true;
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
        double dose = configuration[0];
        _bestTrue = Math.Max(_bestTrue, _objective.Utility(dose));
        if (-observation.Value > _bestNoisy)
        {
            _bestNoisy = -observation.Value;
            _noisyDose = dose;
        }

        return _rule switch
        {
            RecommendationRule.BestObservedTrue => _objective.BestUtility - _bestTrue,
            RecommendationRule.BestObservedNoisy => _objective.BestUtility - _objective.Utility(_noisyDose),
            _ => _objective.BestUtility - _objective.Utility(Recommendation),
        };
    }
}
