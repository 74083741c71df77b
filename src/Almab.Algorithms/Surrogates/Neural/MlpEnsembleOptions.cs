using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Surrogates.Neural;

/// <summary>
/// Settings of <see cref="MlpEnsembleSurrogate"/> (ALMAB-DC Appendix C "MLP"; Appendix A names deep ensembles).
/// The paper states no architecture or training settings; the defaults are our choice for tens to a few hundred
/// points in the unit cube: five members of two tanh layers of 32 units, full-batch Adam (learning rate 0.01,
/// scikit-learn's betas) for 400 steps, L2 penalty alpha = 1e-4 in scikit-learn's scaling.
/// </summary>
public sealed record MlpEnsembleOptions
{
    /// <summary>Networks in the ensemble (they differ by their seeded initialization).</summary>
    public int Members { get; init; } = 5;

    /// <summary>Hidden-layer widths.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [32, 32];

    /// <summary>Hidden activation.</summary>
    public MlpActivation Activation { get; init; } = MlpActivation.Tanh;

    /// <summary>Full-batch Adam steps of a <see cref="MlpEnsembleSurrogate.Fit"/> (from a fresh initialization).</summary>
    public int Epochs { get; init; } = 400;

    /// <summary>Warm-started Adam steps after <see cref="MlpEnsembleSurrogate.Add"/>.</summary>
    public int AddSteps { get; init; } = 50;

    /// <summary>Adam step size.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>L2 penalty (scikit-learn's <c>alpha</c>: alpha ||W||^2 / (2n)).</summary>
    public double Alpha { get; init; } = 1e-4;

    /// <summary>Root seed; member m of a fit on n points is initialized from a stream derived from (n, m).</summary>
    public Seed Seed { get; init; } = new(0x3E11_AB1E);

    /// <summary>Threads that train and evaluate members (Appendix C's CPU count); results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Hidden, nameof(Hidden));
        Positive(Members, nameof(Members));
        Positive(Epochs, nameof(Epochs));
        Positive(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
        if (AddSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AddSteps), AddSteps, "AddSteps must be >= 0.");
        }

        if (Hidden.Count == 0 || Hidden.Any(h => h < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Hidden), "Hidden needs at least one layer, every width >= 1.");
        }

        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be finite and > 0.");
        }

        if (!(Alpha >= 0) || double.IsInfinity(Alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be finite and >= 0.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 1.");
        }
    }
}
