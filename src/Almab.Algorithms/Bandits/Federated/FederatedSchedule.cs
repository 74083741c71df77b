namespace Almab.Algorithms.Bandits.Federated;

/// <summary>
/// When a federated agent sends its local statistics to the server (survey 001 section 1.1, "communication-efficient
/// strategies"): periodic aggregation every <see cref="Period"/> local rounds, or lazy communication when the agent's
/// view of some arm diverges from the server's by more than <see cref="LazyThreshold"/> server confidence widths.
/// Exactly one of the two is set.
/// </summary>
public sealed record FederatedSchedule
{
    private FederatedSchedule(int? period, double? lazyThreshold)
    {
        Period = period;
        LazyThreshold = lazyThreshold;
    }

    /// <summary>P: rounds between sends (periodic), or null.</summary>
    public int? Period { get; }

    /// <summary>Divergence threshold in server confidence widths (lazy), or null.</summary>
    public double? LazyThreshold { get; }

    /// <summary>Send every <paramref name="period"/> rounds (P &gt;= 1).</summary>
    public static FederatedSchedule Periodic(int period) => period >= 1
        ? new FederatedSchedule(period, null)
        : throw new ArgumentOutOfRangeException(nameof(period), period, $"aggregation period P must be >= 1, got {period}.");

    /// <summary>Send when some arm's local-plus-global mean leaves the server's mean by more than <paramref name="threshold"/> widths (&gt; 0).</summary>
    public static FederatedSchedule Lazy(double threshold) => threshold > 0 && double.IsFinite(threshold)
        ? new FederatedSchedule(null, threshold)
        : throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"lazy threshold must be finite and > 0, got {threshold}.");

    /// <inheritdoc />
    public override string ToString() => Period is int p ? $"periodic(P={p})" : $"lazy({LazyThreshold})";
}
