using Almab.Algorithms.Bandits.Federated;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Runs.Bandits;

namespace Almab.Sim.Tests.Runs.Bandits;

public sealed class FederatedClusterRunTests
{
    private static readonly double[] Means = [0.7, 0.6, 0.5, 0.4, 0.3];

    private static FederatedRunResult Run(FederatedSchedule schedule, int agents, int rounds, Seed seed, DispatchMode mode = DispatchMode.Synchronous, int bits = 64, double latency = 0.0) =>
        FederatedClusterRun.Run(
            new ClusterConfig { Workers = agents, Dispatch = mode, Communication = new CommunicationModel { Latency = new DeterministicDuration(latency) } },
            new FederatedRunConfig { Means = Means, RoundsPerAgent = rounds, Schedule = schedule, Bits = bits },
            seed);

    [Fact]
    public void Periodic_rounds_cost_the_closed_form_messages_bytes_and_virtual_time()
    {
        // N = 4, T = 1000, P = 10: 100 federated rounds, each P pulls of 0.01 s + 2 messages of 8 + 4K + 8K bytes at
        // 1e5 B/s + 2 latencies of 0.05 s.
        var r = Run(FederatedSchedule.Periodic(10), 4, 1000, new Seed(1), latency: 0.05);
        Assert.Equal(400, r.Uplinks);
        Assert.Equal(400, r.Downlinks);
        long bytes = 8 + 4 * 5 + 8 * 5;
        Assert.Equal(800 * bytes, r.Bytes);
        Assert.Equal(100 * (10 * 0.01 + 2.0 * bytes / 1e5 + 2 * 0.05), r.Cluster.MakespanSeconds, 9);
        Assert.Equal(1000, r.CumulativeRegretByRound.Length);
    }

    [Fact]
    public void Quantized_messages_are_smaller()
    {
        var r = Run(FederatedSchedule.Periodic(10), 4, 200, new Seed(1), bits: 4);
        Assert.Equal(2 * 4 * 20 * (8 + 4 * 5 + (5 * 4 + 7) / 8), r.Bytes);
    }

    [Fact]
    public void Communication_lowers_regret_and_lazy_sends_fewer_messages_than_every_round()
    {
        double every = 0, never = 0;
        long lazyMessages = 0, everyMessages = 0;
        for (int s = 0; s < 8; s++)
        {
            var seed = new Seed(5).Derive(s);
            var p1 = Run(FederatedSchedule.Periodic(1), 8, 2000, seed);
            every += p1.Regret;
            everyMessages += p1.Messages;
            never += Run(FederatedSchedule.Periodic(2000), 8, 2000, seed).Regret;
            lazyMessages += Run(FederatedSchedule.Lazy(1.0), 8, 2000, seed, DispatchMode.Asynchronous).Messages;
        }

        Assert.True(every < 0.6 * never, $"P = 1 regret {every / 8} vs no communication {never / 8}");
        Assert.True(lazyMessages < everyMessages / 4, $"lazy {lazyMessages} vs every round {everyMessages} messages");
    }

    [Fact]
    public void Same_seed_gives_identical_runs()
    {
        var a = Run(FederatedSchedule.Lazy(0.5), 6, 500, new Seed(9), DispatchMode.Asynchronous, bits: 8, latency: 0.01);
        var b = Run(FederatedSchedule.Lazy(0.5), 6, 500, new Seed(9), DispatchMode.Asynchronous, bits: 8, latency: 0.01);
        Assert.Equal(a.CumulativeRegretByRound.ToArray(), b.CumulativeRegretByRound.ToArray());
        Assert.Equal(a.Cluster, b.Cluster);
        Assert.Equal(a.Bytes, b.Bytes);
    }
}
