using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Durations;

/// <summary>Exponential duration with mean <see cref="MeanSeconds"/> (memoryless; the M/M/c service time).</summary>
public sealed record ExponentialDuration : DurationDistribution
{
    /// <summary>Creates Exp with mean <paramref name="meanSeconds"/> (&gt; 0), not rate.</summary>
    public ExponentialDuration(double meanSeconds)
    {
        MeanSeconds = Positive(meanSeconds, nameof(meanSeconds));
    }

    /// <summary>The mean (= standard deviation) in seconds.</summary>
    public double MeanSeconds { get; }

    /// <inheritdoc />
    public override double Mean => MeanSeconds;

    /// <inheritdoc />
    public override double Variance => MeanSeconds * MeanSeconds;

    /// <inheritdoc />
    public override double Minimum => 0.0;

    /// <inheritdoc />
    public override double Cdf(double seconds) => seconds <= 0.0 ? 0.0 : -double.ExpM1(-seconds / MeanSeconds);

    /// <inheritdoc />
    public override double Sample(Rng rng) => rng.NextExponential(MeanSeconds);
}
