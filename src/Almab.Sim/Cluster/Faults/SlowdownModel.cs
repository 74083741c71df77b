using Almab.Sim.Cluster.Durations;

namespace Almab.Sim.Cluster.Faults;

/// <summary>
/// Straggler episodes: on each worker, independently, quiet gaps ~ Exp(<see cref="MeanSecondsBetween"/>) alternate
/// with episodes of length ~ <see cref="Duration"/> during which the worker progresses <see cref="Factor"/> times
/// slower. A task that overlaps an episode is slowed only for the overlap (its remaining work is stretched).
/// </summary>
public sealed record SlowdownModel
{
    /// <summary>Creates the model; the mean gap must be &gt; 0 and the factor &gt;= 1, all finite.</summary>
    public SlowdownModel(double meanSecondsBetween, DurationDistribution duration, double factor)
    {
        MeanSecondsBetween = double.IsFinite(meanSecondsBetween) && meanSecondsBetween > 0.0
            ? meanSecondsBetween
            : throw new ArgumentOutOfRangeException(nameof(meanSecondsBetween), meanSecondsBetween, $"Slowdown.MeanSecondsBetween must be finite and > 0, got {meanSecondsBetween}.");
        Duration = duration ?? throw new ArgumentNullException(nameof(duration), "Slowdown.Duration is required.");
        Factor = double.IsFinite(factor) && factor >= 1.0
            ? factor
            : throw new ArgumentOutOfRangeException(nameof(factor), factor, $"Slowdown.Factor must be finite and >= 1, got {factor}.");
    }

    /// <summary>Mean virtual seconds from the end of one episode to the start of the next (exponential).</summary>
    public double MeanSecondsBetween { get; }

    /// <summary>Length of an episode in virtual seconds.</summary>
    public DurationDistribution Duration { get; }

    /// <summary>How many times slower the worker runs during an episode (&gt;= 1).</summary>
    public double Factor { get; }
}
