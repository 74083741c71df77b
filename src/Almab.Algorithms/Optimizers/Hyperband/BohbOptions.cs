namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// Settings of <see cref="BohbOptimizer"/>; the defaults are hpbandster's BOHB defaults (Falkner et al. 2018).
/// </summary>
public sealed record BohbOptions
{
    /// <summary>The Hyperband schedule (fidelity range and eta); defaults to R = 81, eta = 3.</summary>
    public HyperbandOptions Hyperband { get; init; } = new();

    /// <summary>Percentage of the observations (best first) that form the good density l(x) (hpbandster: 15).</summary>
    public double TopPercent { get; init; } = 15;

    /// <summary>Observations a fidelity needs before it gets a model; null for d + 1 (hpbandster's default).</summary>
    public int? MinPointsInModel { get; init; }

    /// <summary>Fraction of configurations drawn uniformly at random even when a model exists (hpbandster: 1/3).</summary>
    public double RandomFraction { get; init; } = 1.0 / 3;

    /// <summary>Factor widening the good KDE's bandwidth when drawing candidates (hpbandster: 3).</summary>
    public double BandwidthFactor { get; init; } = 3;

    /// <summary>Smallest KDE bandwidth (hpbandster: 1e-3).</summary>
    public double MinBandwidth { get; init; } = 1e-3;

    /// <summary>Candidates drawn per model-based configuration (hpbandster: num_samples = 64).</summary>
    public int Samples { get; init; } = 64;

    /// <summary>Throws when a setting is out of range, naming it; <paramref name="dimension"/> is the space's.</summary>
    public void Validate(int dimension)
    {
        ArgumentNullException.ThrowIfNull(Hyperband, nameof(Hyperband));
        Hyperband.Validate();
        if (!(TopPercent > 0 && TopPercent < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(TopPercent), TopPercent, "bohb: TopPercent must be in (0, 100)");
        }

        if (MinPointsInModel is int m && m < dimension + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPointsInModel), m, $"bohb: MinPointsInModel must be >= d + 1 = {dimension + 1}");
        }

        if (!(RandomFraction >= 0 && RandomFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFraction), RandomFraction, "bohb: RandomFraction must be in [0, 1]");
        }

        if (!(BandwidthFactor > 0) || !double.IsFinite(BandwidthFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(BandwidthFactor), BandwidthFactor, "bohb: BandwidthFactor must be finite and > 0");
        }

        if (!(MinBandwidth > 0) || !double.IsFinite(MinBandwidth))
        {
            throw new ArgumentOutOfRangeException(nameof(MinBandwidth), MinBandwidth, "bohb: MinBandwidth must be finite and > 0");
        }

        if (Samples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Samples), Samples, "bohb: Samples must be >= 1");
        }
    }
}
