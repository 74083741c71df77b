namespace Almab.Algorithms.Surrogates.Ensembles;

/// <summary>Argument checks shared by the ensemble surrogates (same messages as <see cref="GaussianProcess"/>).</summary>
internal static class SurrogateChecks
{
    /// <summary>Throws unless <paramref name="x"/> has <paramref name="dimension"/> finite coordinates.</summary>
    public static void Input(double[] x, int dimension, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Length != dimension)
        {
            throw new ArgumentException($"Expected a point of dimension {dimension}, got {x.Length}.", name);
        }

        for (int j = 0; j < x.Length; j++)
        {
            if (!double.IsFinite(x[j]))
            {
                throw new ArgumentException($"Input coordinate {j} is not finite ({x[j]}).", name);
            }
        }
    }

    /// <summary>Throws unless <paramref name="y"/> is finite.</summary>
    public static void Target(double y, string name)
    {
        if (!double.IsFinite(y))
        {
            throw new ArgumentException($"Target {y} is not finite.", name);
        }
    }

    /// <summary>Validates a whole training set before anything is stored.</summary>
    public static void Data(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, int dimension)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.Count != targets.Count)
        {
            throw new ArgumentException($"Got {inputs.Count} inputs but {targets.Count} targets.", nameof(targets));
        }

        if (inputs.Count == 0)
        {
            throw new ArgumentException("Fit needs at least one observation.", nameof(inputs));
        }

        for (int i = 0; i < inputs.Count; i++)
        {
            Input(inputs[i], dimension, nameof(inputs));
            Target(targets[i], nameof(targets));
        }
    }

    /// <summary>Throws unless both spans hold <paramref name="count"/> values.</summary>
    public static void Outputs(int count, Span<double> mean, Span<double> variance)
    {
        if (mean.Length < count || variance.Length < count)
        {
            throw new ArgumentException($"mean and variance must hold {count} values.");
        }
    }

    /// <summary>Throws unless the lists are present and <paramref name="covariance"/> is |a| × |b|.</summary>
    public static void Covariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(covariance);
        if (covariance.GetLength(0) != a.Count || covariance.GetLength(1) != b.Count)
        {
            throw new ArgumentException(
                $"covariance is {covariance.GetLength(0)}x{covariance.GetLength(1)} but must be {a.Count}x{b.Count}.",
                nameof(covariance));
        }
    }
}
