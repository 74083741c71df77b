using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;
using Almab.Sim.Cluster.Workers;

namespace Almab.Sim.Tests.Cluster;

public sealed class ClusterDeterminismTests
{
    private static ClusterConfig Everything(DispatchMode mode) => new()
    {
        Workers = 6,
        TaskTime = new GammaDuration(2.0, 0.5),
        Heterogeneity = new LogNormalSpeedProfile(0.4),
        Slowdown = new SlowdownModel(10.0, new ParetoDuration(1.0, 2.5), 3.0),
        Crash = new CrashModel(30.0, new LogNormalDuration(0.0, 0.5)),
        Communication = new CommunicationModel { Latency = new ExponentialDuration(0.02), OverheadAlphaSeconds = 0.01, OverheadBeta = 0.75 },
        Dispatch = mode,
        RecordTrace = true,
    };

    private static ClusterReport RunOnce(DispatchMode mode, ulong seed) =>
        ClusterSimulator.Run(Everything(mode), new Seed(seed), new CountingJobSource(500) { CompleteSeconds = 0.01 });

    [Theory]
    [InlineData(DispatchMode.Asynchronous)]
    [InlineData(DispatchMode.Synchronous)]
    public void Same_seed_gives_identical_report_and_trace_even_on_concurrent_threads(DispatchMode mode)
    {
        var reference = RunOnce(mode, 77);
        Assert.True(reference.Trace.Length > 2000);
        Assert.True(reference.AttemptsAbandoned > 0);
        var parallel = new ClusterReport[8];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = RunOnce(mode, 77));
        foreach (var r in parallel)
        {
            Assert.Equal(reference, r);
        }

        Assert.NotEqual(reference, RunOnce(mode, 78));
    }
}
