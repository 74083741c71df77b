using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;
using Almab.Sim.Cluster.Workers;

namespace Almab.Sim.Cluster;

/// <summary>
/// A simulated cluster. Worker clock (normalization): a job with nominal work w on worker i takes
/// w · c_i · X seconds of undisturbed computing, X ~ <see cref="TaskTime"/> drawn from worker i's own stream and
/// c_i its <see cref="Heterogeneity"/> time factor. So <see cref="TaskTime"/> is the time per unit of nominal work
/// on a reference-speed worker: with mean 1 (the default is the constant 1) a job's expected time on a
/// reference worker is its nominal work; with unit work and a + Exp(b) it is the ATA paper's a c_i + Exp(b c_i).
/// Every property validates on assignment and names itself in the message.
/// </summary>
public sealed record ClusterConfig
{
    /// <summary>Number of workers K (&gt;= 1).</summary>
    public required int Workers
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Workers), value, $"Cluster.Workers (K) must be >= 1, got {value}.");
    }

    /// <summary>Time per unit of nominal work on a reference-speed worker (default: exactly 1).</summary>
    public DurationDistribution TaskTime
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(TaskTime), "Cluster.TaskTime is required.");
    } = new DeterministicDuration(1.0);

    /// <summary>Worker time factors c_i (default homogeneous).</summary>
    public HeterogeneityProfile Heterogeneity
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Heterogeneity), "Cluster.Heterogeneity is required.");
    } = HomogeneousProfile.Instance;

    /// <summary>Straggler episodes, or null for none.</summary>
    public SlowdownModel? Slowdown { get; init; }

    /// <summary>Crashes with repair, or null for none.</summary>
    public CrashModel? Crash { get; init; }

    /// <summary>Where a task interrupted by a crash is run again (default <see cref="CrashRequeueRule.NextFreeWorker"/>).</summary>
    public CrashRequeueRule CrashRequeue
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CrashRequeue), value, $"Cluster.CrashRequeue must be NextFreeWorker or SameWorkerAfterRepair, got {value}.");
    }

    /// <summary>Message latency and per-decision overhead (default none).</summary>
    public CommunicationModel Communication
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Communication), "Cluster.Communication is required.");
    } = CommunicationModel.None;

    /// <summary>Asynchronous (default) or synchronous rounds.</summary>
    public DispatchMode Dispatch
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Dispatch), value, $"Cluster.Dispatch must be Asynchronous or Synchronous, got {value}.");
    }

    /// <summary>Record every event in <see cref="ClusterReport.Trace"/> (off by default: it allocates).</summary>
    public bool RecordTrace { get; init; }
}
