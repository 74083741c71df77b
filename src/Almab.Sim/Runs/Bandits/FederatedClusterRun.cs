using System.Collections.Immutable;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Bandits;

/// <summary>
/// Runs federated UCB on a simulated cluster whose K workers are the N agents (survey 001 section 1.1). Synchronous
/// dispatch is the classic federated round (every agent sends, the server waits for all, then answers); asynchronous
/// dispatch lets each agent talk to the server on its own schedule (the natural mode for lazy communication).
/// Streams: cluster <c>seed/cluster</c>, agents and server <c>seed/federated</c>.
/// </summary>
public static class FederatedClusterRun
{
    /// <summary>Runs until every agent has played its rounds.</summary>
    public static FederatedRunResult Run(ClusterConfig cluster, FederatedRunConfig config, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(config);
        var source = new FederatedJobSource(config, cluster.Workers, seed.Derive("federated"));
        var report = ClusterSimulator.Run(cluster, seed.Derive("cluster"), source);
        var cumulative = ImmutableArray.CreateBuilder<double>(config.RoundsPerAgent);
        double sum = 0;
        foreach (double r in source.RegretByRound)
        {
            sum += r;
            cumulative.Add(sum);
        }

        return new FederatedRunResult
        {
            CumulativeRegretByRound = cumulative.MoveToImmutable(),
            Uplinks = source.Uplinks,
            Downlinks = source.Downlinks,
            Bytes = source.Bytes,
            Cluster = report,
        };
    }
}
