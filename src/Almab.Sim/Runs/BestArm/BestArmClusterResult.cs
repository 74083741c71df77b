using System.Collections.Immutable;
using Almab.Algorithms.BestArm;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.BestArm;

/// <summary>A BAIwRC episode run on the simulated cluster.</summary>
public sealed record BestArmClusterResult
{
    /// <summary>Answer, pulls, success and the shuffle's seed (as <see cref="BestArmEpisode"/> reports them).</summary>
    public required BestArmOutcome Outcome { get; init; }

    /// <summary>Total consumption of each resource.</summary>
    public required ImmutableArray<double> Totals { get; init; }

    /// <summary>Virtual second at which each pull's result reached the agent, in pull order.</summary>
    public required ImmutableArray<double> ArrivalSeconds { get; init; }

    /// <summary>What the cluster did (makespan in virtual seconds, utilization, faults...).</summary>
    public required ClusterReport Cluster { get; init; }
}
