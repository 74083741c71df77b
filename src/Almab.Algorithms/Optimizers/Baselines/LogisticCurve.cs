namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// A two-parameter logistic dose-response curve p(x) = 1 / (1 + exp(-(Intercept + Slope x))), the model of both the
/// efficacy and the toxicity probability in case 4 of paper 000 (section 3.9).
/// </summary>
/// <param name="Intercept">Intercept a of the linear predictor (logit scale).</param>
/// <param name="Slope">Slope b per dose unit (logit scale).</param>
public readonly record struct LogisticCurve(double Intercept, double Slope)
{
    /// <summary>Linear predictor a + b x.</summary>
    public double Logit(double dose) => Intercept + Slope * dose;

    /// <summary>Response probability at <paramref name="dose"/>.</summary>
    public double Probability(double dose) => 1.0 / (1.0 + Math.Exp(-Logit(dose)));

    /// <summary>Fisher-information weight p (1 - p) of one Bernoulli observation at <paramref name="dose"/>.</summary>
    public double Weight(double dose)
    {
        double p = Probability(dose);
        return p * (1 - p);
    }
}
