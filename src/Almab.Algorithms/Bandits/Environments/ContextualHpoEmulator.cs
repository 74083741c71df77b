using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits.Environments;

/// <summary>
/// A contextual hyperparameter-selection emulator (survey 001 section 2.4, "different datasets may prefer different
/// hyperparameters"); the formula is ours, the survey gives none. Arms are 20 configurations on a 5 x 4 grid of
/// (u, v) in [0, 1]^2 (u: scaled log learning rate, v: regularization). A data set has features z in [0, 1]^4 (size,
/// dimensionality, imbalance, label noise), drawn uniformly; the best configuration moves with them:
/// h*(z) = (0.2 + 0.6 z1, 0.8 - 0.6 z2). Validation accuracy of arm a: 0.92 - 0.5 |(u_a, v_a) - h*(z)|^2 - 0.05 z4,
/// observed with N(0, 0.02^2) noise. The context vector a policy sees is x = (1, z1, z2, z3, z4), d = 5; the arms'
/// accuracy differences are linear in x, so the disjoint linear model is well specified for ranking arms.
/// </summary>
public static class ContextualHpoEmulator
{
    /// <summary>Number of configurations.</summary>
    public const int Arms = 20;

    /// <summary>Context dimension (bias plus four features).</summary>
    public const int Dimension = 5;

    /// <summary>Observation noise sd (accuracy units).</summary>
    public const double NoiseSd = 0.02;

    /// <summary>(u, v) of configuration <paramref name="arm"/>.</summary>
    public static (double U, double V) Configuration(int arm) => ((arm % 5) / 4.0, (arm / 5) / 3.0);

    /// <summary>Draws a data set's context x = (1, z) into <paramref name="context"/>.</summary>
    public static void DrawContext(Rng rng, Span<double> context)
    {
        context[0] = 1.0;
        for (int j = 1; j < Dimension; j++)
        {
            context[j] = rng.NextDouble();
        }
    }

    /// <summary>Noise-free accuracy of <paramref name="arm"/> on the data set with context <paramref name="context"/>.</summary>
    public static double Accuracy(int arm, ReadOnlySpan<double> context)
    {
        var (u, v) = Configuration(arm);
        double du = u - (0.2 + 0.6 * context[1]), dv = v - (0.8 - 0.6 * context[2]);
        return 0.92 - 0.5 * (du * du + dv * dv) - 0.05 * context[4];
    }

    /// <summary>The best accuracy over configurations for <paramref name="context"/>.</summary>
    public static double BestAccuracy(ReadOnlySpan<double> context)
    {
        double best = double.NegativeInfinity;
        for (int a = 0; a < Arms; a++)
        {
            best = Math.Max(best, Accuracy(a, context));
        }

        return best;
    }
}
