namespace Almab.Algorithms.Optimizers.Tpe;

/// <summary>
/// Settings of <see cref="TpeOptimizer"/>; the defaults are Optuna 3.x's TPESampler defaults (with the constant liar
/// switched on, as trials may be pending in our asynchronous setting).
/// </summary>
public sealed record TpeOptions
{
    /// <summary>Completed trials drawn uniformly at random before the model is used (Optuna: n_startup_trials = 10).</summary>
    public int StartupTrials { get; init; } = 10;

    /// <summary>Candidates drawn from l(x) per parameter and ask (Optuna: n_ei_candidates = 24).</summary>
    public int EiCandidates { get; init; } = 24;

    /// <summary>gamma(n) = min(ceil(GammaFraction * n), GammaCap) good observations (Optuna: 0.1 and 25).</summary>
    public double GammaFraction { get; init; } = 0.1;

    /// <summary>Upper bound of the number of good observations (Optuna: 25).</summary>
    public int GammaCap { get; init; } = 25;

    /// <summary>Weight of the prior component before normalization (Optuna: prior_weight = 1).</summary>
    public double PriorWeight { get; init; } = 1.0;

    /// <summary>Clip kernel widths below at range / min(100, 1 + components) (Optuna: consider_magic_clip = true).</summary>
    public bool MagicClip { get; init; } = true;

    /// <summary>Let the outermost kernels use the gap to the bound (Optuna: consider_endpoints = false).</summary>
    public bool Endpoints { get; init; }

    /// <summary>
    /// Proper truncated-normal kernel densities (Optuna 3.5 and later, after the fix of optuna issue #5109). False, the
    /// default, reproduces Optuna 3.1-3.4, whose continuous kernels lack the 1/sigma factor: narrow kernels are then not
    /// taller than wide ones, which makes l(x)/g(x) favour the good region more greedily.
    /// </summary>
    public bool NormalizedKernels { get; init; }

    /// <summary>Pending trials count as the worst observations (Optuna: constant_liar, off there, on here).</summary>
    public bool ConstantLiar { get; init; } = true;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (StartupTrials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(StartupTrials), StartupTrials, "tpe: StartupTrials must be >= 1");
        }

        if (EiCandidates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EiCandidates), EiCandidates, "tpe: EiCandidates must be >= 1");
        }

        if (!(GammaFraction > 0 && GammaFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(GammaFraction), GammaFraction, "tpe: GammaFraction must be in (0, 1]");
        }

        if (GammaCap < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(GammaCap), GammaCap, "tpe: GammaCap must be >= 1");
        }

        if (!(PriorWeight > 0) || !double.IsFinite(PriorWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(PriorWeight), PriorWeight, "tpe: PriorWeight must be finite and > 0");
        }
    }

    /// <summary>The number of good observations among <paramref name="n"/> completed ones.</summary>
    public int Gamma(int n) => Math.Min((int)Math.Ceiling(GammaFraction * n), GammaCap);
}
