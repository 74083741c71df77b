using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Settings of <see cref="GaussianProcess"/> (ALMAB-DC section 2.2). Defaults are our choice for
/// unit-cube inputs with standardized outputs; the bounds apply to the log-space hyperparameter search.
/// </summary>
public sealed record GaussianProcessOptions
{
    /// <summary>Covariance family.</summary>
    public KernelFamily Kernel { get; init; } = KernelFamily.Matern52;

    /// <summary>Prior mean: zero, or the sample mean of the fitted targets.</summary>
    public GpMean Mean { get; init; } = GpMean.Constant;

    /// <summary>
    /// Divide the (centred, if <see cref="Mean"/> is constant) targets by their sample standard deviation
    /// (ddof 0, a zero deviation treated as 1, as scikit-learn's <c>normalize_y</c>). Predictions are reported on
    /// the original scale; the log marginal likelihood is that of the transformed targets.
    /// </summary>
    public bool Standardize { get; init; } = true;

    /// <summary>
    /// Starting hyperparameters of the first optimisation start, and the hyperparameters used when
    /// fitting without optimisation. Null: every length scale 0.5, signal variance 1, noise variance 1e-2.
    /// </summary>
    public GpHyperparameters? InitialHyperparameters { get; init; }

    /// <summary>Bounds (inclusive) for every length scale during optimisation.</summary>
    public (double Lower, double Upper) LengthScaleBounds { get; init; } = (1e-3, 1e3);

    /// <summary>Bounds (inclusive) for the signal variance during optimisation.</summary>
    public (double Lower, double Upper) SignalVarianceBounds { get; init; } = (1e-3, 1e3);

    /// <summary>Bounds (inclusive) for the noise variance during optimisation.</summary>
    public (double Lower, double Upper) NoiseVarianceBounds { get; init; } = (1e-8, 10.0);

    /// <summary>Optimise the noise variance (scikit-learn <c>WhiteKernel</c>) or keep it fixed (scikit-learn <c>alpha</c>).</summary>
    public bool OptimizeNoise { get; init; } = true;

    /// <summary>
    /// Extra optimisation starts drawn uniformly in the log-space box, after the start at
    /// <see cref="InitialHyperparameters"/> (the meaning of scikit-learn's <c>n_restarts_optimizer</c>).
    /// </summary>
    public int Restarts { get; init; } = 4;

    /// <summary>Maximum quasi-Newton iterations per start.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>
    /// After the starts, run L-BFGS once more from the best optimum with much tighter tolerances (projected gradient
    /// 1e-8, relative decrease 1e-13), so the fit is converged well past scipy's default stopping point (the
    /// scikit-learn comparison relies on it). Frequent warm-started refits inside an optimizer can turn it off: the
    /// extra digits of the likelihood do not move a decision, and the polish costs as much as a start.
    /// </summary>
    public bool Polish { get; init; } = true;

    /// <summary>Seed of the random restarts.</summary>
    public Seed Seed { get; init; } = new(0x6A09E667F3BCC908UL);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate(int dimension)
    {
        CheckBounds(LengthScaleBounds, nameof(LengthScaleBounds), 0.0);
        CheckBounds(SignalVarianceBounds, nameof(SignalVarianceBounds), 0.0);
        CheckBounds(NoiseVarianceBounds, nameof(NoiseVarianceBounds), 0.0);
        if (Restarts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Restarts), Restarts, "Restarts must be >= 0.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be >= 1.");
        }

        if (InitialHyperparameters is not null && InitialHyperparameters.LengthScales.Count != dimension)
        {
            throw new ArgumentException(
                $"InitialHyperparameters has {InitialHyperparameters.LengthScales.Count} length scales but the dimension is {dimension}.");
        }

        if (!Enum.IsDefined(Kernel))
        {
            throw new ArgumentOutOfRangeException(nameof(Kernel), Kernel, "Unknown kernel family.");
        }

        if (!Enum.IsDefined(Mean))
        {
            throw new ArgumentOutOfRangeException(nameof(Mean), Mean, "Unknown mean kind.");
        }
    }

    private static void CheckBounds((double Lower, double Upper) b, string name, double floor)
    {
        if (!(b.Lower > floor) || !(b.Upper >= b.Lower) || double.IsInfinity(b.Upper))
        {
            throw new ArgumentOutOfRangeException(name, b, $"{name} must satisfy 0 < lower <= upper < infinity.");
        }
    }
}
