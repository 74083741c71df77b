using Almab.Sim.Cluster.Durations;

namespace Almab.Sim.Cluster.Faults;

/// <summary>
/// Worker crashes: on each worker, independently, up periods ~ Exp(<see cref="MeanSecondsBetweenFailures"/>)
/// alternate with repairs of length ~ <see cref="RepairTime"/>. A task running at a crash is abandoned and
/// re-dispatched from scratch to the next free worker; it is never lost.
/// </summary>
public sealed record CrashModel
{
    /// <summary>Creates the model; the mean time between failures must be finite and &gt; 0.</summary>
    public CrashModel(double meanSecondsBetweenFailures, DurationDistribution repairTime)
    {
        MeanSecondsBetweenFailures = double.IsFinite(meanSecondsBetweenFailures) && meanSecondsBetweenFailures > 0.0
            ? meanSecondsBetweenFailures
            : throw new ArgumentOutOfRangeException(nameof(meanSecondsBetweenFailures), meanSecondsBetweenFailures, $"Crash.MeanSecondsBetweenFailures must be finite and > 0, got {meanSecondsBetweenFailures}.");
        RepairTime = repairTime ?? throw new ArgumentNullException(nameof(repairTime), "Crash.RepairTime is required.");
    }

    /// <summary>Mean virtual seconds a worker stays up after start or repair (exponential).</summary>
    public double MeanSecondsBetweenFailures { get; }

    /// <summary>Virtual seconds a crashed worker stays down.</summary>
    public DurationDistribution RepairTime { get; }
}
