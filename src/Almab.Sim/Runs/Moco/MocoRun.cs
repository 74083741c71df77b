using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Moco;

/// <summary>
/// Runs a multi-objective search on the simulated cluster: every evaluation is a task on one of K workers, so the run
/// has a virtual wall-clock (each evaluation's arrival time) beside its evaluation count.
/// </summary>
public static class MocoRun
{
    public static MocoRunResult Execute(MocoRunConfig config, IMocoSearch search, IMocoProblem problem, Seed clusterSeed, Seed noiseSeed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(problem);
        var source = new MocoJobSource(config, search, problem, noiseSeed);
        var report = ClusterSimulator.Run(config.Cluster, clusterSeed, source);
        return new MocoRunResult(source.Records, report, source.ComputeSeconds);
    }
}
