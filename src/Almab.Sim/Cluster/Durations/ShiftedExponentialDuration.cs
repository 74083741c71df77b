using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Durations;

/// <summary>
/// a + Exp(b): a fixed start-up part <see cref="ShiftSeconds"/> plus an exponential part with mean
/// <see cref="ExponentialMeanSeconds"/>, the task-time model of the ATA paper's experiments (section 7,
/// 29 sqrt(i) + Exp(29 sqrt(i)), with the worker's factor sqrt(i) applied by the heterogeneity profile).
/// </summary>
public sealed record ShiftedExponentialDuration : DurationDistribution
{
    /// <summary>Creates a + Exp(b) with <paramref name="shiftSeconds"/> = a &gt;= 0 and <paramref name="exponentialMeanSeconds"/> = b &gt; 0.</summary>
    public ShiftedExponentialDuration(double shiftSeconds, double exponentialMeanSeconds)
    {
        ShiftSeconds = NonNegative(shiftSeconds, nameof(shiftSeconds));
        ExponentialMeanSeconds = Positive(exponentialMeanSeconds, nameof(exponentialMeanSeconds));
    }

    /// <summary>The shift a in seconds.</summary>
    public double ShiftSeconds { get; }

    /// <summary>The mean b of the exponential part in seconds.</summary>
    public double ExponentialMeanSeconds { get; }

    /// <inheritdoc />
    public override double Mean => ShiftSeconds + ExponentialMeanSeconds;

    /// <inheritdoc />
    public override double Variance => ExponentialMeanSeconds * ExponentialMeanSeconds;

    /// <inheritdoc />
    public override double Minimum => ShiftSeconds;

    /// <inheritdoc />
    public override double Cdf(double seconds) =>
        seconds <= ShiftSeconds ? 0.0 : -double.ExpM1(-(seconds - ShiftSeconds) / ExponentialMeanSeconds);

    /// <inheritdoc />
    public override double Sample(Rng rng) => ShiftSeconds + rng.NextExponential(ExponentialMeanSeconds);
}
