using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;
using Almab.Sim.Cluster.Workers;
using Almab.Sim.Runs;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Papers.AlmabDc.Runner;

/// <summary>
/// Builds the simulated cluster and the coordinator model of a case for K workers. Task-time distributions are
/// normalized to mean 1 per unit of nominal work, so a task's expected time on a reference worker is the
/// objective's own cost; <c>shape</c> is the log-sd (log-normal), the shape k (gamma), the tail index (Pareto);
/// <c>shift</c> is the deterministic part a of <c>a + Exp(1 - a)</c> (shifted exponential).
/// </summary>
public static class ClusterFactory
{
    /// <summary>The run configuration of a case at K workers for a budget of evaluations.</summary>
    public static OptimizationRunConfig Create(ClusterSpec spec, int workers, int evaluations)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var coordinator = spec.Coordinator ?? new CoordinatorSpec();
        try
        {
            var cluster = new ClusterConfig
            {
                Workers = workers,
                TaskTime = Duration(spec.Duration ?? new DurationSpec()),
                Heterogeneity = Profile(spec.Heterogeneity),
                Dispatch = spec.Dispatch == Cases.DispatchMode.Synchronous ? Sim.Cluster.DispatchMode.Synchronous : Sim.Cluster.DispatchMode.Asynchronous,
                Communication = new CommunicationModel
                {
                    Latency = coordinator.LatencySeconds > 0 ? new DeterministicDuration(coordinator.LatencySeconds) : DeterministicDuration.Zero,
                    OverheadAlphaSeconds = coordinator.Alpha,
                    OverheadBeta = coordinator.Beta,
                },
                Crash = spec.Crash is { } crash ? new CrashModel(crash.MeanUpSeconds, new ExponentialDuration(crash.RepairSeconds)) : null,
                CrashRequeue = spec.Crash?.Requeue == Cases.CrashRequeue.SameWorkerAfterRepair
                    ? CrashRequeueRule.SameWorkerAfterRepair
                    : CrashRequeueRule.NextFreeWorker,
            };
            return new OptimizationRunConfig
            {
                Cluster = cluster,
                Budget = evaluations,
                Coordinator = new CoordinatorCostModel { TellBaseSeconds = coordinator.DecisionSeconds },
                MeasuredTimeScale = coordinator.Source == CoordinatorTimeSource.Measured ? coordinator.Scale : null,
            };
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"cluster: {e.Message}");
        }
    }

    private static DurationDistribution Duration(DurationSpec d) => d.Kind switch
    {
        "deterministic" => new DeterministicDuration(1.0),
        "exponential" => new ExponentialDuration(1.0),
        "shifted-exponential" => new ShiftedExponentialDuration(d.Shift, 1.0 - d.Shift),
        "gamma" => GammaDuration.FromMean(1.0, 1.0 / Math.Sqrt(d.Shape)),
        "log-normal" => LogNormalDuration.FromMean(1.0, d.Shape),
        "pareto" => ParetoDuration.FromMean(1.0, d.Shape),
        _ => throw new UsageException(
            $"cluster.duration.kind '{d.Kind}' is not one of deterministic, exponential, shifted-exponential, gamma, log-normal, pareto"),
    };

    private static HeterogeneityProfile Profile(string name) => name switch
    {
        "homogeneous" => HomogeneousProfile.Instance,
        "sqrt" => new SquareRootProfile(),
        "linear" => new LinearProfile(),
        "two-tier" => new TwoTierProfile(0.5, 3.0),
        "log-normal" => new LogNormalSpeedProfile(0.3),
        _ => throw new UsageException($"cluster.heterogeneity '{name}' is not one of homogeneous, sqrt, linear, two-tier, log-normal"),
    };
}
