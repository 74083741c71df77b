using Almab.Algorithms.Spaces;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Settings of <see cref="GreedyMaxVarianceDesign"/>: the fixed GP prior of case 5 of paper 000 (section 3.10,
/// eq. (9)): Matérn-3/2, length-scale 0.35, marginal variance 1, noise sd 0.2, in native coordinates.
/// </summary>
public sealed record GreedyMaxVarianceOptions
{
    /// <summary>Kernel family (paper: Matérn-3/2).</summary>
    public KernelFamily Kernel { get; init; } = KernelFamily.Matern32;

    /// <summary>Isotropic length-scale in native units (paper: 0.35).</summary>
    public double LengthScale { get; init; } = 0.35;

    /// <summary>Marginal (signal) variance sigma_f^2 (paper: 1.0).</summary>
    public double SignalVariance { get; init; } = 1.0;

    /// <summary>Observation noise standard deviation sigma_n (paper: 0.2).</summary>
    public double NoiseSd { get; init; } = 0.2;

    /// <summary>
    /// Points handed out first; null for the corners of the grid (every combination of each parameter's lowest and
    /// highest value: the paper's four corner observations on the 8 x 8 grid); empty for none.
    /// </summary>
    public IReadOnlyList<Configuration>? InitialDesign { get; init; }

    /// <summary>Largest candidate set (grid size) accepted; the posterior covariance is held as a dense n x n matrix.</summary>
    public int MaxCandidates { get; init; } = 4096;
}
