using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Environments;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Bandits;

/// <summary>
/// Runs a bandit policy on a simulated cluster (survey 001 sections 1.2 and 1.4): asynchronous dispatch gives each
/// free worker one pull as it frees up (delayed feedback); synchronous dispatch gives all K workers a batch of K
/// pulls per round (batch size B = K). Worker heterogeneity, latency and crashes come from the cluster config;
/// evaluation failures from <see cref="BanditRunConfig"/>. Streams: cluster <c>seed/cluster</c>, pulls <c>seed/pulls</c>.
/// </summary>
public static class BanditClusterRun
{
    /// <summary>Runs until <see cref="BanditRunConfig.Rewards"/> rewards have arrived.</summary>
    public static BanditRunResult Run(ClusterConfig cluster, BanditRunConfig config, IBanditPolicy policy, IArmEnvironment env, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(env);
        var source = new BanditJobSource(policy, env, config, seed.Derive("pulls"));
        var report = ClusterSimulator.Run(cluster, seed.Derive("cluster"), source);
        return new BanditRunResult
        {
            CumulativeRegret = source.Regret,
            RewardTimes = source.Times,
            TotalReward = source.TotalReward,
            FailedPulls = source.Failed,
            Retried = source.Retried,
            Dropped = source.Dropped,
            Cluster = report,
        };
    }
}
