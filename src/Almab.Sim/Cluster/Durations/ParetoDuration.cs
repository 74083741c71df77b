using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Durations;

/// <summary>
/// Pareto (type I) duration: P(X &gt; x) = (x_m / x)^α for x &gt;= x_m, the heavy-tailed straggler model.
/// The shape must exceed 1 so the mean α x_m / (α − 1) exists; the variance is infinite for α &lt;= 2.
/// </summary>
public sealed record ParetoDuration : DurationDistribution
{
    /// <summary>Creates Pareto with minimum <paramref name="scaleSeconds"/> = x_m &gt; 0 and tail index <paramref name="shape"/> = α &gt; 1.</summary>
    public ParetoDuration(double scaleSeconds, double shape)
    {
        ScaleSeconds = Positive(scaleSeconds, nameof(scaleSeconds));
        Shape = double.IsFinite(shape) && shape > 1.0
            ? shape
            : throw new ArgumentOutOfRangeException(nameof(shape), shape, $"shape must be finite and > 1 (finite mean), got {shape}.");
    }

    /// <summary>The Pareto with mean <paramref name="meanSeconds"/> and tail index <paramref name="shape"/> (x_m = mean (α − 1) / α).</summary>
    public static ParetoDuration FromMean(double meanSeconds, double shape)
    {
        Positive(meanSeconds, nameof(meanSeconds));
        if (!(shape > 1.0) || !double.IsFinite(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, $"shape must be finite and > 1 (finite mean), got {shape}.");
        }

        return new ParetoDuration(meanSeconds * (shape - 1.0) / shape, shape);
    }

    /// <summary>The minimum x_m in seconds.</summary>
    public double ScaleSeconds { get; }

    /// <summary>The tail index α.</summary>
    public double Shape { get; }

    /// <inheritdoc />
    public override double Mean => Shape * ScaleSeconds / (Shape - 1.0);

    /// <inheritdoc />
    public override double Variance =>
        Shape <= 2.0
            ? double.PositiveInfinity
            : ScaleSeconds * ScaleSeconds * Shape / ((Shape - 1.0) * (Shape - 1.0) * (Shape - 2.0));

    /// <inheritdoc />
    public override double Minimum => ScaleSeconds;

    /// <inheritdoc />
    public override double Cdf(double seconds) =>
        seconds <= ScaleSeconds ? 0.0 : 1.0 - Math.Pow(ScaleSeconds / seconds, Shape);

    /// <inheritdoc />
    public override double Sample(Rng rng) => ScaleSeconds * Math.Pow(rng.NextOpenDouble(), -1.0 / Shape);
}
