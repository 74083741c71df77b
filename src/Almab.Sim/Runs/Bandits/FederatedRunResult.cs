using System.Collections.Immutable;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Bandits;

/// <summary>What a federated UCB run cost and achieved; times in virtual seconds.</summary>
public sealed record FederatedRunResult
{
    /// <summary>Pseudo-regret summed over all agents, cumulative by local round (length T).</summary>
    public required ImmutableArray<double> CumulativeRegretByRound { get; init; }

    /// <summary>Agent-to-server messages.</summary>
    public required long Uplinks { get; init; }

    /// <summary>Server-to-agent messages.</summary>
    public required long Downlinks { get; init; }

    /// <summary>Bytes sent both ways.</summary>
    public required long Bytes { get; init; }

    /// <summary>The cluster report (makespan is the run's virtual duration).</summary>
    public required ClusterReport Cluster { get; init; }

    /// <summary>Final total pseudo-regret.</summary>
    public double Regret => CumulativeRegretByRound[^1];

    /// <summary>Messages both ways.</summary>
    public long Messages => Uplinks + Downlinks;
}
