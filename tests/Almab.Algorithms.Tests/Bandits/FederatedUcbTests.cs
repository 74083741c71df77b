using Almab.Algorithms.Bandits.Federated;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>Federated UCB agent and server (survey 001 section 1.1).</summary>
public sealed class FederatedUcbTests
{
    [Fact]
    public void Server_aggregates_count_weighted_means_and_agents_pool_them()
    {
        var q = new MeanQuantizer(64);
        var server = new FederatedUcbServer(2, q, new Seed(1));
        server.Absorb([3, 0], [0.2, 0.0]);
        server.Absorb([1, 2], [0.6, 0.5]);
        Assert.Equal(4, server.Count(0));
        Assert.Equal((3 * 0.2 + 0.6) / 4, server.Mean(0), 1e-15);
        var counts = new long[2];
        var means = new double[2];
        server.Snapshot(counts, means);
        var agent = new FederatedUcbAgent(2, q, new Seed(2));
        agent.Receive(counts, means);
        agent.Update(1, 1.0);
        Assert.Equal((2 * 0.5 + 1.0) / 3, agent.PooledMean(1), 1e-15);
        // t = 4 + 2 + 1 = 7 pooled pulls.
        double i0 = 0.3 + Math.Sqrt(2 * Math.Log(7) / 4), i1 = 2.0 / 3 + Math.Sqrt(2 * Math.Log(7) / 3);
        Assert.Equal(i1 > i0 ? 1 : 0, agent.Select());
    }

    [Fact]
    public void Periodic_and_lazy_schedules_decide_as_specified()
    {
        var q = new MeanQuantizer(64);
        var agent = new FederatedUcbAgent(2, q, new Seed(2));
        var periodic = FederatedSchedule.Periodic(3);
        var lazy = FederatedSchedule.Lazy(0.5);
        agent.Update(0, 1);
        Assert.False(agent.ShouldSend(periodic));
        Assert.True(agent.ShouldSend(lazy)); // an arm the server has never seen
        agent.Update(0, 1);
        agent.Update(0, 1);
        Assert.True(agent.ShouldSend(periodic));
        var counts = new long[2];
        var means = new double[2];
        agent.Flush(counts, means);
        Assert.Equal([3L, 0L], counts);
        Assert.Equal(1.0, means[0]);
        agent.Receive([100, 100], [0.5, 0.5]);
        // Global width sqrt(2 ln 200 / 100) = 0.3255; one reward of 1 moves the pooled mean by 0.495 / 101 only.
        agent.Update(0, 1.0);
        Assert.False(agent.ShouldSend(lazy));
        Assert.Contains("period P", Assert.Throws<ArgumentOutOfRangeException>(() => FederatedSchedule.Periodic(0)).Message);
    }

    [Fact]
    public void Quantizer_is_unbiased_on_the_grid_and_sizes_messages_in_bits()
    {
        var q = new MeanQuantizer(2);
        var rng = new Seed(4).CreateRng();
        double sum = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            double v = q.RoundTrip(0.4, rng);
            Assert.True(v == 1.0 / 3 || v == 2.0 / 3, $"decoded {v} is off the 2-bit grid");
            sum += v;
        }

        // Round up with probability 0.2 from 1/3: sd of the mean = (1/3) sqrt(0.16 / n).
        Assert.Equal(0.4, sum / n, 5 * Math.Sqrt(0.16 / n) / 3);
        Assert.Equal(8 + 40 + 3, q.MessageBytes(10));
        Assert.Equal(8 + 40 + 80, new MeanQuantizer(64).MessageBytes(10));
        Assert.Contains("bits", Assert.Throws<ArgumentOutOfRangeException>(() => new MeanQuantizer(0)).Message);
    }
}
