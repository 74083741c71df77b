using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Objectives.Cases;

/// <summary>How a dose-response cohort is observed (case 4).</summary>
public enum DoseObservationModel
{
    /// <summary>One Bernoulli efficacy and one Bernoulli toxicity outcome: y = Y_eff - lambda Y_tox (the paper's text).</summary>
    BernoulliUtility,

    /// <summary>y = f(x) + N(0, sd^2): the Gaussian likelihood the paper's GP assumes (sigma_n = 0.18).</summary>
    Gaussian,
}

/// <summary>
/// Case 4 of ALMAB-DC (section 3.9): dose x on {0, 0.25, ..., 8}, efficacy p_eff(x) = sigma(-1.5 + 0.9 x),
/// toxicity p_tox(x) = sigma(-5.0 + 1.2 x), net clinical benefit f(x) = p_eff(x) - lambda p_tox(x), lambda = 0.5;
/// optimum x* = 3.5, f* = 0.684. Optimizers minimize, so <see cref="Observation.Value"/> is -y and
/// <see cref="Observation.TrueValue"/> is -f(x).
/// </summary>
public sealed class DoseResponseObjective : IObjective
{
    private readonly double _lambda;
    private readonly double _gaussianSd;

    /// <summary>Creates the case-4 objective.</summary>
    /// <param name="model">Observation model (protocol note: the paper states binary outcomes but a Gaussian GP noise of 0.18).</param>
    /// <param name="lambda">Toxicity penalty lambda (paper: 0.5).</param>
    /// <param name="gaussianSd">Noise sd for <see cref="DoseObservationModel.Gaussian"/>.</param>
    /// <param name="costSeconds">Virtual seconds per cohort evaluation on a unit-speed worker.</param>
    public DoseResponseObjective(DoseObservationModel model, double lambda = 0.5, double gaussianSd = 0.18, double costSeconds = 1.0)
    {
        if (!(lambda >= 0) || !double.IsFinite(lambda))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "lambda must be finite and >= 0");
        }

        if (!(gaussianSd >= 0) || !double.IsFinite(gaussianSd))
        {
            throw new ArgumentOutOfRangeException(nameof(gaussianSd), gaussianSd, "noise sd must be finite and >= 0");
        }

        Model = model;
        _lambda = lambda;
        _gaussianSd = gaussianSd;
        CostSeconds = costSeconds;
        Space = new SearchSpace([Parameter.Grid("dose", Enumerable.Range(0, 33).Select(i => i * 0.25))]);
        double best = double.NegativeInfinity;
        foreach (double x in Space.Parameters[0].Levels)
        {
            best = Math.Max(best, Utility(x));
        }

        BestUtility = best;
    }

    /// <inheritdoc />
    public string Name => "dose-response";

    /// <inheritdoc />
    public SearchSpace Space { get; }

    /// <summary>The observation model.</summary>
    public DoseObservationModel Model { get; }

    /// <summary>Virtual seconds per evaluation.</summary>
    public double CostSeconds { get; }

    /// <summary>f* over the 33 dose levels (0.684 at x* = 3.5).</summary>
    public double BestUtility { get; }

    /// <inheritdoc />
    public double? OptimalValue => -BestUtility;

    /// <summary>Efficacy probability p_eff(x) = sigma(-1.5 + 0.9 x).</summary>
    public static double Efficacy(double dose) => Logistic(-1.5 + 0.9 * dose);

    /// <summary>Toxicity probability p_tox(x) = sigma(-5.0 + 1.2 x).</summary>
    public static double Toxicity(double dose) => Logistic(-5.0 + 1.2 * dose);

    /// <summary>Net clinical benefit f(x) = p_eff(x) - lambda p_tox(x).</summary>
    public double Utility(double dose) => Efficacy(dose) - _lambda * Toxicity(dose);

    /// <inheritdoc />
    public Observation Evaluate(Configuration configuration, double fidelity, Rng rng)
    {
        double x = configuration[0];
        double f = Utility(x);
        double y = Model == DoseObservationModel.BernoulliUtility
            ? (rng.NextDouble() < Efficacy(x) ? 1.0 : 0.0) - _lambda * (rng.NextDouble() < Toxicity(x) ? 1.0 : 0.0)
            : f + _gaussianSd * rng.NextGaussian();
        return new Observation(-y, -f, CostSeconds);
    }

    private static double Logistic(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
