using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Durations;

/// <summary>
/// A non-negative random duration in seconds (ARCHITECTURE.md, "TaskTimeModel"): worker clocks, message latency,
/// repair and slowdown-episode lengths. Every family states its exact mean and variance so tests can hold the
/// sampler to them. Immutable records: two distributions with equal parameters are equal.
/// </summary>
public abstract record DurationDistribution
{
    /// <summary>Exact mean in seconds (finite for every family Almab offers).</summary>
    public abstract double Mean { get; }

    /// <summary>Exact variance in seconds², <see cref="double.PositiveInfinity"/> when it does not exist.</summary>
    public abstract double Variance { get; }

    /// <summary>Lower end of the support in seconds (draws are never below it).</summary>
    public abstract double Minimum { get; }

    /// <summary>P(X &lt;= <paramref name="seconds"/>), the cumulative distribution function.</summary>
    public abstract double Cdf(double seconds);

    /// <summary>Draws one duration in seconds using <paramref name="rng"/> only.</summary>
    public abstract double Sample(Rng rng);

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt;= 0, naming <paramref name="name"/>.</summary>
    protected static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0.0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and >= 0, got {value}.");

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0, naming <paramref name="name"/>.</summary>
    protected static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0.0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and > 0, got {value}.");
}
