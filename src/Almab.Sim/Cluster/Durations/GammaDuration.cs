using Almab.Algorithms.Randomness;
using MathNet.Numerics;

namespace Almab.Sim.Cluster.Durations;

/// <summary>
/// Gamma duration with shape k and scale θ (mean kθ, variance kθ²). Sampled by Marsaglia and Tsang (2000),
/// "A simple method for generating gamma variables"; for k &lt; 1 a Gamma(k + 1) draw is multiplied by U^(1/k).
/// </summary>
public sealed record GammaDuration : DurationDistribution
{
    private readonly double _d;
    private readonly double _c;

    /// <summary>Creates Gamma(<paramref name="shape"/> &gt; 0, <paramref name="scaleSeconds"/> &gt; 0).</summary>
    public GammaDuration(double shape, double scaleSeconds)
    {
        Shape = Positive(shape, nameof(shape));
        ScaleSeconds = Positive(scaleSeconds, nameof(scaleSeconds));
        _d = (shape < 1.0 ? shape + 1.0 : shape) - 1.0 / 3.0;
        _c = 1.0 / Math.Sqrt(9.0 * _d);
    }

    /// <summary>The gamma with the given mean and coefficient of variation (shape 1/cv², scale mean·cv²).</summary>
    public static GammaDuration FromMean(double meanSeconds, double coefficientOfVariation)
    {
        Positive(meanSeconds, nameof(meanSeconds));
        Positive(coefficientOfVariation, nameof(coefficientOfVariation));
        double cv2 = coefficientOfVariation * coefficientOfVariation;
        return new GammaDuration(1.0 / cv2, meanSeconds * cv2);
    }

    /// <summary>The shape k.</summary>
    public double Shape { get; }

    /// <summary>The scale θ in seconds.</summary>
    public double ScaleSeconds { get; }

    /// <inheritdoc />
    public override double Mean => Shape * ScaleSeconds;

    /// <inheritdoc />
    public override double Variance => Shape * ScaleSeconds * ScaleSeconds;

    /// <inheritdoc />
    public override double Minimum => 0.0;

    /// <inheritdoc />
    public override double Cdf(double seconds) =>
        seconds <= 0.0 ? 0.0 : SpecialFunctions.GammaLowerRegularized(Shape, seconds / ScaleSeconds);

    /// <inheritdoc />
    public override double Sample(Rng rng)
    {
        double g;
        while (true)
        {
            double x, v;
            do
            {
                x = rng.NextGaussian();
                v = 1.0 + _c * x;
            }
            while (v <= 0.0);

            v = v * v * v;
            double u = rng.NextOpenDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2 || Math.Log(u) < 0.5 * x2 + _d * (1.0 - v + Math.Log(v)))
            {
                g = _d * v;
                break;
            }
        }

        if (Shape < 1.0)
        {
            g *= Math.Pow(rng.NextOpenDouble(), 1.0 / Shape);
        }

        return g * ScaleSeconds;
    }
}
