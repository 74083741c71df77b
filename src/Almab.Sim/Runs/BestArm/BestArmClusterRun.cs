using Almab.Algorithms.BestArm;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.BestArm;

/// <summary>
/// Runs one BAIwRC episode with every pull as a job on the simulated cluster (SH-RR paper's time budget read as a
/// resource whose consumption is the pull's virtual duration), so a BAI run has a virtual wall-clock axis. The
/// cluster's own streams derive from the trial seed ("cluster"); the agent's answer is the one
/// <see cref="BestArmEpisode"/> gives for the same trial seed.
/// </summary>
public static class BestArmClusterRun
{
    /// <summary>
    /// Runs <paramref name="agent"/> on <paramref name="environment"/>; pull durations are the consumption of resource
    /// <paramref name="timeResource"/>.
    /// </summary>
    public static BestArmClusterResult Run(BestArmEnvironment environment, IBestArmAgent agent, Seed trialSeed, ClusterConfig cluster, int timeResource = 0)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(cluster);
        var source = new BestArmJobSource(environment, agent, trialSeed, timeResource);
        var report = ClusterSimulator.Run(cluster, trialSeed.Derive("cluster"), source);
        int answer = source.Answer();
        var outcome = new BestArmOutcome(answer, source.Pulls, answer >= 0 && answer == environment.Instance.BestArm, source.PermutationSeed);
        return new BestArmClusterResult
        {
            Outcome = outcome,
            Totals = [.. source.Totals],
            ArrivalSeconds = [.. source.Arrivals],
            Cluster = report,
        };
    }
}
