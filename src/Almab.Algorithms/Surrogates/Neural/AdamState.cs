namespace Almab.Algorithms.Surrogates.Neural;

/// <summary>
/// Adam (Kingma and Ba 2015) as scikit-learn's <c>AdamOptimizer</c> applies it: t += 1,
/// lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t), m = beta1 m + (1 - beta1) g, v = beta2 v + (1 - beta2) g^2,
/// theta -= lr_t m / (sqrt v + eps). Holds the moment estimates so a training state can be saved and restored.
/// </summary>
public sealed class AdamState
{
    /// <summary>Creates a zero state for <paramref name="parameters"/> parameters.</summary>
    public AdamState(int parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be finite and > 0.");
        }

        M = new double[parameters];
        V = new double[parameters];
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>Step size.</summary>
    public double LearningRate { get; }

    /// <summary>First-moment decay.</summary>
    public double Beta1 { get; }

    /// <summary>Second-moment decay.</summary>
    public double Beta2 { get; }

    /// <summary>Denominator guard.</summary>
    public double Epsilon { get; }

    /// <summary>First moments.</summary>
    public double[] M { get; }

    /// <summary>Second moments.</summary>
    public double[] V { get; }

    /// <summary>Steps taken.</summary>
    public int Steps { get; set; }

    /// <summary>One update of <paramref name="theta"/> with gradient <paramref name="gradient"/>.</summary>
    public void Step(Span<double> theta, ReadOnlySpan<double> gradient)
    {
        Steps++;
        double lr = LearningRate * Math.Sqrt(1.0 - Math.Pow(Beta2, Steps)) / (1.0 - Math.Pow(Beta1, Steps));
        for (int k = 0; k < theta.Length; k++)
        {
            double g = gradient[k];
            M[k] = Beta1 * M[k] + (1.0 - Beta1) * g;
            V[k] = Beta2 * V[k] + (1.0 - Beta2) * g * g;
            theta[k] -= lr * M[k] / (Math.Sqrt(V[k]) + Epsilon);
        }
    }

    /// <summary>Zeroes the moments and the step count.</summary>
    public void Reset()
    {
        Array.Clear(M);
        Array.Clear(V);
        Steps = 0;
    }
}
