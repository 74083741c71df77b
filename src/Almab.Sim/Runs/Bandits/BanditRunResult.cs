using System.Collections.Immutable;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Bandits;

/// <summary>
/// What a bandit cluster run did. <see cref="CumulativeRegret"/>[i] is the pseudo-regret (best mean minus the pulled
/// arm's mean, at the pull's creation step) summed over the first i + 1 rewards in arrival order, and
/// <see cref="RewardTimes"/>[i] the virtual second reward i reached the coordinator.
/// </summary>
public sealed record BanditRunResult
{
    /// <summary>Cumulative pseudo-regret after each reward (length T).</summary>
    public required ImmutableArray<double> CumulativeRegret { get; init; }

    /// <summary>Arrival time of each reward, virtual seconds (length T).</summary>
    public required ImmutableArray<double> RewardTimes { get; init; }

    /// <summary>Total reward collected.</summary>
    public required double TotalReward { get; init; }

    /// <summary>Pulls whose evaluation failed (lost pulls).</summary>
    public required int FailedPulls { get; init; }

    /// <summary>Failed pulls that were retried.</summary>
    public required int Retried { get; init; }

    /// <summary>Failed pulls that were dropped from the policy.</summary>
    public required int Dropped { get; init; }

    /// <summary>The cluster's own report (makespan, utilization, crash re-dispatches).</summary>
    public required ClusterReport Cluster { get; init; }

    /// <summary>Final cumulative pseudo-regret.</summary>
    public double Regret => CumulativeRegret.Length == 0 ? 0.0 : CumulativeRegret[^1];
}
