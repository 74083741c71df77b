using Almab.Sim.Cluster.Durations;

namespace Almab.Sim.Cluster;

/// <summary>
/// Communication costs: every message (coordinator → worker with a job, worker → coordinator with a result) takes
/// a <see cref="Latency"/> draw, and every coordinator decision costs α K^β serial seconds (ALMAB-DC section 2.4.6,
/// the overhead behind η(K) = 1/(1 + α K^β) and eq. (7)), with K the number of workers.
/// </summary>
public sealed record CommunicationModel
{
    /// <summary>No latency and no overhead.</summary>
    public static readonly CommunicationModel None = new();

    /// <summary>Per-message latency in virtual seconds (default zero).</summary>
    public DurationDistribution Latency
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Latency), "Communication.Latency is required (use DeterministicDuration.Zero for none).");
    } = DeterministicDuration.Zero;

    /// <summary>α in seconds (finite, &gt;= 0).</summary>
    public double OverheadAlphaSeconds
    {
        get;
        init => field = double.IsFinite(value) && value >= 0.0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(OverheadAlphaSeconds), value, $"Communication.OverheadAlphaSeconds must be finite and >= 0, got {value}.");
    }

    /// <summary>β, the growth exponent (finite, &gt;= 0; the paper takes β in [0.5, 1]).</summary>
    public double OverheadBeta
    {
        get;
        init => field = double.IsFinite(value) && value >= 0.0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(OverheadBeta), value, $"Communication.OverheadBeta must be finite and >= 0, got {value}.");
    } = 1.0;

    /// <summary>α K^β: serial coordinator seconds per decision with <paramref name="workers"/> workers.</summary>
    public double DecisionOverheadSeconds(int workers) => OverheadAlphaSeconds * Math.Pow(workers, OverheadBeta);
}
