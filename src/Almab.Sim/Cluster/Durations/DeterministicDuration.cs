using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Durations;

/// <summary>A fixed duration: every draw equals <see cref="Seconds"/> (zero variance, consumes no randomness).</summary>
public sealed record DeterministicDuration : DurationDistribution
{
    /// <summary>The zero duration, e.g. for an ideal network.</summary>
    public static readonly DeterministicDuration Zero = new(0.0);

    /// <summary>Creates the point mass at <paramref name="seconds"/> (finite, &gt;= 0).</summary>
    public DeterministicDuration(double seconds)
    {
        Seconds = NonNegative(seconds, nameof(seconds));
    }

    /// <summary>The duration in seconds.</summary>
    public double Seconds { get; }

    /// <inheritdoc />
    public override double Mean => Seconds;

    /// <inheritdoc />
    public override double Variance => 0.0;

    /// <inheritdoc />
    public override double Minimum => Seconds;

    /// <inheritdoc />
    public override double Cdf(double seconds) => seconds >= Seconds ? 1.0 : 0.0;

    /// <inheritdoc />
    public override double Sample(Rng rng) => Seconds;
}
