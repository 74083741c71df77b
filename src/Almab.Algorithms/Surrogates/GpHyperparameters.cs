namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Hyperparameters of the Gaussian-process surrogate on the model's internal (possibly standardized)
/// output scale: k(x, x') = SignalVariance * rho(r) + NoiseVariance * [x = x' as the same observation],
/// r the ARD distance with per-dimension <see cref="LengthScales"/> in encoded unit-cube units.
/// This matches scikit-learn's <c>ConstantKernel(SignalVariance) * Kernel(LengthScales) + WhiteKernel(NoiseVariance)</c>.
/// </summary>
public sealed class GpHyperparameters
{
    /// <summary>Creates a validated hyperparameter set; the length-scale array is copied.</summary>
    public GpHyperparameters(IReadOnlyList<double> lengthScales, double signalVariance, double noiseVariance)
    {
        ArgumentNullException.ThrowIfNull(lengthScales);
        if (lengthScales.Count == 0)
        {
            throw new ArgumentException("At least one length scale is required.", nameof(lengthScales));
        }

        var copy = new double[lengthScales.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            double l = lengthScales[i];
            if (!(l > 0.0) || double.IsInfinity(l))
            {
                throw new ArgumentOutOfRangeException(nameof(lengthScales), l, $"Length scale {i} must be positive and finite.");
            }

            copy[i] = l;
        }

        if (!(signalVariance > 0.0) || double.IsInfinity(signalVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(signalVariance), signalVariance, "Signal variance must be positive and finite.");
        }

        if (!(noiseVariance >= 0.0) || double.IsInfinity(noiseVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "Noise variance must be non-negative and finite.");
        }

        _lengthScales = copy;
        SignalVariance = signalVariance;
        NoiseVariance = noiseVariance;
    }

    private readonly double[] _lengthScales;

    /// <summary>Per-dimension (ARD) length scales, in encoded unit-cube units.</summary>
    public IReadOnlyList<double> LengthScales => _lengthScales;

    /// <summary>Signal variance sigma_f^2 on the internal output scale.</summary>
    public double SignalVariance { get; }

    /// <summary>Gaussian observation-noise variance sigma_n^2 on the internal output scale.</summary>
    public double NoiseVariance { get; }

    /// <summary>Isotropic set: every dimension gets <paramref name="lengthScale"/>.</summary>
    public static GpHyperparameters Isotropic(int dimension, double lengthScale, double signalVariance, double noiseVariance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        var ls = new double[dimension];
        Array.Fill(ls, lengthScale);
        return new GpHyperparameters(ls, signalVariance, noiseVariance);
    }

    internal ReadOnlySpan<double> LengthScaleSpan => _lengthScales;
}
