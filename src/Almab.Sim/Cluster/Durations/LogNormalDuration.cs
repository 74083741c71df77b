using Almab.Algorithms.Randomness;
using MathNet.Numerics;

namespace Almab.Sim.Cluster.Durations;

/// <summary>Log-normal duration exp(μ + σZ), Z standard normal (mean e^(μ+σ²/2)); right-skewed run times.</summary>
public sealed record LogNormalDuration : DurationDistribution
{
    /// <summary>Creates the log-normal with log-mean <paramref name="mu"/> (finite) and log-sd <paramref name="sigma"/> &gt; 0.</summary>
    public LogNormalDuration(double mu, double sigma)
    {
        Mu = double.IsFinite(mu) ? mu : throw new ArgumentOutOfRangeException(nameof(mu), mu, $"mu must be finite, got {mu}.");
        Sigma = Positive(sigma, nameof(sigma));
    }

    /// <summary>The log-normal with mean <paramref name="meanSeconds"/> and log-sd <paramref name="sigma"/> (μ = ln mean − σ²/2).</summary>
    public static LogNormalDuration FromMean(double meanSeconds, double sigma)
    {
        Positive(meanSeconds, nameof(meanSeconds));
        Positive(sigma, nameof(sigma));
        return new LogNormalDuration(Math.Log(meanSeconds) - 0.5 * sigma * sigma, sigma);
    }

    /// <summary>Mean of ln X.</summary>
    public double Mu { get; }

    /// <summary>Standard deviation of ln X.</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    public override double Mean => Math.Exp(Mu + 0.5 * Sigma * Sigma);

    /// <inheritdoc />
    public override double Variance => double.ExpM1(Sigma * Sigma) * Math.Exp(2.0 * Mu + Sigma * Sigma);

    /// <inheritdoc />
    public override double Minimum => 0.0;

    /// <inheritdoc />
    public override double Cdf(double seconds) =>
        seconds <= 0.0 ? 0.0 : 0.5 * SpecialFunctions.Erfc(-(Math.Log(seconds) - Mu) / (Sigma * Math.Sqrt(2.0)));

    /// <inheritdoc />
    public override double Sample(Rng rng) => Math.Exp(Mu + Sigma * rng.NextGaussian());
}
