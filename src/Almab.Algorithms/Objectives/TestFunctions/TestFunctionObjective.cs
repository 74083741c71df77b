using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Objectives.TestFunctions;

/// <summary>
/// A closed-form benchmark function with a known global minimum, used to check optimizers (paper 000,
/// section 3.3 baselines; the functions are the classical ones of Dixon and Szegő 1978 and of Surjanovic and
/// Bingham's virtual library). Evaluations return f(x) + N(0, sd^2) as <see cref="Observation.Value"/> and the
/// noise-free f(x) as <see cref="Observation.TrueValue"/>.
/// Our choice: the functions are single-fidelity; the fidelity argument is validated to lie in (0, 1] and
/// otherwise ignored, and the cost is the same at every fidelity (so a multi-fidelity method gains nothing
/// from a lower fidelity rather than something it should not).
/// </summary>
public abstract class TestFunctionObjective : IObjective
{
    /// <summary>Initialises the shared state.</summary>
    /// <param name="name">Identifier used in reports.</param>
    /// <param name="space">The usual box domain of the function.</param>
    /// <param name="optimalValue">The global minimum f*.</param>
    /// <param name="noiseSd">Standard deviation of additive Gaussian observation noise (0 = noise-free).</param>
    /// <param name="costSeconds">Virtual seconds per evaluation on a unit-speed worker.</param>
    protected TestFunctionObjective(string name, SearchSpace space, double optimalValue, double noiseSd, double costSeconds)
    {
        if (!double.IsFinite(noiseSd) || noiseSd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(noiseSd), noiseSd, "noise sd must be finite and >= 0");
        }

        if (!double.IsFinite(costSeconds) || costSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(costSeconds), costSeconds, "cost must be finite and >= 0 virtual seconds");
        }

        Name = name;
        Space = space;
        KnownMinimum = optimalValue;
        NoiseSd = noiseSd;
        CostSeconds = costSeconds;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public SearchSpace Space { get; }

    /// <summary>The global minimum f* (always known for these functions).</summary>
    public double KnownMinimum { get; }

    /// <inheritdoc />
    public double? OptimalValue => KnownMinimum;

    /// <summary>Standard deviation of the additive Gaussian observation noise.</summary>
    public double NoiseSd { get; }

    /// <summary>Virtual seconds per evaluation.</summary>
    public double CostSeconds { get; }

    /// <summary>The global minimizers (native coordinates), as published.</summary>
    public abstract IReadOnlyList<double[]> Minimizers { get; }

    /// <summary>The noise-free function value at <paramref name="x"/> (native coordinates, length = dimension).</summary>
    public abstract double ValueAt(ReadOnlySpan<double> x);

    /// <inheritdoc />
    public Observation Evaluate(Configuration configuration, double fidelity, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(rng);
        if (configuration.Count != Space.Dimension)
        {
            throw new ArgumentException(
                $"{Name}: configuration has {configuration.Count} values, the function has {Space.Dimension} inputs", nameof(configuration));
        }

        if (!(fidelity > 0 && fidelity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fidelity), fidelity, "fidelity must lie in (0, 1]");
        }

        double f = ValueAt(configuration.Values);
        double y = NoiseSd > 0 ? f + NoiseSd * rng.NextGaussian() : f;
        return new Observation(y, f, CostSeconds);
    }

    /// <summary>A space of <paramref name="dimension"/> float parameters x1..xd on [low, high].</summary>
    protected static SearchSpace Box(int dimension, double low, double high)
    {
        var parameters = new Parameter[dimension];
        for (int i = 0; i < dimension; i++)
        {
            parameters[i] = Parameter.Float("x" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), low, high);
        }

        return new SearchSpace(parameters);
    }
}
