using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster.Engine;

namespace Almab.Sim.Cluster;

/// <summary>
/// Runs a simulated cluster (issue 2) in virtual time: K workers with their own clocks, faults and a serial
/// coordinator connected by a latency-bearing network, driven by an <see cref="IJobSource"/>. The run ends when
/// the source creates no job while nothing is in flight. Deterministic: same config, seed and source behaviour ⇒
/// identical report (and trace), on any thread; concurrent runs share nothing.
/// </summary>
public static class ClusterSimulator
{
    /// <summary>Runs <paramref name="source"/> on the cluster <paramref name="config"/> with streams derived from <paramref name="seed"/>.</summary>
    public static ClusterReport Run(ClusterConfig config, Seed seed, IJobSource source)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(source);
        return new ClusterEngine(config, seed, source).Run();
    }
}
