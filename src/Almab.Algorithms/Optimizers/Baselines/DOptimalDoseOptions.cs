using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>Settings of <see cref="DOptimalDoseDesign"/> (paper 000, section 3.9).</summary>
public sealed record DOptimalDoseOptions
{
    /// <summary>
    /// Toxicity penalty lambda of the observed utility y = Y_eff - lambda Y_tox (paper: 0.5). The default outcome
    /// decoder reads the two binary outcomes back from y, which needs lambda &gt; 0 and lambda != 1.
    /// </summary>
    public double Lambda { get; init; } = 0.5;

    /// <summary>
    /// Doses handed out before the first D-optimal choice; null for four evenly spaced levels with both endpoints
    /// (our choice; the case file passes the paper's {0, 2, 5.5, 8}). Must contain two distinct doses.
    /// </summary>
    public IReadOnlyList<Configuration>? InitialDesign { get; init; }

    /// <summary>Use Firth's penalized likelihood (finite under separation; default) rather than the plain MLE.</summary>
    public bool FirthCorrection { get; init; } = true;

    /// <summary>
    /// Reads (efficacy, toxicity) outcomes from an observation; null decodes the case-4 Bernoulli utility:
    /// y = -Value must equal e - lambda t for exactly one (e, t) in {0, 1}^2.
    /// </summary>
    public Func<Observation, (bool Efficacy, bool Toxicity)>? OutcomeDecoder { get; init; }
}
