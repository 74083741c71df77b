using Almab.Algorithms.Bandits.Federated;

namespace Almab.Sim.Runs.Bandits;

/// <summary>
/// A federated UCB run (survey 001 section 1.1): N agents, one per cluster worker, each plays
/// <see cref="RoundsPerAgent"/> local rounds on its own Bernoulli arms. Agent j's mean of arm k is
/// clamp(mu_k + delta_jk, 0, 1) with delta_jk ~ N(0, h^2) centred over agents (heterogeneous reward distributions);
/// regret is measured against the agents' average means (the federated objective). A cluster job is one stretch of
/// local rounds between two messages: its work is rounds · <see cref="PullSeconds"/> plus the bytes of the downlink
/// and uplink messages over <see cref="BandwidthBytesPerSecond"/>; the cluster adds its own message latency both ways.
/// </summary>
public sealed record FederatedRunConfig
{
    /// <summary>Global arm means mu_k in [0, 1] (K = length &gt;= 1).</summary>
    public required double[] Means
    {
        get;
        init => field = value is { Length: >= 1 } && value.All(m => m >= 0 && m <= 1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Means), "Means must hold >= 1 value, each in [0, 1].");
    }

    /// <summary>Local rounds per agent T (&gt;= 1).</summary>
    public required int RoundsPerAgent
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(RoundsPerAgent), value, $"RoundsPerAgent must be >= 1, got {value}.");
    }

    /// <summary>When agents communicate.</summary>
    public required FederatedSchedule Schedule
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Schedule), "Schedule is required.");
    }

    /// <summary>Bits per transmitted mean (1..32, or 64 for raw doubles; default 64).</summary>
    public int Bits
    {
        get;
        init => field = (value >= 1 && value <= 32) || value == 64 ? value : throw new ArgumentOutOfRangeException(nameof(Bits), value, $"Bits must be in [1, 32] or 64, got {value}.");
    } = 64;

    /// <summary>Spread h of the agents' mean offsets (finite, &gt;= 0; default 0.05).</summary>
    public double Heterogeneity
    {
        get;
        init => field = double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Heterogeneity), value, $"Heterogeneity must be finite and >= 0, got {value}.");
    } = 0.05;

    /// <summary>Virtual seconds of one local pull on a reference worker (finite, &gt; 0; default 0.01).</summary>
    public double PullSeconds
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(PullSeconds), value, $"PullSeconds must be finite and > 0, got {value}.");
    } = 0.01;

    /// <summary>Link bandwidth in bytes per virtual second (finite, &gt; 0; default 10^5).</summary>
    public double BandwidthBytesPerSecond
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(BandwidthBytesPerSecond), value, $"BandwidthBytesPerSecond must be finite and > 0, got {value}.");
    } = 1e5;
}
